import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { RuleSnapshot } from '@app/trading/rules/rule-snapshot';
import { LandOutcome } from '../rules/land-end';
import { IncrementFen } from '../rules/parcel-terms';
import { ParcelWaiting } from '../dto/parcel.dto';
import { ApplicationRow, ParcelDeskRow, ParcelRow, ParcelStatus } from './parcel.types';

const PARCEL = `
  SELECT l.project_id AS "projectId", p.code, p.name, p.region, p.status AS "projectStatus", p.owner_organisation_id AS "ownerOrganisationId", o.name AS "ownerName",
         l.location, l.area_m2::text AS "areaM2", l.land_use AS "use", l.term_years AS "termYears", l.plot_ratio::text AS "plotRatio", l.mode,
         l.start_price_fen::text AS "startPriceFen", l.increment, l.deposit_fen::text AS "depositFen", l.has_reserve AS "hasReserve", l.reserve_sealed AS "reserveSealed",
         l.status, l.lot_id AS "lotId", l.announced_at AS "announcedAt", l.listing_starts_at AS "listingStartsAt", l.listing_ends_at AS "listingEndsAt",
         l.auction_at AS "auctionAt", l.start_milestone_id AS "startMilestoneId", l.outcome, l.winner_organisation_id AS "winnerOrganisationId", w.name AS "winnerName",
         l.winner_paddle AS "winnerPaddle", l.price_fen::text AS "priceFen", l.ended_at AS "endedAt", l.publicity_until AS "publicityUntil",
         l.confirmation_no AS "confirmationNo", l.confirmed_at AS "confirmedAt"
  FROM land_parcel l JOIN trading_project p ON p.id = l.project_id JOIN organisation o ON o.id = p.owner_organisation_id
  LEFT JOIN organisation w ON w.id = l.winner_organisation_id`;

const APPLICATION = `
  SELECT a.id, a.project_id AS "projectId", a.organisation_id AS "organisationId", o.name AS "organisationName", a.file_name AS "fileName", a.sha256, a.size,
         a.deposit_method AS "depositMethod", a.deposit_reference AS "depositReference", a.deposit_amount_fen::text AS "depositAmountFen", a.status,
         a.reject_reason AS "rejectReason", a.decided_at AS "decidedAt", a.paddle, a.continue_declared_at AS "continueDeclaredAt", a.deposit_status AS "depositStatus",
         a.refund_due AS "refundDue", a.refunded_at AS "refundedAt", a.refund_reference AS "refundReference", a.received_at AS "receivedAt", a.applied_at AS "appliedAt"
  FROM land_application a JOIN organisation o ON o.id = a.organisation_id`;

const countOf = (condition: string) => `(SELECT count(*)::int FROM land_application a WHERE a.project_id = l.project_id AND ${condition})`;
const PARCEL_DESK = PARCEL.replace(
  'SELECT',
  `SELECT ${countOf(`a.status = 'submitted'`)} AS "submittedApplications", ${countOf(`a.status = 'qualified'`)} AS "qualifiedApplications",
          ${countOf(`a.deposit_status = 'refund_due'`)} AS "refundsDue",`,
);

/** The times of a parcel a suspension shifts (docs/land.md). */
export interface ParcelTimes {
  listingStartsAt?: Date;
  listingEndsAt?: Date;
  auctionAt?: Date;
  publicityUntil?: Date;
}

/** The project gate's resolver (@ProjectWrite('land-application')): an application's parcel, which is its project. */
export const PROJECT_OF_LAND_APPLICATION = `SELECT project_id FROM land_application WHERE id = $1::uuid`;

