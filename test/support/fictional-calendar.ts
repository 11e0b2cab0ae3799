// An obviously fictional holiday schedule for tests only: the real notice of a future year is not known, and no
// invented schedule ships in the product or the demo.
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const FICTIONAL_HOLIDAY = { zh: '虚构测试节', en: 'Fictional Test Festival' };
export const FICTIONAL_NEW_YEAR = { zh: '虚构元旦', en: 'Fictional New Year' };

export interface FictionalYear {
  year: number;
  /** the first Monday of March: its Wednesday to Friday are holidays, its Saturday a make-up working day */
  monday: string;
  /** `monday` plus n days */
  day: (n: number) => string;
  body: {
    year: number;
    noticeReference: string;
    noticePublishedOn: string;
    holidays: { date: string; zh: string; en: string }[];
    makeUpDays: { date: string; holiday: string }[];
  };
}

export function fictionalYear(year: number, noticePublishedOn = '2026-11-01'): FictionalYear {
  const march1 = Date.UTC(year, 2, 1);
  const mondayMs = march1 + ((8 - new Date(march1).getUTCDay()) % 7) * DAY_MS;
  const day = (n: number) => iso(mondayMs + n * DAY_MS);
  return {
    year,
    monday: day(0),
    day,
    body: {
      year,
      noticeReference: `测试〔${year}〕虚构第1号`,
      noticePublishedOn,
      holidays: [
        { date: `${year}-01-01`, ...FICTIONAL_NEW_YEAR },
        { date: day(2), ...FICTIONAL_HOLIDAY },
        { date: day(3), ...FICTIONAL_HOLIDAY },
        { date: day(4), ...FICTIONAL_HOLIDAY },
      ],
      makeUpDays: [{ date: day(5), holiday: FICTIONAL_HOLIDAY.zh }],
    },
  };
}

/** The fictional body as the in-memory registry takes it. */
export function asEnteredYear(f: FictionalYear) {
  return {
    year: f.year,
    holidays: Object.fromEntries(f.body.holidays.map((h) => [h.date, { zh: h.zh, en: h.en }])),
    makeUpDays: Object.fromEntries(f.body.makeUpDays.map((m) => [m.date, FICTIONAL_HOLIDAY])),
  };
}
