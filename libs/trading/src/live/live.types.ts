/** An increment: a fixed step, or a ladder by price band (the step of the highest band at or below the price). */
export type Increment = { fixedFen: string } | { ladder: { fromFen: string; stepFen: string }[] };

export type LotPhase = 'pending' | 'listing' | 'live' | 'ended';
export type LotOutcome = 'sold' | 'unsold' | 'reserve_not_met' | 'handed_over';

export interface NewLot {
  projectId: string;
  domain: string;
  title: string;
  startPriceFen: bigint;
  increment: Increment;
  /** 底价: sealed at rest, compared only when the lot ends */
  reserveFen?: bigint | null;
  countdownSeconds: number;
  /** bids must sit on the increment grid (start + whole increments): the domain's rule (land `bidsOnIncrementGrid`) */
  bidsOnGrid?: boolean;
}

export interface LotRow {
  id: string;
  projectId: string;
  domain: string;
  title: string;
  startPriceFen: string;
  increment: Increment;
  bidsOnGrid: boolean;
  phase: LotPhase;
  countdownSeconds: number;
  startsAt: Date | null;
  endsAt: Date | null;
  currentPriceFen: string | null;
  leaderPaddle: number | null;
  bidSeq: number;
  eventSeq: number;
  version: number;
  outcome: LotOutcome | null;
  reserveFen: string | null;
  winnerPaddle: number | null;
  endedAt: Date | null;
  /** set while the lot's project is suspended: the lot takes no bid and does not close */
  suspendedAt: Date | null;
  /** how a suspension keeps what the phase had left (plain, or working time for a listing counted in working days) */
  counting: import('@app/platform/calendar/working-time').Counting;
}

/** What happens when a lot's time is up, decided by the domain that owns it (e.g. land: listing → live, or a result). */
export type LotEndHandler = (tx: import('@app/platform/database/transaction-runner').Tx, lot: LotRow, summary: LotEndSummary) => Promise<void>;

export interface LotEndSummary {
  /** bids in the phase that ended */
  bids: number;
  /** distinct paddles that bid in it */
  bidders: number;
  highestFen: bigint | null;
  leaderPaddle: number | null;
  /** reserve opened at the end (null when none was set) */
  reserveFen: bigint | null;
}