/** Every query on parcels and their applications. */
@Injectable()
export class ParcelRepository {
  async insert(
    em: EntityManager,
    p: { projectId: string; location: string; areaM2: string; use: string; termYears: number; plotRatio: string; mode: string; startPriceFen: bigint; increment: IncrementFen; depositFen: bigint; reserveSealed: Buffer | null },
  ): Promise<void> {
    await em.query(
      `INSERT INTO land_parcel (project_id, location, area_m2, land_use, term_years, plot_ratio, mode, start_price_fen, increment, deposit_fen, has_reserve, reserve_sealed)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [p.projectId, p.location, p.areaM2, p.use, p.termYears, p.plotRatio, p.mode, p.startPriceFen.toString(), JSON.stringify(p.increment), p.depositFen.toString(), p.reserveSealed !== null, p.reserveSealed],
    );
  }

  async byId(em: EntityManager, projectId: string, lock: false | 'update' | 'share' = false): Promise<ParcelRow | undefined> {
    const suffix = lock === 'update' ? 'FOR UPDATE OF l' : lock === 'share' ? 'FOR SHARE OF l' : '';
    const [row] = rowsOf<ParcelRow>(await em.query(`${PARCEL} WHERE l.project_id = $1 ${suffix}`, [projectId]));
    return row;
  }

  async byLot(em: EntityManager, lotId: string, lock = false): Promise<ParcelRow | undefined> {
    const [row] = rowsOf<ParcelRow>(await em.query(`${PARCEL} WHERE l.lot_id = $1 ${lock ? 'FOR UPDATE OF l' : ''}`, [lotId]));
    return row;
  }

  /** The reserve leaves this table once the lot holds it (sealed there under the engine's own purpose). */
  async markAnnounced(em: EntityManager, projectId: string, s: { lotId: string; listingStartsAt: Date | null; listingEndsAt: Date | null; auctionAt: Date | null; startMilestoneId: string }): Promise<void> {
    await em.query(
      `UPDATE land_parcel SET status = 'announced', lot_id = $2, announced_at = now(), listing_starts_at = $3, listing_ends_at = $4, auction_at = $5, start_milestone_id = $6,
         reserve_sealed = NULL, updated_at = now() WHERE project_id = $1`,
      [projectId, s.lotId, s.listingStartsAt, s.listingEndsAt, s.auctionAt, s.startMilestoneId],
    );
  }

  async shiftTimes(em: EntityManager, projectId: string, t: ParcelTimes): Promise<void> {
    await em.query(
      `UPDATE land_parcel SET listing_starts_at = coalesce($2, listing_starts_at), listing_ends_at = coalesce($3, listing_ends_at), auction_at = coalesce($4, auction_at),
              publicity_until = coalesce($5, publicity_until), updated_at = now() WHERE project_id = $1`,
      [projectId, t.listingStartsAt ?? null, t.listingEndsAt ?? null, t.auctionAt ?? null, t.publicityUntil ?? null],
    );
  }

  async markEnded(em: EntityManager, projectId: string, r: { outcome: LandOutcome; winnerOrganisationId: string | null; winnerPaddle: number | null; priceFen: bigint | null; publicityUntil: Date }): Promise<void> {
    await em.query(
      `UPDATE land_parcel SET status = 'ended', outcome = $2, winner_organisation_id = $3, winner_paddle = $4, price_fen = $5, ended_at = now(), publicity_until = $6, updated_at = now()
       WHERE project_id = $1`,
      [projectId, r.outcome, r.winnerOrganisationId, r.winnerPaddle, r.priceFen?.toString() ?? null, r.publicityUntil],
    );
  }

  async markConfirmed(em: EntityManager, projectId: string, confirmationNo: string, accountId: string): Promise<void> {
    await em.query(`UPDATE land_parcel SET status = 'confirmed', confirmation_no = $2, confirmed_at = now(), confirmed_by = $3, updated_at = now() WHERE project_id = $1`, [projectId, confirmationNo, accountId]);
  }

  async setStatus(em: EntityManager, projectId: string, status: ParcelStatus): Promise<void> {
    await em.query(`UPDATE land_parcel SET status = $2, updated_at = now() WHERE project_id = $1`, [projectId, status]);
  }

  async publicPage(em: EntityManager): Promise<ParcelRow[]> {
    return rowsOf<ParcelRow>(await em.query(`${PARCEL} WHERE l.status <> 'registered' ORDER BY l.announced_at DESC LIMIT 100`));
  }

  /**
   * The centre's desk: every parcel, newest registration first, with its application and refund counts; `waiting`
   * keeps the parcels where something waits for the centre.
   */
  async deskPage(em: EntityManager, filter: { status?: ParcelStatus; waiting?: ParcelWaiting }, page: number, pageSize: number): Promise<{ items: ParcelDeskRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`l.status = $${params.push(filter.status)}`);
    if (filter.waiting === 'announcement') where.push(`l.status = 'registered'`);
    if (filter.waiting === 'applications') where.push(`EXISTS (SELECT 1 FROM land_application x WHERE x.project_id = l.project_id AND x.status = 'submitted')`);
    if (filter.waiting === 'confirmation') where.push(`l.status = 'ended' AND l.outcome = 'sold'`);
    if (filter.waiting === 'refunds') where.push(`EXISTS (SELECT 1 FROM land_application x WHERE x.project_id = l.project_id AND x.deposit_status = 'refund_due')`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = rowsOf<ParcelDeskRow>(
      await em.query(`${PARCEL_DESK} ${clause} ORDER BY p.created_at DESC, l.project_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, pageSize, (page - 1) * pageSize]),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM land_parcel l ${clause}`, params);
    return { items, total };
  }

  async insertApplication(
    em: EntityManager,
    a: { projectId: string; organisationId: string; accountId: string; fileName: string; sha256: string; content: Buffer; depositMethod: string; depositReference: string; depositAmountFen: bigint; receivedAt: Date },
  ): Promise<string | undefined> {
    // A rejected applicant may apply again with new documents; a pending or qualified one may not.
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO land_application (project_id, organisation_id, applied_by, file_name, sha256, size, content, deposit_method, deposit_reference, deposit_amount_fen, received_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
         ON CONFLICT (project_id, organisation_id) DO UPDATE SET applied_by = EXCLUDED.applied_by, file_name = EXCLUDED.file_name, sha256 = EXCLUDED.sha256, size = EXCLUDED.size,
           content = EXCLUDED.content, deposit_method = EXCLUDED.deposit_method, deposit_reference = EXCLUDED.deposit_reference, deposit_amount_fen = EXCLUDED.deposit_amount_fen,
           status = 'submitted', reject_reason = NULL, decided_at = NULL, decided_by = NULL, applied_at = now(), received_at = EXCLUDED.received_at
         WHERE land_application.status = 'rejected'
         RETURNING id`,
        [a.projectId, a.organisationId, a.accountId, a.fileName, a.sha256, a.content.length, a.content, a.depositMethod, a.depositReference, a.depositAmountFen.toString(), a.receivedAt],
      ),
    );
    return row?.id;
  }

  async application(em: EntityManager, id: string, lock = false): Promise<ApplicationRow | undefined> {
    const [row] = rowsOf<ApplicationRow>(await em.query(`${APPLICATION} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`, [id]));
    return row;
  }

  async applicationOf(em: EntityManager, projectId: string, organisationId: string | null, lock = false): Promise<ApplicationRow | undefined> {
    if (!organisationId) return undefined;
    const [row] = rowsOf<ApplicationRow>(await em.query(`${APPLICATION} WHERE a.project_id = $1 AND a.organisation_id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`, [projectId, organisationId]));
    return row;
  }

  async applications(em: EntityManager, projectId: string): Promise<ApplicationRow[]> {
    return rowsOf<ApplicationRow>(await em.query(`${APPLICATION} WHERE a.project_id = $1 ORDER BY a.applied_at`, [projectId]));
  }

  async decide(em: EntityManager, id: string, d: { status: 'qualified' | 'rejected'; paddle: number | null; reason: string | null; accountId: string }): Promise<void> {
    await em.query(`UPDATE land_application SET status = $2, paddle = $3, reject_reason = $4, decided_at = now(), decided_by = $5 WHERE id = $1`, [id, d.status, d.paddle, d.reason, d.accountId]);
  }

  async declareContinue(em: EntityManager, id: string): Promise<Date> {
    const [row] = rowsOf<{ at: Date }>(await em.query(`UPDATE land_application SET continue_declared_at = coalesce(continue_declared_at, now()) WHERE id = $1 RETURNING continue_declared_at AS at`, [id]));
    return row.at;
  }

  async continuingPaddles(em: EntityManager, projectId: string): Promise<number[]> {
    const rows = rowsOf<{ paddle: number }>(await em.query(`SELECT paddle FROM land_application WHERE project_id = $1 AND status = 'qualified' AND continue_declared_at IS NOT NULL ORDER BY paddle`, [projectId]));
    return rows.map((r) => r.paddle);
  }

  /** Quotes per paddle in one phase of the lot: read from the kernel's bid table, which the engine alone writes. */
  async quotesByPaddle(em: EntityManager, lotId: string, phase: string): Promise<Map<number, number>> {
    const rows = rowsOf<{ paddle: number; n: number }>(await em.query(`SELECT paddle, count(*)::int AS n FROM lot_bid WHERE lot_id = $1 AND phase = $2 GROUP BY paddle`, [lotId, phase]));
    return new Map(rows.map((r) => [r.paddle, r.n]));
  }

  /** At the end: the winner's deposit stays held (it becomes part payment at the confirmation), every other falls due. */
  async depositsFallDue(em: EntityManager, projectId: string, winnerOrganisationId: string | null, due: Date): Promise<{ id: string; organisationId: string; amountFen: string }[]> {
    return rowsOf(
      await em.query(
        `UPDATE land_application SET deposit_status = 'refund_due', refund_due = $3
         WHERE project_id = $1 AND deposit_status = 'held' AND organisation_id IS DISTINCT FROM $2
         RETURNING id, organisation_id AS "organisationId", deposit_amount_fen::text AS "amountFen"`,
        [projectId, winnerOrganisationId, due],
      ),
    );
  }

  async convertDeposit(em: EntityManager, projectId: string, organisationId: string): Promise<{ id: string; amountFen: string } | undefined> {
    const [row] = rowsOf<{ id: string; amountFen: string }>(
      await em.query(
        `UPDATE land_application SET deposit_status = 'converted' WHERE project_id = $1 AND organisation_id = $2 AND deposit_status = 'held' RETURNING id, deposit_amount_fen::text AS "amountFen"`,
        [projectId, organisationId],
      ),
    );
    return row;
  }

  async markRefunded(em: EntityManager, id: string, reference: string): Promise<void> {
    await em.query(`UPDATE land_application SET deposit_status = 'refunded', refunded_at = now(), refund_reference = $2 WHERE id = $1`, [id, reference]);
  }

  async documentContent(em: EntityManager, id: string): Promise<{ fileName: string; content: Buffer; sha256: string } | undefined> {
    const [row] = rowsOf<{ fileName: string; content: Buffer; sha256: string }>(await em.query(`SELECT file_name AS "fileName", content, sha256 FROM land_application WHERE id = $1`, [id]));
    return row;
  }

  /**
   * Holds the lot still against its closing for the rest of the transaction (the closer takes the lot first, then
   * calls this domain): a declaration or a qualification either lands before the close or sees the lot moved on.
   */
  /** `at`: the time judged against the end (a submission's received-at); the database's now() when absent. */
  async lotForShare(em: EntityManager, lotId: string, at: Date | null = null): Promise<{ phase: string; endsAt: Date | null; beforeEnd: boolean }> {
    const [row] = rowsOf<{ phase: string; endsAt: Date | null; beforeEnd: boolean }>(
      await em.query(`SELECT phase, ends_at AS "endsAt", (ends_at IS NULL OR coalesce($2::timestamptz, now()) < ends_at) AS "beforeEnd" FROM lot WHERE id = $1 FOR SHARE`, [lotId, at]),
    );
    return row;
  }

  /** The rules frozen into the project at the announcement (the worker reads them without the kernel's services). */
  async ruleSnapshot(em: EntityManager, projectId: string): Promise<RuleSnapshot<TradingDomain.Land>> {
    const [row] = rowsOf<{ snapshot: RuleSnapshot<TradingDomain.Land> }>(await em.query(`SELECT rule_snapshot AS snapshot FROM trading_project WHERE id = $1`, [projectId]));
    return row.snapshot;
  }

  /**
   * A hosting session moved the start: the auction time, or the listing's start with its end (the listing keeps its
   * length). Only while the start has not happened (announced, the start milestone still this one); false otherwise.
   */
  async retimeStart(em: EntityManager, projectId: string, milestoneId: string, to: Date): Promise<boolean> {
    const rows = rowsOf<{ project_id: string }>(
      await em.query(
        `UPDATE land_parcel SET auction_at = CASE WHEN mode = 'auction' THEN $3::timestamptz END,
                listing_starts_at = CASE WHEN mode = 'listing' THEN $3::timestamptz END,
                listing_ends_at = CASE WHEN mode = 'listing' THEN listing_ends_at + ($3::timestamptz - listing_starts_at) END,
                updated_at = now()
          WHERE project_id = $1 AND start_milestone_id = $2 AND status = 'announced' RETURNING project_id`,
        [projectId, milestoneId, to],
      ),
    );
    return rows.length > 0;
  }

  /** The applicants still in the sale (submitted or qualified), told of a new start time. */
  async applicantOrganisations(em: EntityManager, projectId: string): Promise<string[]> {
    return rowsOf<{ id: string }>(await em.query(`SELECT organisation_id AS id FROM land_application WHERE project_id = $1 AND status IN ('submitted','qualified') ORDER BY applied_at`, [projectId])).map((r) => r.id);
  }
}
