import { MigrationInterface, QueryRunner } from 'typeorm';

/** 网上竞价: requirements, their rounds' sealed quotes. Prices stay in sealed boxes until the round's deadline. */
export class ProcurementQuotes1764000001200 implements MigrationInterface {
  name = 'ProcurementQuotes1764000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement_requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purchaser_organisation_id uuid NOT NULL REFERENCES organisation(id),
        created_by uuid NOT NULL REFERENCES account(id),
        title text NOT NULL,
        category_code text NOT NULL,
        items jsonb NOT NULL,
        delivery_region char(6) NOT NULL,
        delivery_date date NOT NULL,
        max_price_fen bigint NOT NULL CHECK (max_price_fen > 0),
        budget_line_id uuid NOT NULL REFERENCES budget_line(id),
        rule_set_id uuid NOT NULL REFERENCES rule_set(id),
        rule_set_version int NOT NULL,
        rule_sandbox boolean NOT NULL,
        rules jsonb NOT NULL,
        round int NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
        status text NOT NULL DEFAULT 'quoting' CHECK (status IN ('quoting','failed','awarded','switched')),
        quote_deadline timestamptz NOT NULL,
        deadline_milestone_id uuid,
        data_key_wrapped bytea NOT NULL,
        closed_at timestamptz,
        winner_quote_id uuid,
        order_id uuid,
        switch_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX procurement_requirement_public_idx ON procurement_requirement (created_at DESC)`);
    await q.query(`CREATE INDEX procurement_requirement_purchaser_idx ON procurement_requirement (purchaser_organisation_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE procurement_quote (
        id uuid PRIMARY KEY,
        requirement_id uuid NOT NULL REFERENCES procurement_requirement(id),
        round int NOT NULL CHECK (round IN (1, 2)),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        submitted_by uuid NOT NULL REFERENCES account(id),
        submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','replaced')),
        sealed bytea NOT NULL,
        quote_digest char(64) NOT NULL,
        client_ip text,
        -- filled at the deadline only, by the worker that decrypts the sealed box
        total_fen bigint,
        item_prices jsonb,
        valid boolean,
        invalid_reason text,
        opened_at timestamptz,
        CHECK ((opened_at IS NULL) = (total_fen IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX procurement_quote_one_live ON procurement_quote (requirement_id, round, organisation_id) WHERE status = 'submitted'`);
    await q.query(`CREATE INDEX procurement_quote_round_idx ON procurement_quote (requirement_id, round, submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement_quote`);
    await q.query(`DROP TABLE procurement_requirement`);
  }
}
