import { MigrationInterface, QueryRunner } from 'typeorm';

export class TradingProject1764000000500 implements MigrationInterface {
  name = 'TradingProject1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE trading_project_code_seq`);
    await q.query(`
      CREATE TABLE trading_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        domain text NOT NULL CHECK (domain IN ('tendering','land','procurement','rural')),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        region text NOT NULL CHECK (region ~ '^[0-9]{6}$'),
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        agent_organisation_id uuid REFERENCES organisation(id),
        created_by uuid NOT NULL REFERENCES account(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','suspended','closed','cancelled')),
        rule_kind text NOT NULL DEFAULT 'standard' CHECK (rule_kind IN ('standard','sandbox')),
        rule_set_id uuid REFERENCES rule_set(id),
        rule_snapshot jsonb,
        published_at timestamptz,
        suspended_at timestamptz,
        suspension_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((published_at IS NULL) = (rule_snapshot IS NULL) AND (published_at IS NULL) = (rule_set_id IS NULL)),
        CHECK (status IN ('draft','cancelled') OR published_at IS NOT NULL),
        CHECK (status <> 'draft' OR published_at IS NULL),
        CHECK ((status = 'suspended') = (suspended_at IS NOT NULL))
      )`);
    // GET /public/projects pages through published projects, newest first, optionally per domain.
    await q.query(`CREATE INDEX trading_project_public_idx ON trading_project (published_at DESC, id) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX trading_project_public_domain_idx ON trading_project (domain, published_at DESC, id) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX trading_project_owner_idx ON trading_project (owner_organisation_id)`);
    await q.query(`CREATE INDEX trading_project_agent_idx ON trading_project (agent_organisation_id) WHERE agent_organisation_id IS NOT NULL`);
    // Invariant 8, below the API too: the rules a project was published under never change, nor does it vanish.
    await q.query(`
      CREATE FUNCTION trading_project_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.published_at IS NOT NULL AND (TG_OP = 'DELETE'
            OR NEW.rule_snapshot IS DISTINCT FROM OLD.rule_snapshot OR NEW.rule_set_id IS DISTINCT FROM OLD.rule_set_id
            OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.domain <> OLD.domain) THEN
          RAISE EXCEPTION 'trading_project %: a published project keeps its rule snapshot (% refused)', OLD.id, TG_OP
            USING ERRCODE = '42501', CONSTRAINT = 'trading_project_snapshot_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER trading_project_snapshot_frozen BEFORE UPDATE OR DELETE ON trading_project FOR EACH ROW EXECUTE FUNCTION trading_project_snapshot_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trading_project`);
    await q.query(`DROP FUNCTION trading_project_snapshot_frozen`);
    await q.query(`DROP SEQUENCE trading_project_code_seq`);
  }
}
