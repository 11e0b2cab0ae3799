import { Period } from '@app/platform/calendar/period';
import { DrawContext } from '../rules/avoidance';

export type DrawStatus = 'pending' | 'inviting' | 'complete' | 'short' | 'failed' | 'opened' | 'finished';
export type MemberStatus = 'standby' | 'invited' | 'accepted' | 'declined' | 'expired' | 'released';

export interface Requirement {
  specialty: string;
  count: number;
  reserves: number;
}

/** The project's side and the rules, frozen into the draw when the centre requests it. */
export interface StoredContext extends DrawContext {
  projectCode: string;
  projectName: string;
  /** draws of the same owner with a session from this moment count as recent */
  recentSince: string;
  responseWindow: Period;
}

export interface DrawRow {
  id: string;
  projectId: string;
  domain: string;
  ownerUscc: string;
  status: DrawStatus;
  requirements: Requirement[];
  committee: { experts: number; ownerRepresentatives: number; size: number };
  context: StoredContext;
  sessionStart: Date;
  sessionEnd: Date;
  algorithm: string;
  seedSealed: Buffer;
  seedCommitment: string;
  revealedSeed: string | null;
  shortfall: Shortfall[] | null;
  requestedBy: string | null;
  createdAt: Date;
  drawnAt: Date | null;
  openedAt: Date | null;
  finishedAt: Date | null;
  /** the project's, read with the row */
  projectCode?: string | null;
  projectName?: string | null;
}

export interface Shortfall {
  specialty: string;
  needed: number;
  available: number;
}

export interface RoundRow {
  round: number;
  specialtyCode: string;
  wanted: number;
  cause: string;
  candidates: string[];
  avoided: { expertId: string; reasons: string[] }[];
  poolDigest: string;
  picked: string[];
  drawnAt: Date;
  /** a top-up round's own seed: its commitment, and the seed once revealed (null for rounds drawn with the draw's seed) */
  seedCommitment?: string | null;
  revealedSeed?: string | null;
}

export interface MemberRow {
  id: string;
  drawId: string;
  expertId: string;
  specialtyCode: string;
  round: number;
  position: number;
  kind: 'primary' | 'reserve';
  status: MemberStatus;
  invitedAt: Date | null;
  respondBy: Date | null;
  respondedAt: Date | null;
  declineReason: string | null;
  deadlineMilestoneId: string | null;
}
