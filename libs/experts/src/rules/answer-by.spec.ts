import { answerBy, mayAnswer } from './answer-by';

describe('an invitation closes at the earlier of its window and the session start', () => {
  const at = (s: string) => new Date(`2026-12-01T${s}+08:00`);

  it('takes the window when the session is later, the session start when it is earlier', () => {
    expect(answerBy(at('09:30:00'), at('14:00:00'))).toEqual(at('09:30:00'));
    expect(answerBy(at('09:30:00'), at('09:10:00'))).toEqual(at('09:10:00'));
  });

  it('refuses an answer at or after the session start even inside the window', () => {
    expect(mayAnswer(at('09:09:59'), at('09:30:00'), at('09:10:00'))).toBe(true);
    expect(mayAnswer(at('09:10:00'), at('09:30:00'), at('09:10:00'))).toBe(false);
    expect(mayAnswer(at('09:10:12'), at('09:30:00'), at('09:10:00'))).toBe(false);
    expect(mayAnswer(at('09:00:00'), null, at('09:10:00'))).toBe(false);
  });
});
