import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Counting } from '@app/platform/calendar/working-time';
import { rowsOf } from '@app/platform/database/rows';
import { Increment, LotRow } from './live.types';

const LOT = `
  SELECT id, project_id AS "projectId", domain, title, start_price_fen::text AS "startPriceFen", increment, bids_on_grid AS "bidsOnGrid", phase, countdown_seconds AS "countdownSeconds",
         starts_at AS "startsAt", ends_at AS "endsAt", current_price_fen::text AS "currentPriceFen", leader_paddle AS "leaderPaddle", bid_seq AS "bidSeq",
         event_seq AS "eventSeq", version, outcome, reserve_fen::text AS "reserveFen", winner_paddle AS "winnerPaddle", ended_at AS "endedAt",
         suspended_at AS "suspendedAt", counting
  FROM lot`;

export interface AcceptedBid {
  bidSeq: number;
  eventSeq: number;
  version: number;
  endsAt: Date;
  phase: 'listing' | 'live';
  acceptedAt: Date;
}

export interface BidToAccept {
  priceFen: bigint;
  paddle: number;
  clientKey: string;
  organisationId: string;
  accountId: string;
}

/** What became of one bid of a batch: taken, a repeat of its client key, below the lowest valid price, or else. */
export type BidOutcome = { outcome: 'accepted'; bid: AcceptedBid } | { outcome: 'duplicate' | 'low' | 'other'; minimumFen: string | null };

export interface Precheck {
  paddle: number | null;
  phase: string;
  livePaddles: number[] | null;
  started: boolean;
  ended: boolean;
  suspended: boolean;
  minimumFen: string;
  now: Date;
  bidsOnGrid: boolean;
  startPriceFen: string;
  increment: Increment;
  /** the bid this organisation already made with the same client key */
  earlier: EarlierBid | null;
}

export interface EarlierBid {
  seq: number;
  priceFen: string;
  paddle: number;
  acceptedAt: Date;
  endsAt: Date;
  phase: string;
}

export interface Refusal {
  phase: string;
  started: boolean;
  ended: boolean;
  suspended: boolean;
  suspendedAt: Date | null;
  minimumFen: string;
  now: Date;
  /** the project is suspended (its open lots are frozen in the same transaction), with what the kernel's gate tells */
  projectSuspended: boolean;
  projectId: string;
  projectSuspendedAt: Date | null;
  suspensionReason: string | null;
}

export interface LotEvent {
  seq: number;
  kind: 'phase' | 'bid' | 'result';
  payload: Record<string, unknown>;
  at: Date;
}

