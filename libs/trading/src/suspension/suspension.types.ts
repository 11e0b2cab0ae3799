import { TradingDomain } from '@app/platform/auth/roles';
import { Counting } from '@app/platform/calendar/working-time';
import { Tx } from '@app/platform/database/transaction-runner';

/** A running period of a project that a suspension freezes: a deadline, a listing's end, a publicity's end. */
export interface FrozenPeriod {
  /** unique within the project, e.g. `tender.bid_deadline` or `tender_section:<id>.publicity_until` */
  key: string;
  /** what the public reads in the 中止公告 / 恢复公告, e.g. 投标截止时间 */
  label: string;
  /** when it would have come due had nothing stood still */
  dueAt: Date;
  /** how its remaining length is kept: plain time, or the working time of a period counted in working days */
  counting: Counting;
}

/** A frozen period at the resumption: where it was due (`from`) and where it comes due now (`to`). */
export interface ShiftedPeriod extends FrozenPeriod {
  from: Date;
  to: Date;
}

/**
 * What a domain freezes when a project of its domain is suspended, and how it shifts those periods when the project
 * resumes. Registered once (`ProjectFreezes.register`) by the module that owns the tables; the kernel calls `freeze`
 * and `resume` inside the suspend / resume transaction, holding the project's row lock, and computes the new times
 * itself (one rule for every domain, docs/milestones.md). Milestones under the project's subject pause and shift on
 * their own: a participant lists the domain columns that mirror them (and any period that is no milestone).
 */
export interface FreezeParticipant {
  /** a stable name, stored with each frozen period in the suspension record */
  name: string;
  /** the domain whose projects it freezes; null: every project (the engine's lots) */
  domain: TradingDomain | null;
  /** the periods running at `at` (the database's transaction time); may mark its rows frozen */
  freeze(tx: Tx, projectId: string, at: Date): Promise<FrozenPeriod[]>;
  /** writes each period's new time (`to`) into the domain's columns */
  resume(tx: Tx, projectId: string, shifted: ShiftedPeriod[], at: Date): Promise<void>;
}

/** A period as the suspension record keeps it (JSON): the participant's name with it. */
export interface RecordedPeriod {
  participant: string;
  key: string;
  label: string;
  dueAt: string;
  counting: Counting;
  /** what it had left at the suspension (ms of plain or working time) */
  remainingMs: number;
}

export interface RecordedShift {
  participant: string;
  key: string;
  label: string;
  counting: Counting;
  from: string;
  to: string;
}
