import { MigrationInterface, QueryRunner } from 'typeorm';
import { parentCode, SPECIALTY_CATALOGUE } from '../library/specialty-catalogue';

/** The starting specialty catalogue; the office adds to it through POST /specialties. */
export class SpecialtyCatalogue1764000000610 implements MigrationInterface {
  name = 'SpecialtyCatalogue1764000000610';

  async up(q: QueryRunner): Promise<void> {
    // Parents precede children in the list, and one INSERT checks the references at its end: one statement suffices.
    await q.query(
      `INSERT INTO specialty (code, parent_code, name_zh, name_en)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (code) DO NOTHING`,
      [SPECIALTY_CATALOGUE.map((s) => s.code), SPECIALTY_CATALOGUE.map((s) => parentCode(s.code)), SPECIALTY_CATALOGUE.map((s) => s.nameZh), SPECIALTY_CATALOGUE.map((s) => s.nameEn)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Only what no expert uses and no office-added child hangs on; deepest first.
    const codes = [...SPECIALTY_CATALOGUE].map((s) => s.code).sort((a, b) => b.length - a.length);
    for (const code of codes) {
      await q.query(
        `DELETE FROM specialty s WHERE s.code = $1
           AND NOT EXISTS (SELECT 1 FROM expert_specialty e WHERE e.specialty_code = s.code)
           AND NOT EXISTS (SELECT 1 FROM specialty c WHERE c.parent_code = s.code)`,
        [code],
      );
    }
  }
}