/** Every query on lots, their bidders, bids and feed events. */
@Injectable()
export class LotRepository {
  async insert(em: EntityManager, l: { projectId: string; domain: string; title: string; startPriceFen: bigint; increment: unknown; reserveSealed: Buffer | null; countdownSeconds: number; bidsOnGrid: boolean; id: string }): Promise<void> {
    await em.query(`INSERT INTO lot (id, project_id, domain, title, start_price_fen, increment, reserve_sealed, countdown_seconds, bids_on_grid) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [
      l.id,
      l.projectId,
      l.domain,
      l.title,
      l.startPriceFen.toString(),
      JSON.stringify(l.increment),
      l.reserveSealed,
      l.countdownSeconds,
      l.bidsOnGrid,
    ]);
  }

  async byId(em: EntityManager, id: string, lock: false | 'update' | 'skip' = false): Promise<LotRow | undefined> {
    const suffix = lock === 'update' ? 'FOR UPDATE' : lock === 'skip' ? 'FOR UPDATE SKIP LOCKED' : '';
    const [row] = rowsOf<LotRow>(await em.query(`${LOT} WHERE id = $1 ${suffix}`, [id]));
    return row;
  }

  async reserveSealed(em: EntityManager, id: string): Promise<Buffer | null> {
    const [row] = rowsOf<{ r: Buffer | null }>(await em.query(`SELECT reserve_sealed AS r FROM lot WHERE id = $1`, [id]));
    return row?.r ?? null;
  }

  /**
   * The whole acceptance of the bids queued on one lot, in order, in one statement against the database clock
   * (`lot_accept_bids`, migration 1764000002561): the lot row changes only while its phase is open, after its start and
   * before its end, for a price at or above the lowest valid one; each accepted bid and its feed event are written from
   * what that update returned. Nothing is read first, so no race can slip between read and write. The same statement
   * is the kernel's suspension gate (the lot's `suspended_at` and the project's status, see `checkedByStatement`) and
   * re-checks the account behind a cached actor: still a bidder of that organisation, not disabled.
   */
  async acceptMany(em: EntityManager, lotId: string, bids: BidToAccept[]): Promise<BidOutcome[]> {
    const rows = rowsOf<{ i: number; outcome: BidOutcome['outcome'] | null; bidSeq: number; eventSeq: number; version: number; endsAt: Date; phase: 'listing' | 'live'; acceptedAt: Date; minimumFen: string | null }>(
      await em.query(
        `SELECT r_index AS i, r_outcome AS outcome, r_bid_seq AS "bidSeq", r_event_seq AS "eventSeq", r_version AS version, r_ends_at AS "endsAt", r_phase AS phase,
                r_accepted_at AS "acceptedAt", r_minimum_fen::text AS "minimumFen"
           FROM lot_accept_bids($1, $2::bigint[], $3::int[], $4::text[], $5::uuid[], $6::uuid[])`,
        [lotId, bids.map((b) => b.priceFen.toString()), bids.map((b) => b.paddle), bids.map((b) => b.clientKey), bids.map((b) => b.organisationId), bids.map((b) => b.accountId)],
      ),
    );
    return bids.map((_, k): BidOutcome => {
      const r = rows.find((x) => x.i === k + 1);
      if (r?.outcome === 'accepted') return { outcome: 'accepted', bid: { bidSeq: r.bidSeq, eventSeq: r.eventSeq, version: r.version, endsAt: r.endsAt, phase: r.phase, acceptedAt: r.acceptedAt } };
      if (r?.outcome === 'low' || r?.outcome === 'duplicate') return { outcome: r.outcome, minimumFen: r.minimumFen };
      return { outcome: 'other', minimumFen: r?.minimumFen ?? null };
    });
  }

  /**
   * One unlocked read before the write: the bidder's paddle, the lot's state and the bid this client key already made,
   * if any. A bid this shows to be too low, early or late is refused without queueing for the lot's row lock, and a
   * repeated key is answered with its first bid; the atomic write still decides every other bid.
   */
  async precheck(em: EntityManager, lotId: string, organisationId: string | null, clientKey: string): Promise<Precheck | undefined> {
    const [row] = rowsOf<Precheck>(
      await em.query(
        `SELECT (SELECT paddle FROM lot_bidder WHERE lot_id = l.id AND organisation_id = $2) AS paddle, phase, live_paddles AS "livePaddles", coalesce(now() >= starts_at, false) AS started,
                suspended_at IS NOT NULL AS suspended, bids_on_grid AS "bidsOnGrid", start_price_fen::text AS "startPriceFen", increment,
                (phase = 'ended' OR now() >= ends_at) AS ended, now() AS now,
                (CASE WHEN current_price_fen IS NULL THEN start_price_fen ELSE current_price_fen + lot_step(increment, current_price_fen) END)::text AS "minimumFen",
                (SELECT json_build_object('seq', b.seq, 'priceFen', b.price_fen::text, 'paddle', b.paddle, 'acceptedAt', b.accepted_at, 'endsAt', b.ends_at, 'phase', b.phase)
                   FROM lot_bid b WHERE b.lot_id = l.id AND b.organisation_id = $2 AND b.client_key = $3) AS earlier
         FROM lot l WHERE id = $1`,
        [lotId, organisationId, clientKey],
      ),
    );
    if (row?.earlier) row.earlier = { ...row.earlier, acceptedAt: new Date(row.earlier.acceptedAt), endsAt: new Date(row.earlier.endsAt) };
    return row;
  }

  /** Why a bid was not taken, by the same clock: closed, not started, or too low (with the lowest valid price). */
  async refusal(em: EntityManager, lotId: string): Promise<Refusal | undefined> {
    const [row] = rowsOf<Refusal>(
      await em.query(
        `SELECT l.phase, coalesce(now() >= l.starts_at, false) AS started, l.suspended_at IS NOT NULL AS suspended, l.suspended_at AS "suspendedAt", (l.phase = 'ended' OR now() >= l.ends_at) AS ended, now() AS now,
                (CASE WHEN l.current_price_fen IS NULL THEN l.start_price_fen ELSE l.current_price_fen + lot_step(l.increment, l.current_price_fen) END)::text AS "minimumFen",
                p.status = 'suspended' AS "projectSuspended", p.id AS "projectId", p.suspended_at AS "projectSuspendedAt", p.suspension_reason AS "suspensionReason"
         FROM lot l JOIN trading_project p ON p.id = l.project_id WHERE l.id = $1`,
        [lotId],
      ),
    );
    return row;
  }

  /** Whether the account may still bid for its organisation (not disabled, bidder role): what `accept` re-checks. */
  async mayBid(em: EntityManager, accountId: string, organisationId: string): Promise<boolean> {
    const [row] = await em.query(
      `SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = 'bidder' WHERE a.id = $1 AND a.disabled_at IS NULL AND a.organisation_id = $2`,
      [accountId, organisationId],
    );
    return Boolean(row);
  }

  async bidByKey(em: EntityManager, lotId: string, organisationId: string, clientKey: string): Promise<{ seq: number; priceFen: string; paddle: number; acceptedAt: Date; endsAt: Date; phase: string } | undefined> {
    const [row] = rowsOf<{ seq: number; priceFen: string; paddle: number; acceptedAt: Date; endsAt: Date; phase: string }>(
      await em.query(
        `SELECT seq, price_fen::text AS "priceFen", paddle, accepted_at AS "acceptedAt", ends_at AS "endsAt", phase FROM lot_bid WHERE lot_id = $1 AND organisation_id = $2 AND client_key = $3`,
        [lotId, organisationId, clientKey],
      ),
    );
    return row;
  }

  async paddleOf(em: EntityManager, lotId: string, organisationId: string | null): Promise<number | undefined> {
    if (!organisationId) return undefined;
    const [row] = rowsOf<{ paddle: number }>(await em.query(`SELECT paddle FROM lot_bidder WHERE lot_id = $1 AND organisation_id = $2`, [lotId, organisationId]));
    return row?.paddle;
  }

  /** A paddle number drawn at random among the unused 1001–9999, so that numbers say nothing of who came first. */
  async admit(em: EntityManager, lotId: string, organisationId: string): Promise<{ paddle: number; created: boolean }> {
    const existing = await this.paddleOf(em, lotId, organisationId);
    if (existing !== undefined) return { paddle: existing, created: false };
    const [row] = rowsOf<{ paddle: number }>(
      await em.query(
        `INSERT INTO lot_bidder (lot_id, paddle, organisation_id)
         SELECT $1, p, $2 FROM generate_series(1001, 9999) p WHERE NOT EXISTS (SELECT 1 FROM lot_bidder WHERE lot_id = $1 AND paddle = p) ORDER BY random() LIMIT 1
         RETURNING paddle`,
        [lotId, organisationId],
      ),
    );
    return { paddle: row.paddle, created: true };
  }

  async setPhase(em: EntityManager, lotId: string, phase: 'listing' | 'live', startsAt: Date, endsAt: Date, livePaddles: number[] | null = null, counting: Counting = 'elapsed'): Promise<{ eventSeq: number; version: number }> {
    const [row] = rowsOf<{ eventSeq: number; version: number }>(
      await em.query(
        `UPDATE lot SET phase = $2, starts_at = $3, ends_at = $4, live_paddles = $5, counting = $6, event_seq = event_seq + 1, version = version + 1 WHERE id = $1
         RETURNING event_seq AS "eventSeq", version`,
        [lotId, phase, startsAt, endsAt, livePaddles, counting],
      ),
    );
    return row;
  }

  /** A suspension freezes the project's open lots: no bid is taken and no closing runs until the resumption. */
  async freezeOpen(em: EntityManager, projectId: string): Promise<{ id: string; phase: 'listing' | 'live'; endsAt: Date; counting: Counting; eventSeq: number }[]> {
    return rowsOf(
      await em.query(
        `UPDATE lot SET suspended_at = now(), event_seq = event_seq + 1, version = version + 1
          WHERE id IN (SELECT id FROM lot WHERE project_id = $1 AND phase IN ('listing','live') AND suspended_at IS NULL ORDER BY id FOR UPDATE)
         RETURNING id, phase, ends_at AS "endsAt", counting, event_seq AS "eventSeq"`,
        [projectId],
      ),
    );
  }

  /** The resumption gives a frozen lot its new end and takes bids again; the new version makes older closing jobs stale. */
  async unfreeze(em: EntityManager, lotId: string, endsAt: Date): Promise<{ phase: string; eventSeq: number; version: number } | undefined> {
    const [row] = rowsOf<{ phase: string; eventSeq: number; version: number }>(
      await em.query(
        `UPDATE lot SET suspended_at = NULL, ends_at = $2, event_seq = event_seq + 1, version = version + 1
          WHERE id = $1 AND suspended_at IS NOT NULL AND phase IN ('listing','live') RETURNING phase, event_seq AS "eventSeq", version`,
        [lotId, endsAt],
      ),
    );
    return row;
  }

  /** Whether the lot's project is suspended, as committed (read without a lock: the closer holds the lot, never the project). */
  async projectSuspended(em: EntityManager, lotId: string): Promise<boolean> {
    const [row] = await em.query(`SELECT p.status = 'suspended' AS suspended FROM lot l JOIN trading_project p ON p.id = l.project_id WHERE l.id = $1`, [lotId]);
    return Boolean(row?.suspended);
  }

  async finish(em: EntityManager, lotId: string, outcome: string, reserveFen: bigint | null): Promise<LotRow> {
    await em.query(
      `UPDATE lot SET phase = 'ended', outcome = $2, winner_paddle = CASE WHEN $2 = 'sold' THEN leader_paddle END, reserve_fen = $3, ended_at = now(),
              event_seq = event_seq + 1, version = version + 1 WHERE id = $1`,
      [lotId, outcome, reserveFen === null ? null : reserveFen.toString()],
    );
    return (await this.byId(em, lotId))!;
  }

  async insertEvent(em: EntityManager, lotId: string, seq: number, kind: LotEvent['kind'], payload: Record<string, unknown>): Promise<void> {
    await em.query(`INSERT INTO lot_event (lot_id, seq, kind, payload) VALUES ($1,$2,$3,$4)`, [lotId, seq, kind, JSON.stringify(payload)]);
  }

  async events(em: EntityManager, lotId: string, after: number, limit = 500): Promise<LotEvent[]> {
    return rowsOf<LotEvent>(await em.query(`SELECT seq, kind, payload, at FROM lot_event WHERE lot_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [lotId, after, limit]));
  }

  /** The phase that just ended, in numbers: what a domain needs to decide what comes next. */
  async phaseSummary(em: EntityManager, lotId: string, phase: string): Promise<{ bids: number; bidders: number }> {
    const [row] = await em.query(`SELECT count(*)::int AS bids, count(DISTINCT paddle)::int AS bidders FROM lot_bid WHERE lot_id = $1 AND phase = $2`, [lotId, phase]);
    return row;
  }

  async overdue(em: EntityManager, limit = 100): Promise<{ id: string; version: number }[]> {
    return rowsOf<{ id: string; version: number }>(await em.query(`SELECT id, version FROM lot WHERE phase IN ('listing','live') AND suspended_at IS NULL AND ends_at <= now() ORDER BY ends_at LIMIT $1`, [limit]));
  }

  async bidders(em: EntityManager, lotId: string): Promise<{ paddle: number; organisationId: string; organisationName: string; uscc: string }[]> {
    return rowsOf(
      await em.query(
        `SELECT b.paddle, b.organisation_id AS "organisationId", o.name AS "organisationName", o.uscc FROM lot_bidder b JOIN organisation o ON o.id = b.organisation_id WHERE b.lot_id = $1 ORDER BY b.paddle`,
        [lotId],
      ),
    );
  }
}
