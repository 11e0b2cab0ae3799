import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { CandidateFacts } from '../rules/avoidance';
import { DrawRow, MemberRow, MemberStatus, RoundRow, Shortfall, StoredContext } from './draw.types';

const DRAW = `
  SELECT id, project_id AS "projectId", domain, owner_uscc AS "ownerUscc", status, requirements, committee, context,
         session_start AS "sessionStart", session_end AS "sessionEnd", algorithm, seed_sealed AS "seedSealed",
         seed_commitment AS "seedCommitment", revealed_seed AS "revealedSeed", shortfall, requested_by AS "requestedBy",
         created_at AS "createdAt", drawn_at AS "drawnAt", opened_at AS "openedAt", finished_at AS "finishedAt",
         (SELECT p.code FROM trading_project p WHERE p.id = expert_draw.project_id) AS "projectCode",
         (SELECT p.name FROM trading_project p WHERE p.id = expert_draw.project_id) AS "projectName"
  FROM expert_draw`;

const MEMBER_COLUMNS = `id, draw_id AS "drawId", expert_id::text AS "expertId", specialty_code AS "specialtyCode", round, position, kind, status,
  invited_at AS "invitedAt", respond_by AS "respondBy", responded_at AS "respondedAt", decline_reason AS "declineReason",
  deadline_milestone_id AS "deadlineMilestoneId"`;

const MEMBER = `SELECT ${MEMBER_COLUMNS} FROM expert_draw_member`;

export interface Screening {
  sessionStart: Date;
  parties: string[];
  /** the project's region when the rules avoid it, else null (nobody is flagged for region) */
  region: string | null;
  conflictsOf: Map<string, string[]>;
  unavailable: Set<string>;
  recentOf: Map<string, number>;
}

/**
 * "12,3,12,7" → ["3","7","12"]: distinct (an expert may be listed under a code and one below it), ascending by value.
 * Identity ids stay far below 2^53, so a Float64Array sorts them exactly and fast.
 */
export function ascendingIds(csv: string | null): string[] {
  if (!csv) return [];
  const values = Float64Array.from(new Set(csv.split(',')), Number).sort();
  return Array.from(values, String);
}

/** The byte-order upper bound of a specialty and everything below it: [A01, A01/) holds A01 and A01.xx.yy. */
const subtreeEnd = (code: string) => `${code}/`;

/** The project gate's resolvers (@ProjectWrite('expert-draw' | 'expert-invitation')): a draw's project, an invitation's (a drawn seat's). */
export const PROJECT_OF_DRAW = `SELECT project_id FROM expert_draw WHERE id = $1::uuid`;
export const PROJECT_OF_INVITATION = `SELECT d.project_id FROM expert_draw_member m JOIN expert_draw d ON d.id = m.draw_id WHERE m.id = $1::uuid`;

