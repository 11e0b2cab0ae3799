// An expert answers a draw invitation within the rules' response window, and never after the evaluation session starts.

/** The moment an invitation closes: the earlier of the response window's end and the session start. */
export function answerBy(windowEnd: Date, sessionStart: Date): Date {
  return windowEnd < sessionStart ? windowEnd : sessionStart;
}

/** Whether an answer at `now` still counts. */
export function mayAnswer(now: Date, respondBy: Date | null, sessionStart: Date): boolean {
  return respondBy !== null && now < answerBy(respondBy, sessionStart);
}
