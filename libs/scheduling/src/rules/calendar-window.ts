// The centre keeps Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving): a day is 00:00–24:00 +08:00.
export const MAX_WINDOW_MS = 31 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export interface Window {
  from: Date;
  to: Date;
}

/** The instant a Beijing-time day starts, or null for a date that does not exist (2026-02-30). */
export function dayStart(day: string): Date | null {
  const d = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(d.getTime())) return null;
  const back = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return back === day ? d : null;
}

/** Exactly one of day, week (Monday–Sunday holding the day) or from+to; null when the ask is none or several, or too wide. */
export function calendarWindow(q: { day?: string; week?: string; from?: Date; to?: Date }): Window | null {
  const given = [q.day !== undefined, q.week !== undefined, q.from !== undefined || q.to !== undefined].filter(Boolean).length;
  if (given !== 1) return null;
  if (q.day !== undefined) {
    const from = dayStart(q.day);
    return from && { from, to: new Date(from.getTime() + DAY_MS) };
  }
  if (q.week !== undefined) {
    const start = dayStart(q.week);
    if (!start) return null;
    const weekday = new Date(`${q.week}T00:00:00Z`).getUTCDay(); // 0 = Sunday
    const from = new Date(start.getTime() - ((weekday + 6) % 7) * DAY_MS);
    return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
  }
  if (!q.from || !q.to || q.to <= q.from || q.to.getTime() - q.from.getTime() > MAX_WINDOW_MS) return null;
  return { from: q.from, to: q.to };
}

/** A moved session takes its milestones along by the same delta as its start. */
export function shifted(due: Date, oldStart: Date, newStart: Date): Date {
  return new Date(due.getTime() + (newStart.getTime() - oldStart.getTime()));
}

/** The Beijing-time day (YYYY-MM-DD) an instant falls on: a session hosts only steps of its own day. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
