import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OCDS releases as published (docs/open-data-ocds.md, "Stored releases"): the first time the read path produces a
 * release of an event it is stored here, and every later read answers the stored copy. Rows are never updated or
 * deleted (trigger), so a release stays as it was published whatever changes afterwards; `json`, not `jsonb`, keeps
 * the text exactly as it was first served.
 */
export class OcdsPublishedReleases1764000002317 implements MigrationInterface {
  name = 'OcdsPublishedReleases1764000002317';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ocds_release (
        release_id text PRIMARY KEY,
        ocid text NOT NULL,
        date timestamptz NOT NULL,
        tag text[] NOT NULL,
        release json NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        CHECK (release->>'id' = release_id AND release->>'ocid' = ocid)
      )`);
    await q.query(`CREATE INDEX ocds_release_ocid_idx ON ocds_release (ocid, date)`);
    await q.query(`
      CREATE FUNCTION ocds_release_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ocds_release is immutable: % refused', TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`CREATE TRIGGER ocds_release_no_change BEFORE UPDATE OR DELETE ON ocds_release FOR EACH ROW EXECUTE FUNCTION ocds_release_immutable()`);
    await q.query(`CREATE TRIGGER ocds_release_no_truncate BEFORE TRUNCATE ON ocds_release FOR EACH STATEMENT EXECUTE FUNCTION ocds_release_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ocds_release`);
    await q.query(`DROP FUNCTION ocds_release_immutable`);
  }
}
