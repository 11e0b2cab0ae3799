// 规定 10: the announcement at least 20 days before the listing or auction starts; 规定 20: the listing lasts at least 10 days.
import { deadlineAfter, Period } from '@app/platform/calendar/period';

export type LandMode = 'listing' | 'auction';

export interface ScheduleAsked {
  listingStartsAt?: Date;
  listingEndsAt?: Date;
  auctionAt?: Date;
}

export type ScheduleCheck =
  | { ok: true; startsAt: Date; endsAt: Date | null }
  | { ok: false; refusal: 'SCHEDULE_MODE_MISMATCH' }
  | { ok: false; refusal: 'SCHEDULE_TOO_EARLY'; earliestStart: Date; earliestEnd: Date | null };

/** Checks the times the centre asks for against the periods of the project's rule snapshot, counted from `now`. */
export function checkSchedule(mode: LandMode, asked: ScheduleAsked, now: Date, periods: { announcementBeforeListing: Period; listing: Period }): ScheduleCheck {
  const start = mode === 'listing' ? asked.listingStartsAt : asked.auctionAt;
  const extra = mode === 'listing' ? asked.auctionAt : asked.listingStartsAt ?? asked.listingEndsAt;
  if (!start || extra || (mode === 'listing' && !asked.listingEndsAt)) return { ok: false, refusal: 'SCHEDULE_MODE_MISMATCH' };
  const earliestStart = deadlineAfter(now, periods.announcementBeforeListing);
  if (mode === 'auction') return start < earliestStart ? { ok: false, refusal: 'SCHEDULE_TOO_EARLY', earliestStart, earliestEnd: null } : { ok: true, startsAt: start, endsAt: null };
  const earliestEnd = deadlineAfter(start, periods.listing);
  if (start < earliestStart || asked.listingEndsAt! < earliestEnd) return { ok: false, refusal: 'SCHEDULE_TOO_EARLY', earliestStart, earliestEnd };
  return { ok: true, startsAt: start, endsAt: asked.listingEndsAt! };
}
