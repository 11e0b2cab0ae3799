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
        name text NOT NULL,
        region text,
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        agent_organisation_id uuid REFERENCES organisation(id),
        created_by uuid NOT NULL REFERENCES account(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','suspended','closed','cancelled')),
        wants_sandbox boolean NOT NULL DEFAULT false,
        rule_set_id uuid REFERENCES rule_set(id),
        rule_snapshot jsonb,
        published_at timestamptz,
        suspended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'draft' OR status = 'cancelled') OR (rule_snapshot IS NOT NULL AND rule_set_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX trading_project_public_idx ON trading_project (domain, published_at DESC) WHERE status <> 'draft'`);
    await q.query(`CREATE INDEX trading_project_owner_idx ON trading_project (owner_organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trading_project`);
    await q.query(`DROP SEQUENCE trading_project_code_seq`);
  }
}
