import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisors' organisation search (docs/credit.md): a name fragment anywhere in the name (ILIKE '%…%', served by
 * a trigram index, which also works on Chinese text under a UTF-8 database) or the start of a USCC (LIKE '…%', served
 * by a pattern-ops btree; the unique index on uscc does not serve LIKE under a non-C collation).
 */
export class OrganisationSearch1764000001970 implements MigrationInterface {
  name = 'OrganisationSearch1764000001970';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX organisation_name_trgm_idx ON organisation USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX organisation_uscc_prefix_idx ON organisation (uscc bpchar_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisation_uscc_prefix_idx`);
    await q.query(`DROP INDEX organisation_name_trgm_idx`);
  }
}
