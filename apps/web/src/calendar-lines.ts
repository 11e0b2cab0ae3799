// The committee pastes a notice's days as lines: "2027-01-01 元旦", "2027-02-10~2027-02-17 春节 Spring Festival".

/** English names of the statutory holidays as the calendar data writes them; any other holiday names its own. */
export const HOLIDAY_EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明: 'Tomb-sweeping Day',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午: 'Dragon Boat Festival',
  端午节: 'Dragon Boat Festival',
  中秋: 'Mid-autumn Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
};

export interface HolidayLine {
  date: string;
  zh: string;
  en: string;
}

export interface MakeUpLine {
  date: string;
  holiday: string;
}

export interface LineError {
  line: number;
  text: string;
  problem: string;
}

const DAY_MS = 86_400_000;
const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至|—)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S+)(?:\s+(.+))?$/;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function dayMs(date: string): number | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? null : ms;
}

export function weekdayName(date: string): string {
  const ms = dayMs(date);
  return ms === null ? '' : WEEKDAYS[new Date(ms).getUTCDay()];
}

const nonEmpty = (text: string) =>
  text
    .split(/\r?\n/)
    .map((t, i) => ({ t: t.trim(), line: i + 1 }))
    .filter((l) => l.t && !l.t.startsWith('#'));

/** Holiday lines: a date or a range, the Chinese name, and the English one unless it is a statutory holiday. */
export function parseHolidayLines(text: string): { days: HolidayLine[]; errors: LineError[] } {
  const days: HolidayLine[] = [];
  const errors: LineError[] = [];
  for (const { t, line } of nonEmpty(text)) {
    const m = LINE.exec(t);
    if (!m) {
      errors.push({ line, text: t, problem: '格式应为「日期 节日名称」,如 2027-01-01 元旦' });
      continue;
    }
    const [, from, to, zh, enGiven] = m;
    const en = enGiven?.trim() || HOLIDAY_EN[zh];
    const start = dayMs(from);
    const end = to ? dayMs(to) : start;
    if (start === null || end === null) {
      errors.push({ line, text: t, problem: '不是有效的日期' });
    } else if (end < start || end - start > 30 * DAY_MS) {
      errors.push({ line, text: t, problem: '日期区间应从早到晚,且不超过 31 天' });
    } else if (!en) {
      errors.push({ line, text: t, problem: `请在「${zh}」之后写出英文名称` });
    } else {
      for (let ms = start; ms <= end; ms += DAY_MS) days.push({ date: new Date(ms).toISOString().slice(0, 10), zh, en });
    }
  }
  return { days, errors };
}

/** Make-up working day lines: the date (a Saturday or Sunday) and the holiday it belongs to. */
export function parseMakeUpLines(text: string): { days: MakeUpLine[]; errors: LineError[] } {
  const days: MakeUpLine[] = [];
  const errors: LineError[] = [];
  for (const { t, line } of nonEmpty(text)) {
    const m = /^(\d{4}-\d{2}-\d{2})\s+(\S+)$/.exec(t);
    if (!m || dayMs(m[1]) === null) errors.push({ line, text: t, problem: '格式应为「日期 所属节日」,如 2027-02-07 春节' });
    else days.push({ date: m[1], holiday: m[2] });
  }
  return { days, errors };
}
