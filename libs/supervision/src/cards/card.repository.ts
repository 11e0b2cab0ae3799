import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Period } from '@app/platform/calendar/period';
import { rowsOf } from '@app/platform/database/rows';
import { CardColour } from './rules/card-times';

/** A row of the supervised_step view, with the colours carded already. */
export interface StepRow {
  stepKind: string;
  domain: string;
  projectId: string | null;
  subjectType: string;
  subjectId: string;
  stepKey: string;
  responsibleRole: string;
  organisationId: string | null;
  expertId: string | null;
  startedAt: Date | null;
  dueAt: Date | null;
  period: Period | null;
  doneAt: Date | null;
  warningPercent: number;
  hasYellow: boolean;
}

export interface NewCard {
  colour: CardColour;
  step: StepRow;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  month: string;
}

export interface CardRow {
  id: string;
  colour: CardColour;
  stepKey: string;
  stepKind: string;
  domain: string;
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  subjectType: string;
  subjectId: string;
  responsibleRole: string;
  organisationId: string | null;
  organisationName: string | null;
  expertId: string | null;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  doneAt: Date | null;
  warningPercent: number;
  issuedAt: Date;
  month: string;
}

/** Who may see which cards: everything, some domains, or what is against an organisation, the centre or an expert. */
export type CardScope = { all: true } | { domains: string[] } | { organisationId: string | null; centre: boolean; expertId: string | null };

export interface CardFilter {
  organisationId?: string;
  projectId?: string;
  colour?: CardColour;
  month?: string;
  domain?: string;
  stepKind?: string;
}

const CARD = `
  SELECT c.id, c.colour, c.step_key AS "stepKey", c.step_kind AS "stepKind", c.domain, c.project_id AS "projectId", p.code AS "projectCode",
         p.name AS "projectName", c.subject_type AS "subjectType", c.subject_id AS "subjectId", c.responsible_role AS "responsibleRole",
         c.organisation_id AS "organisationId", o.name AS "organisationName", c.expert_id::text AS "expertId", c.started_at AS "startedAt",
         c.warn_at AS "warnAt", c.due_at AS "dueAt", c.done_at AS "doneAt", c.warning_percent AS "warningPercent", c.issued_at AS "issuedAt", c.month
  FROM supervision_card c LEFT JOIN trading_project p ON p.id = c.project_id LEFT JOIN organisation o ON o.id = c.organisation_id`;

/** Re-judging steps done this long before the last scan's start covers transactions that committed after it began. */
const DONE_MARGIN = `interval '5 minutes'`;

/** supervision_card and card_scan_state; reads the supervised_step view (never a domain table directly). */
@Injectable()
export class CardRepository {
  /** The database's time and where the last scan started, less the margin (-infinity before the first scan). */
  async scanWindow(em: EntityManager): Promise<{ now: Date; doneSince: Date | string }> {
    const [r] = await em.query(
      `SELECT now() AS now, coalesce((SELECT last_started_at - ${DONE_MARGIN} FROM card_scan_state WHERE id = 1), '-infinity'::timestamptz) AS "doneSince"`,
    );
    return r;
  }

  async markScanned(em: EntityManager, startedAt: Date): Promise<void> {
    await em.query(`INSERT INTO card_scan_state (id, last_started_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET last_started_at = excluded.last_started_at`, [startedAt]);
  }

  /**
   * Steps that may still earn a card: open, or done since `doneSince`; not yet red-carded; not of a suspended project
   * (a suspended project stands still, docs/supervision-cards.md).
   */
  async candidates(em: EntityManager, doneSince: Date | string): Promise<StepRow[]> {
    return rowsOf<StepRow>(
      await em.query(
        `SELECT s.step_kind AS "stepKind", s.domain, s.project_id AS "projectId", s.subject_type AS "subjectType", s.subject_id AS "subjectId",
                s.step_key AS "stepKey", s.responsible_role AS "responsibleRole", s.organisation_id AS "organisationId", s.expert_id::text AS "expertId",
                s.started_at AS "startedAt", s.due_at AS "dueAt", s.period, s.done_at AS "doneAt", s.warning_percent AS "warningPercent",
                EXISTS (SELECT 1 FROM supervision_card y WHERE y.step_key = s.step_key AND y.colour = 'yellow') AS "hasYellow"
         FROM supervised_step s
         WHERE s.project_status IS DISTINCT FROM 'suspended'
           AND (s.done_at IS NULL OR s.done_at >= $1::timestamptz)
           AND NOT EXISTS (SELECT 1 FROM supervision_card r WHERE r.step_key = s.step_key AND r.colour = 'red')`,
        [doneSince],
      ),
    );
  }

