import { Period } from '../calendar/period';

// Whether a period is certainly at least / at most a bound, whatever the calendar does. A working day is never
// shorter than a calendar day, so 20 wd ≥ 20 d holds, while 20 d ≥ 20 wd cannot be promised; a calendar day is
// 24 h (no daylight saving in China), so days, hours, minutes and seconds compare exactly.

const SECONDS: Record<string, number> = { d: 86_400, h: 3_600, min: 60, s: 1 };

function exactSeconds(p: Period): number | undefined {
  return SECONDS[p.unit] === undefined ? undefined : p.value * SECONDS[p.unit];
}

export function provablyAtLeast(p: Period, bound: Period): boolean {
  if (p.unit === bound.unit) return p.value >= bound.value;
  if (p.unit === 'wd') {
    // n working days span at least n calendar days
    const b = exactSeconds(bound);
    return b !== undefined && p.value * 86_400 >= b;
  }
  const [a, b] = [exactSeconds(p), exactSeconds(bound)];
  return a !== undefined && b !== undefined && a >= b;
}

export function provablyAtMost(p: Period, bound: Period): boolean {
  if (p.unit === bound.unit) return p.value <= bound.value;
  if (bound.unit === 'wd') {
    const a = exactSeconds(p);
    return a !== undefined && a <= bound.value * 86_400;
  }
  const [a, b] = [exactSeconds(p), exactSeconds(bound)];
  return a !== undefined && b !== undefined && a <= b;
}
