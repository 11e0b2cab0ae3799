import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { ExpertStatus } from '../rules/expert-row';

/** What the library holds of every expert, as stored and as shown (the ID number only masked). */
interface ExpertFields {
  name: string;
  idNumberMasked: string;
  phone: string;
  employerUscc: string;
  employerName: string;
  region: string;
  title: string;
  qualification: string | null;
  status: ExpertStatus;
  suspendedUntil: string | null;
}

/** An expert ready to be stored: the ID number already sealed, indexed and masked. */
export interface SealedExpert extends ExpertFields {
  idNumberSealed: Buffer;
  idNumberIndex: string;
  specialties: string[];
}

export interface SpecialtyRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface ExpertRow extends ExpertFields {
  id: string;
  accountId: string | null;
  creditScore: number;
  evaluationCount: number;
  specialties: SpecialtyRef[];
  createdAt: Date;
  updatedAt: Date;
}

export interface UnavailabilityRow {
  id: string;
  from: Date;
  to: Date;
  reason: string;
  createdAt: Date;
}

export interface ConflictRow {
  id: string;
  organisationUscc: string;
  reason: string;
  createdAt: Date;
}

export interface ExpertFilter {
  specialty?: string;
  status?: ExpertStatus;
  region?: string;
  name?: string;
  page: number;
  pageSize: number;
}

export type ExpertUpdate = Partial<Pick<ExpertRow, 'phone' | 'employerUscc' | 'employerName' | 'region' | 'title' | 'qualification' | 'status' | 'suspendedUntil'>>;

const COLUMNS: Record<keyof ExpertUpdate, string> = {
  phone: 'phone',
  employerUscc: 'employer_uscc',
  employerName: 'employer_name',
  region: 'region',
  title: 'title',
  qualification: 'qualification',
  status: 'status',
  suspendedUntil: 'suspended_until',
};

// Never selects id_number_sealed: nothing read through here can reveal an ID number.
const SELECT = `
  SELECT e.id::text AS id, e.name, e.id_number_masked AS "idNumberMasked", e.phone, e.employer_uscc AS "employerUscc",
         e.employer_name AS "employerName", e.region, e.title, e.qualification, e.status,
         to_char(e.suspended_until, 'YYYY-MM-DD') AS "suspendedUntil", e.account_id AS "accountId",
         e.credit_score AS "creditScore", e.evaluation_count AS "evaluationCount", e.created_at AS "createdAt", e.updated_at AS "updatedAt",
         coalesce((SELECT json_agg(json_build_object('code', s.code, 'nameZh', s.name_zh, 'nameEn', s.name_en) ORDER BY s.code)
                   FROM expert_specialty es JOIN specialty s ON s.code = es.specialty_code WHERE es.expert_id = e.id), '[]') AS specialties
  FROM expert e`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every query on the expert library's tables (expert, expert_specialty, expert_unavailability, expert_conflict). */
@Injectable()
export class ExpertRepository {
  /** Experts and their specialties in two statements, whatever the batch size (unnest of parallel arrays). */
  async insertMany(em: EntityManager, rows: readonly SealedExpert[]): Promise<{ id: string; idNumberIndex: string }[]> {
    if (rows.length === 0) return [];
    const col = <T>(f: (r: SealedExpert) => T) => rows.map(f);
    const inserted: { id: string; idNumberIndex: string }[] = await em.query(
      `INSERT INTO expert (name, id_number_sealed, id_number_index, id_number_masked, phone, employer_uscc, employer_name, region, title, qualification, status, suspended_until)
       SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::date[])
       RETURNING id::text AS id, id_number_index AS "idNumberIndex"`,
      [
        col((r) => r.name), col((r) => r.idNumberSealed), col((r) => r.idNumberIndex), col((r) => r.idNumberMasked), col((r) => r.phone),
        col((r) => r.employerUscc), col((r) => r.employerName), col((r) => r.region), col((r) => r.title), col((r) => r.qualification),
        col((r) => r.status), col((r) => r.suspendedUntil),
      ],
    );
    // RETURNING promises no order: pair the ids back by the blind index, which is unique.
    const idOf = new Map(inserted.map((r) => [r.idNumberIndex, r.id]));
    const expertIds: string[] = [];
    const codes: string[] = [];
    for (const r of rows) {
      for (const code of r.specialties) {
        expertIds.push(idOf.get(r.idNumberIndex)!);
        codes.push(code);
      }
    }
    await em.query(`INSERT INTO expert_specialty (expert_id, specialty_code) SELECT * FROM unnest($1::bigint[], $2::text[])`, [expertIds, codes]);
    return rows.map((r) => ({ id: idOf.get(r.idNumberIndex)!, idNumberIndex: r.idNumberIndex }));
  }

