import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SpecialtyRow {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}

/** Every query on the specialty catalogue. */
@Injectable()
export class SpecialtyRepository {
  async all(em: EntityManager): Promise<SpecialtyRow[]> {
    return em.query(`SELECT code, parent_code AS "parentCode", name_zh AS "nameZh", name_en AS "nameEn" FROM specialty ORDER BY code`);
  }

  async codes(em: EntityManager): Promise<Set<string>> {
    const rows: { code: string }[] = await em.query(`SELECT code FROM specialty`);
    return new Set(rows.map((r) => r.code));
  }

  async exists(em: EntityManager, code: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM specialty WHERE code = $1`, [code])).length > 0;
  }

  /** undefined when the code is taken. */
  async insert(em: EntityManager, s: SpecialtyRow): Promise<SpecialtyRow | undefined> {
    const [row] = await em.query(
      `INSERT INTO specialty (code, parent_code, name_zh, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING
       RETURNING code, parent_code AS "parentCode", name_zh AS "nameZh", name_en AS "nameEn"`,
      [s.code, s.parentCode, s.nameZh, s.nameEn],
    );
    return row;
  }
}
