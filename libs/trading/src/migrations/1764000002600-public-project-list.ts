import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /public/projects without a count per request (issue 19, docs/decisions.md "Public project list"):
 * - `public_project_count`: published projects per domain, kept by triggers in the publishing transaction. A published
 *   project never loses its publication nor changes domain (trading_project_snapshot_frozen), so the count only grows:
 *   by an INSERT of rows already published (seeds, benches) or an UPDATE setting published_at.
 * - `rule_set_version`: the frozen rule set's version as a stored column, so the list reads no jsonb.
 * - NOTIFY public_projects (payload: the domain) whenever a published project appears or changes what the list shows;
 *   PostgreSQL delivers it at commit to every api process, which drops its cached pages.
 */
export class PublicProjectList1764000002600 implements MigrationInterface {
  name = 'PublicProjectList1764000002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trading_project ADD COLUMN rule_set_version int GENERATED ALWAYS AS ((rule_snapshot->>'version')::int) STORED`);
    await q.query(`
      CREATE TABLE public_project_count (
        domain text PRIMARY KEY CHECK (domain IN ('tendering','land','procurement','rural')),
        published bigint NOT NULL CHECK (published >= 0)
      )`);
    await q.query(`
      INSERT INTO public_project_count (domain, published)
      SELECT d, (SELECT count(*) FROM trading_project p WHERE p.domain = d AND p.published_at IS NOT NULL)
      FROM unnest(ARRAY['tendering','land','procurement','rural']) d`);
    await q.query(`
      CREATE FUNCTION public_project_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE d record;
      BEGIN
        FOR d IN SELECT domain, count(*) AS n FROM new_rows WHERE published_at IS NOT NULL GROUP BY domain LOOP
          UPDATE public_project_count SET published = published + d.n WHERE domain = d.domain;
          PERFORM pg_notify('public_projects', d.domain);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER public_project_inserted AFTER INSERT ON trading_project REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public_project_inserted()`);
    await q.query(`
      CREATE FUNCTION public_project_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NULL THEN
          UPDATE public_project_count SET published = published + 1 WHERE domain = NEW.domain;
        END IF;
        PERFORM pg_notify('public_projects', NEW.domain);
        RETURN NULL;
      END $$`);
    // Only the columns the public list shows (or filters and orders by): other writes neither count nor notify.
    await q.query(`
      CREATE TRIGGER public_project_changed AFTER UPDATE ON trading_project FOR EACH ROW
      WHEN (NEW.published_at IS NOT NULL AND (OLD.published_at IS NULL OR (OLD.status, OLD.name, OLD.region, OLD.code, OLD.owner_organisation_id, OLD.agent_organisation_id, OLD.rule_kind)
            IS DISTINCT FROM (NEW.status, NEW.name, NEW.region, NEW.code, NEW.owner_organisation_id, NEW.agent_organisation_id, NEW.rule_kind)))
      EXECUTE FUNCTION public_project_changed()`);
    // The list shows owners' and agents' names: a renamed organisation drops every cached page too.
    await q.query(`CREATE FUNCTION public_project_party_renamed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('public_projects', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER public_project_party_renamed AFTER UPDATE OF name ON organisation FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public_project_party_renamed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER public_project_party_renamed ON organisation`);
    await q.query(`DROP FUNCTION public_project_party_renamed`);
    await q.query(`DROP TRIGGER public_project_changed ON trading_project`);
    await q.query(`DROP TRIGGER public_project_inserted ON trading_project`);
    await q.query(`DROP FUNCTION public_project_changed`);
    await q.query(`DROP FUNCTION public_project_inserted`);
    await q.query(`DROP TABLE public_project_count`);
    await q.query(`ALTER TABLE trading_project DROP COLUMN rule_set_version`);
  }
}