/** Every query on draws, their rounds and members. */
@Injectable()
export class DrawRepository {
  async insert(em: EntityManager, d: Omit<DrawRow, 'status' | 'revealedSeed' | 'shortfall' | 'createdAt' | 'drawnAt' | 'openedAt' | 'finishedAt'>): Promise<void> {
    await em.query(
      `INSERT INTO expert_draw (id, project_id, domain, owner_uscc, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment, requested_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [d.id, d.projectId, d.domain, d.ownerUscc, JSON.stringify(d.requirements), JSON.stringify(d.committee), JSON.stringify(d.context), d.sessionStart, d.sessionEnd, d.algorithm, d.seedSealed, d.seedCommitment, d.requestedBy],
    );
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<DrawRow | undefined> {
    const [row] = rowsOf<DrawRow>(await em.query(`${DRAW} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]));
    return row;
  }

  async setStatus(em: EntityManager, id: string, status: DrawRow['status'], extra: { shortfall?: Shortfall[] | null; stamp?: 'drawn_at' | 'opened_at' | 'finished_at'; revealedSeed?: string } = {}): Promise<void> {
    const stamp = extra.stamp ? `, ${extra.stamp} = now()` : '';
    await em.query(
      `UPDATE expert_draw SET status = $2, shortfall = CASE WHEN $3::boolean THEN $4::jsonb ELSE shortfall END, revealed_seed = coalesce($5, revealed_seed)${stamp} WHERE id = $1`,
      [id, status, extra.shortfall !== undefined, extra.shortfall ? JSON.stringify(extra.shortfall) : null, extra.revealedSeed ?? null],
    );
  }

  async unknownSpecialties(em: EntityManager, codes: string[]): Promise<string[]> {
    const known = rowsOf<{ code: string }>(await em.query(`SELECT code FROM specialty WHERE code = ANY($1)`, [codes]));
    const set = new Set(known.map((k) => k.code));
    return codes.filter((c) => !set.has(c));
  }

  /**
   * What avoidance needs beyond the specialty's own rows, read once per draw: conflicts with this project's parties,
   * unavailability during the session, and draws for the same owner within the window. All three are short lists.
   */
  async screening(em: EntityManager, drawId: string, ctx: StoredContext, session: { start: Date; end: Date }): Promise<Screening> {
    const parties = [ctx.ownerUscc, ctx.agentUscc, ...ctx.bidderUsccs].filter((u): u is string => u !== null);
    const [row] = rowsOf<{ conflicts: Record<string, string[]>; away: string[]; recent: Record<string, number> }>(
      await em.query(
        `SELECT
           (SELECT coalesce(json_object_agg(expert_id, usccs), '{}') FROM
              (SELECT expert_id, array_agg(organisation_uscc::text) AS usccs FROM expert_conflict WHERE organisation_uscc = ANY($1) GROUP BY 1) c) AS conflicts,
           (SELECT coalesce(array_agg(DISTINCT expert_id), '{}')::text[] FROM expert_unavailability WHERE during && tstzrange($2, $3)) AS away,
           (SELECT coalesce(json_object_agg(expert_id, n), '{}') FROM
              (SELECT m.expert_id, count(*) AS n FROM expert_draw d JOIN expert_draw_member m ON m.draw_id = d.id
               WHERE d.owner_uscc = $4 AND d.session_start >= $5 AND d.id <> $6 AND m.status IN ('invited','accepted') GROUP BY 1) r) AS recent`,
        [parties, session.start, session.end, ctx.ownerUscc, ctx.recentSince, drawId],
      ),
    );
    return { sessionStart: session.start, parties, region: ctx.avoidOwnRegion ? ctx.region : null, conflictsOf: new Map(Object.entries(row.conflicts)), unavailable: new Set(row.away), recentOf: new Map(Object.entries(row.recent).map(([id, n]) => [id, Number(n)])) };
  }

  /** Everyone of the specialty or below it, not retired, ascending id, with the screening's facts attached. */
  async facts(em: EntityManager, specialty: string, screening: Screening): Promise<CandidateFacts[]> {
    // One index-only range read. Parsing a row (or an array element) per expert cost four times the query, so the
    // ids come as one string and only the experts with something to screen come with their facts.
    const day = `($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;
    const flagged = `employer_uscc = ANY($4::bpchar[]) OR region = $5::bpchar OR (status = 'suspended' AND suspended_until >= ${day})`;
    const [pool] = rowsOf<{ ids: string | null; flagged: [string, string | null, string | null, boolean][] }>(
      await em.query(
        `SELECT string_agg(expert_id::text, ',') AS ids,
                coalesce(json_agg(json_build_array(expert_id::text, CASE WHEN employer_uscc = ANY($4::bpchar[]) THEN employer_uscc::text END,
                                                   CASE WHEN region = $5::bpchar THEN region::text END, status = 'suspended' AND suspended_until >= ${day}))
                         FILTER (WHERE ${flagged}), '[]') AS flagged
         FROM expert_specialty WHERE specialty_code >= $1 AND specialty_code < $2 AND status <> 'retired'`,
        [specialty, subtreeEnd(specialty), screening.sessionStart, screening.parties, screening.region],
      ),
    );
    const flags = new Map(pool.flagged.map(([id, employer, region, suspended]) => [id, { employer, region, suspended }]));
    return ascendingIds(pool.ids).map((id) => {
      const f = flags.get(id);
      return {
        id,
        partyEmployerUscc: f?.employer ?? null,
        inProjectRegion: f?.region != null,
        suspended: f?.suspended ?? false,
        conflictUsccs: screening.conflictsOf.get(id) ?? [],
        unavailable: screening.unavailable.has(id),
        recentDrawsForOwner: screening.recentOf.get(id) ?? 0,
      };
    });
  }

  async insertRound(em: EntityManager, drawId: string, r: Omit<RoundRow, 'drawnAt' | 'seedCommitment' | 'revealedSeed'>, seed?: { sealed: Buffer; commitment: string }): Promise<void> {
    await em.query(
      `INSERT INTO expert_draw_round (draw_id, round, specialty_code, wanted, cause, candidates, avoided, pool_digest, picked, seed_sealed, seed_commitment)
       VALUES ($1,$2,$3,$4,$5,$6::bigint[],$7,$8,$9::bigint[],$10,$11)`,
      [drawId, r.round, r.specialtyCode, r.wanted, r.cause, r.candidates, JSON.stringify(r.avoided), r.poolDigest, r.picked, seed?.sealed ?? null, seed?.commitment ?? null],
    );
  }

  /** Top-up rounds whose own seed is still sealed: one row per round. */
  async unrevealedRounds(em: EntityManager, drawId: string): Promise<{ round: number; seedSealed: Buffer }[]> {
    return rowsOf(
      await em.query(
        `SELECT DISTINCT ON (round) round, seed_sealed AS "seedSealed" FROM expert_draw_round WHERE draw_id = $1 AND seed_sealed IS NOT NULL AND revealed_seed IS NULL ORDER BY round`,
        [drawId],
      ),
    );
  }

  async revealRound(em: EntityManager, drawId: string, round: number, seed: string): Promise<void> {
    await em.query(`UPDATE expert_draw_round SET revealed_seed = $3 WHERE draw_id = $1 AND round = $2`, [drawId, round, seed]);
  }

  /** The evaluation is put off to a new session (a top-up after the first one started). */
  async moveSession(em: EntityManager, drawId: string, start: Date, end: Date): Promise<void> {
    await em.query(`UPDATE expert_draw SET session_start = $2, session_end = $3 WHERE id = $1`, [drawId, start, end]);
  }

  async rounds(em: EntityManager, drawId: string): Promise<RoundRow[]> {
    return rowsOf<RoundRow>(
      await em.query(
        `SELECT round, specialty_code AS "specialtyCode", wanted, cause, candidates::text[] AS candidates, avoided, pool_digest AS "poolDigest", picked::text[] AS picked, drawn_at AS "drawnAt",
                seed_commitment AS "seedCommitment", revealed_seed AS "revealedSeed"
         FROM expert_draw_round WHERE draw_id = $1 ORDER BY round, drawn_at, specialty_code`,
        [drawId],
      ),
    );
  }

  /** The draw's audit entries in chain order: the record takes its commitments and digests from here, not from the rounds. */
  async auditTrail(em: EntityManager, subjectType: string, drawId: string): Promise<{ action: string; payload: unknown }[]> {
    return em.query(`SELECT action, payload FROM audit_event WHERE subject_type = $1 AND subject_id = $2 ORDER BY id`, [subjectType, drawId]);
  }

  async nextRound(em: EntityManager, drawId: string): Promise<number> {
    const [r] = await em.query(`SELECT coalesce(max(round), -1) + 1 AS n FROM expert_draw_round WHERE draw_id = $1`, [drawId]);
    return Number(r.n);
  }

  async insertMember(em: EntityManager, m: Pick<MemberRow, 'drawId' | 'expertId' | 'specialtyCode' | 'round' | 'position' | 'kind' | 'status'>): Promise<MemberRow> {
    const [row] = rowsOf<MemberRow>(
      await em.query(
        `INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status) VALUES ($1,$2,$3,$4,$5,$6,$7)
         RETURNING ${MEMBER_COLUMNS}`,
        [m.drawId, m.expertId, m.specialtyCode, m.round, m.position, m.kind, m.status],
      ),
    );
    return row;
  }

  async member(em: EntityManager, id: string, lock = false): Promise<MemberRow | undefined> {
    const [row] = rowsOf<MemberRow>(await em.query(`${MEMBER} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]));
    return row;
  }

  async members(em: EntityManager, drawId: string): Promise<MemberRow[]> {
    return rowsOf<MemberRow>(await em.query(`${MEMBER} WHERE draw_id = $1 ORDER BY specialty_code, round, position`, [drawId]));
  }

  async markInvited(em: EntityManager, memberId: string, respondBy: Date, milestoneId: string | null): Promise<void> {
    await em.query(`UPDATE expert_draw_member SET status = 'invited', invited_at = now(), respond_by = $2, deadline_milestone_id = $3 WHERE id = $1`, [memberId, respondBy, milestoneId]);
  }

  async setDeadlineMilestone(em: EntityManager, memberId: string, milestoneId: string): Promise<void> {
    await em.query(`UPDATE expert_draw_member SET deadline_milestone_id = $2 WHERE id = $1`, [memberId, milestoneId]);
  }

  async answer(em: EntityManager, memberId: string, status: MemberStatus, reason: string | null): Promise<void> {
    await em.query(`UPDATE expert_draw_member SET status = $2, responded_at = now(), decline_reason = $3 WHERE id = $1`, [memberId, status, reason]);
  }

  async releaseStandby(em: EntityManager, drawId: string): Promise<number> {
    const rows = rowsOf<unknown>(await em.query(`UPDATE expert_draw_member SET status = 'released' WHERE draw_id = $1 AND status = 'standby' RETURNING id`, [drawId]));
    return rows.length;
  }

  /** Experts' contact and names, only for the people the draw is allowed to show them to. */
  async expertCards(em: EntityManager, ids: string[]): Promise<Map<string, { name: string; phone: string; accountId: string | null; employerName: string; title: string }>> {
    const rows = rowsOf<{ id: string; name: string; phone: string; accountId: string | null; employerName: string; title: string }>(
      await em.query(`SELECT id::text, name, phone, account_id AS "accountId", employer_name AS "employerName", title FROM expert WHERE id = ANY($1::bigint[])`, [ids]),
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async expertOfAccount(em: EntityManager, accountId: string): Promise<string | undefined> {
    const [row] = rowsOf<{ id: string }>(await em.query(`SELECT id::text FROM expert WHERE account_id = $1`, [accountId]));
    return row?.id;
  }

  async invitationsOf(em: EntityManager, expertId: string): Promise<(MemberRow & { projectName: string; projectCode: string; sessionStart: Date; sessionEnd: Date })[]> {
    return rowsOf(
      await em.query(
        `SELECT m.id, m.draw_id AS "drawId", m.expert_id::text AS "expertId", m.specialty_code AS "specialtyCode", m.round, m.position, m.kind, m.status,
                m.invited_at AS "invitedAt", least(m.respond_by, d.session_start) AS "respondBy", m.responded_at AS "respondedAt", m.decline_reason AS "declineReason",
                d.context->>'projectName' AS "projectName", d.context->>'projectCode' AS "projectCode", d.session_start AS "sessionStart", d.session_end AS "sessionEnd"
         FROM expert_draw_member m JOIN expert_draw d ON d.id = m.draw_id
         WHERE m.expert_id = $1 AND m.status <> 'standby' ORDER BY d.session_start DESC, m.invited_at DESC LIMIT 200`,
        [expertId],
      ),
    );
  }

  async recordEvaluations(em: EntityManager, draw: DrawRow): Promise<number> {
    const rows = rowsOf<{ expert_id: string }>(
      await em.query(
        `INSERT INTO expert_evaluation (expert_id, draw_id, project_id, owner_uscc, specialty_code, session_start)
         SELECT m.expert_id, d.id, d.project_id, d.owner_uscc, m.specialty_code, d.session_start
         FROM expert_draw_member m JOIN expert_draw d ON d.id = m.draw_id WHERE d.id = $1 AND m.status = 'accepted'
         ON CONFLICT DO NOTHING RETURNING expert_id`,
        [draw.id],
      ),
    );
    if (rows.length) await em.query(`UPDATE expert SET evaluation_count = evaluation_count + 1, updated_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.expert_id)]);
    return rows.length;
  }

  async byProject(em: EntityManager, projectId: string): Promise<DrawRow[]> {
    return rowsOf<DrawRow>(await em.query(`${DRAW} WHERE project_id = $1 ORDER BY created_at DESC`, [projectId]));
  }

  /**
   * The draws desk: every draw (of `domains` when given), newest request first, optionally of some statuses.
   * A page at a time; the count is exact (one row per draw, a few a day).
   */
  async page(em: EntityManager, f: { domains?: string[]; statuses?: string[] }, limit: number, offset: number): Promise<{ items: DrawRow[]; total: number }> {
    const where = `WHERE ($1::text[] IS NULL OR domain = ANY($1::text[])) AND ($2::text[] IS NULL OR status = ANY($2::text[]))`;
    const params = [f.domains ?? null, f.statuses?.length ? f.statuses : null];
    const items = rowsOf<DrawRow>(await em.query(`${DRAW} ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`, [...params, limit, offset]));
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM expert_draw ${where}`, params);
    return { items, total };
  }
}
