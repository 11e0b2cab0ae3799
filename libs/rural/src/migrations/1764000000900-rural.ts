import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rural1764000000900 implements MigrationInterface {
  name = 'Rural1764000000900';

  async up(q: QueryRunner): Promise<void> {
    // The committee extends the catalogue; the seeded kinds follow the usual 农村产权交易 categories.
    await q.query(`
      CREATE TABLE rural_kind (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
        created_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO rural_kind (code, name_zh, name_en) VALUES
        ('land_management', '土地经营权流转', 'transfer of land management rights'),
        ('collective_assets', '集体资产租赁或出售', 'lease or sale of collective assets'),
        ('forest_rights', '林权', 'forest rights'),
        ('small_water_works', '小型水利工程', 'small water works'),
        ('other', '其他', 'other')`);
    await q.query(`
      CREATE TABLE rural_deal (
        project_id uuid PRIMARY KEY REFERENCES trading_project(id),
        kind text NOT NULL REFERENCES rural_kind(code),
        description text NOT NULL,
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        term_months int CHECK (term_months BETWEEN 1 AND 1200),
        listing_price_fen bigint NOT NULL CHECK (listing_price_fen > 0),
        increment_fen bigint NOT NULL CHECK (increment_fen > 0),
        deposit_fen bigint NOT NULL CHECK (deposit_fen >= 0),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','listing','agreement','live','failed','relisting','concluded','contracted')),
        round int NOT NULL DEFAULT 1 CHECK (round >= 1),
        resolution_body text CHECK (resolution_body IN ('villagers_meeting','representatives_meeting')),
        resolution_votes_for int,
        resolution_votes_total int,
        resolution_date date,
        resolution_document_id uuid,
        approval_authority text,
        approval_date date,
        approval_document_id uuid,
        method text CHECK (method IN ('agreement','live')),
        buyer_organisation_id uuid REFERENCES organisation(id),
        deal_price_fen bigint,
        concluded_at timestamptz,
        publicity_until timestamptz,
        contract_no text,
        contract_signed_at timestamptz,
        contract_amount_fen bigint,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (resolution_votes_for IS NULL OR (resolution_votes_total > 0 AND resolution_votes_for BETWEEN 0 AND resolution_votes_total)),
        CHECK ((status IN ('concluded','contracted')) = (deal_price_fen IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX rural_deal_status_idx ON rural_deal (status, updated_at)`);
    await q.query(`
      CREATE TABLE rural_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES rural_deal(project_id),
        kind text NOT NULL CHECK (kind IN ('resolution','approval','contract')),
        file_name text NOT NULL,
        sha256 char(64) NOT NULL,
        size int NOT NULL,
        content bytea NOT NULL,
        created_by uuid NOT NULL REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rural_document_project_idx ON rural_document (project_id, created_at)`);
    // One row per listing round: the first at the registered price, each relisting at a price within the rule's cut.
    await q.query(`
      CREATE TABLE rural_listing (
        project_id uuid NOT NULL REFERENCES rural_deal(project_id),
        round int NOT NULL CHECK (round >= 1),
        price_fen bigint NOT NULL CHECK (price_fen > 0),
        lot_id uuid REFERENCES lot(id),
        starts_at timestamptz,
        ends_at timestamptz,
        milestone_id uuid,
        outcome text CHECK (outcome IN ('failed','agreement','live')),
        qualified int,
        closed_at timestamptz,
        PRIMARY KEY (project_id, round)
      )`);
    await q.query(`CREATE UNIQUE INDEX rural_listing_lot_idx ON rural_listing (lot_id)`);
    await q.query(`
      CREATE TABLE rural_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        round int NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        applied_by uuid NOT NULL REFERENCES account(id),
        method text NOT NULL CHECK (method IN ('transfer','guarantee')),
        reference text NOT NULL,
        payer_account text,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        status text NOT NULL DEFAULT 'declared' CHECK (status IN ('declared','qualified','refund_due','refunded','applied_to_price')),
        paddle int,
        declared_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        refund_due timestamptz,
        refunded_at timestamptz,
        refund_reference text,
        FOREIGN KEY (project_id, round) REFERENCES rural_listing(project_id, round),
        UNIQUE (project_id, round, organisation_id),
        CHECK (status NOT IN ('qualified','applied_to_price') OR (confirmed_at IS NOT NULL AND paddle IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rural_application', 'rural_listing', 'rural_document', 'rural_deal', 'rural_kind']) await q.query(`DROP TABLE ${t}`);
  }
}