  /** Which of these blind indexes are already in the library. */
  async existingIndexes(em: EntityManager, indexes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < indexes.length; i += 10_000) {
      const rows: { idx: string }[] = await em.query(`SELECT id_number_index AS idx FROM expert WHERE id_number_index = ANY($1::text[])`, [indexes.slice(i, i + 10_000)]);
      for (const r of rows) found.add(r.idx);
    }
    return found;
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<ExpertRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`, [id]);
    return row;
  }

  async byAccount(em: EntityManager, accountId: string, lock = false): Promise<ExpertRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE e.account_id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`, [accountId]);
    return row;
  }

  /** Filters: a specialty code takes in its descendants (A01 finds A01.01.02); name by substring. Ordered by id. */
  async page(em: EntityManager, f: ExpertFilter): Promise<{ items: ExpertRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.specialty) {
      params.push(f.specialty, `${likeEscape(f.specialty)}.%`);
      where.push(`EXISTS (SELECT 1 FROM expert_specialty es WHERE es.expert_id = e.id
                   AND es.specialty_code IN (SELECT code FROM specialty WHERE code = $${params.length - 1} OR code LIKE $${params.length}))`);
    }
    if (f.status) {
      params.push(f.status);
      where.push(`e.status = $${params.length}`);
    }
    if (f.region) {
      params.push(f.region);
      where.push(`e.region = $${params.length}`);
    }
    if (f.name) {
      params.push(`%${likeEscape(f.name)}%`);
      where.push(`e.name LIKE $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM expert e ${clause}`, params);
    const items = await em.query(`${SELECT} ${clause} ORDER BY e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, f.pageSize, (f.page - 1) * f.pageSize]);
    return { items, total };
  }

  async update(em: EntityManager, id: string, changes: ExpertUpdate): Promise<void> {
    const keys = Object.keys(changes) as (keyof ExpertUpdate)[];
    if (keys.length === 0) return;
    const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
    await em.query(`UPDATE expert SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [id, ...keys.map((k) => changes[k])]);
  }

  async replaceSpecialties(em: EntityManager, id: string, codes: readonly string[]): Promise<void> {
    await em.query(`DELETE FROM expert_specialty WHERE expert_id = $1 AND specialty_code <> ALL($2::text[])`, [id, codes]);
    await em.query(`INSERT INTO expert_specialty (expert_id, specialty_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [id, codes]);
    await em.query(`UPDATE expert SET updated_at = now() WHERE id = $1`, [id]);
  }

  async linkAccount(em: EntityManager, id: string, accountId: string): Promise<void> {
    await em.query(`UPDATE expert SET account_id = $2, updated_at = now() WHERE id = $1`, [id, accountId]);
  }

  /** Whether the account exists and holds the expert role, and which expert it is linked to. */
  async accountForLink(em: EntityManager, accountId: string): Promise<{ isExpert: boolean; linkedTo: string | null } | undefined> {
    const [row] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'expert') AS "isExpert",
              (SELECT e.id::text FROM expert e WHERE e.account_id = a.id) AS "linkedTo"
       FROM account a WHERE a.id = $1 FOR UPDATE OF a`,
      [accountId],
    );
    return row;
  }

  async unavailability(em: EntityManager, expertId: string): Promise<UnavailabilityRow[]> {
    return em.query(
      `SELECT id, lower(during) AS "from", upper(during) AS "to", reason, created_at AS "createdAt"
       FROM expert_unavailability WHERE expert_id = $1 ORDER BY lower(during), id`,
      [expertId],
    );
  }

  async addUnavailability(em: EntityManager, expertId: string, from: Date, to: Date, reason: string): Promise<UnavailabilityRow> {
    const [row] = await em.query(
      `INSERT INTO expert_unavailability (expert_id, during, reason) VALUES ($1, tstzrange($2, $3, '[)'), $4)
       RETURNING id, lower(during) AS "from", upper(during) AS "to", reason, created_at AS "createdAt"`,
      [expertId, from, to, reason],
    );
    return row;
  }

  async removeUnavailability(em: EntityManager, expertId: string, id: string): Promise<UnavailabilityRow | undefined> {
    const [row] = rowsOf<UnavailabilityRow>(
      await em.query(
        `DELETE FROM expert_unavailability WHERE id = $1 AND expert_id = $2
         RETURNING id, lower(during) AS "from", upper(during) AS "to", reason, created_at AS "createdAt"`,
        [id, expertId],
      ),
    );
    return row;
  }

  async conflicts(em: EntityManager, expertId: string): Promise<ConflictRow[]> {
    return em.query(
      `SELECT id, organisation_uscc AS "organisationUscc", reason, created_at AS "createdAt" FROM expert_conflict WHERE expert_id = $1 ORDER BY created_at, id`,
      [expertId],
    );
  }

  /** undefined when this conflict is already declared. */
  async addConflict(em: EntityManager, expertId: string, organisationUscc: string, reason: string): Promise<ConflictRow | undefined> {
    const [row] = await em.query(
      `INSERT INTO expert_conflict (expert_id, organisation_uscc, reason) VALUES ($1, $2, $3) ON CONFLICT (expert_id, organisation_uscc) DO NOTHING
       RETURNING id, organisation_uscc AS "organisationUscc", reason, created_at AS "createdAt"`,
      [expertId, organisationUscc, reason],
    );
    return row;
  }

  async removeConflict(em: EntityManager, expertId: string, id: string): Promise<ConflictRow | undefined> {
    const [row] = rowsOf<ConflictRow>(
      await em.query(
        `DELETE FROM expert_conflict WHERE id = $1 AND expert_id = $2 RETURNING id, organisation_uscc AS "organisationUscc", reason, created_at AS "createdAt"`,
        [id, expertId],
      ),
    );
    return row;
  }
}