  /** The new card's id, or undefined when this step has this colour already (another worker was first). */
  async insert(em: EntityManager, c: NewCard): Promise<string | undefined> {
    const s = c.step;
    const rows = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO supervision_card (colour, step_key, step_kind, domain, project_id, subject_type, subject_id, responsible_role, organisation_id, expert_id,
                                       started_at, warn_at, due_at, done_at, warning_percent, month)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) ON CONFLICT (step_key, colour) DO NOTHING RETURNING id`,
        [c.colour, s.stepKey, s.stepKind, s.domain, s.projectId, s.subjectType, s.subjectId, s.responsibleRole, s.organisationId, s.expertId, c.startedAt, c.warnAt, c.dueAt, s.doneAt, s.warningPercent, c.month],
      ),
    );
    return rows[0]?.id;
  }

  async byId(em: EntityManager, id: string): Promise<CardRow | undefined> {
    return rowsOf<CardRow>(await em.query(`${CARD} WHERE c.id = $1`, [id]))[0];
  }

  /** The expert-library id of an account, if it is an expert's. */
  async expertOf(em: EntityManager, accountId: string): Promise<string | null> {
    const [r] = await em.query(`SELECT id::text AS id FROM expert WHERE account_id = $1`, [accountId]);
    return r?.id ?? null;
  }

  private where(f: CardFilter, scope: CardScope): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds: string[] = [];
    if ('domains' in scope) conds.push(`c.domain = ANY(${p(scope.domains)}::text[])`);
    if ('centre' in scope) {
      const mine: string[] = [];
      if (scope.organisationId) mine.push(`c.organisation_id = ${p(scope.organisationId)}`);
      if (scope.centre) mine.push(`c.responsible_role = 'centre'`);
      if (scope.expertId) mine.push(`c.expert_id = ${p(scope.expertId)}::bigint`);
      conds.push(mine.length ? `(${mine.join(' OR ')})` : 'false');
    }
    if (f.organisationId) conds.push(`c.organisation_id = ${p(f.organisationId)}`);
    if (f.projectId) conds.push(`c.project_id = ${p(f.projectId)}`);
    if (f.colour) conds.push(`c.colour = ${p(f.colour)}`);
    if (f.month) conds.push(`c.month = ${p(f.month)}`);
    if (f.domain) conds.push(`c.domain = ${p(f.domain)}`);
    if (f.stepKind) conds.push(`c.step_kind = ${p(f.stepKind)}`);
    return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  async list(em: EntityManager, f: CardFilter, scope: CardScope, limit: number, offset: number): Promise<{ rows: CardRow[]; total: number }> {
    const { sql, params } = this.where(f, scope);
    const rows = rowsOf<CardRow>(await em.query(`${CARD} ${sql} ORDER BY c.issued_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`, params));
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM supervision_card c ${sql}`, params);
    return { rows, total: n };
  }

  /** Yellow and red cards per carded party (organisation, expert, or the centre) and month, newest month first. */
  async counts(em: EntityManager, f: CardFilter, scope: CardScope): Promise<{ month: string; organisationId: string | null; organisationName: string | null; expertId: string | null; yellow: number; red: number }[]> {
    const { sql, params } = this.where(f, scope);
    return rowsOf(
      await em.query(
        `SELECT c.month, c.organisation_id AS "organisationId", o.name AS "organisationName", c.expert_id::text AS "expertId",
                count(*) FILTER (WHERE c.colour = 'yellow')::int AS yellow, count(*) FILTER (WHERE c.colour = 'red')::int AS red
         FROM supervision_card c LEFT JOIN organisation o ON o.id = c.organisation_id ${sql}
         GROUP BY c.month, c.organisation_id, o.name, c.expert_id
         ORDER BY c.month DESC, red DESC, yellow DESC, o.name NULLS LAST, c.expert_id NULLS LAST
         LIMIT 1000`,
        params,
      ),
    );
  }
}
