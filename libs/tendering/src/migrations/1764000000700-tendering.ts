import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tendering1764000000700 implements MigrationInterface {
  name = 'Tendering1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tender (
        project_id uuid PRIMARY KEY REFERENCES trading_project(id),
        kind text NOT NULL CHECK (kind IN ('construction','supervision','design','survey','goods','services')),
        estimate_fen bigint NOT NULL CHECK (estimate_fen > 0),
        evaluation_method text NOT NULL CHECK (evaluation_method IN ('comprehensive','lowest_price')),
        qualification text NOT NULL,
        status text NOT NULL DEFAULT 'submitted'
          CHECK (status IN ('submitted','returned','accepted','bidding','opened','failed','evaluating','publicity','awarded')),
        return_reasons jsonb,
        documents_available_at timestamptz,
        bid_deadline timestamptz,
        deadline_milestone_id uuid,
        opened_at timestamptz,
        opening_objections_until timestamptz,
        data_key_wrapped bytea NOT NULL,
        retender_of uuid REFERENCES trading_project(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status IN ('submitted','returned','accepted') OR bid_deadline IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE tender_section (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES tender(project_id),
        no int NOT NULL CHECK (no BETWEEN 1 AND 50),
        name text NOT NULL,
        estimate_fen bigint NOT NULL CHECK (estimate_fen > 0),
        deposit_fen bigint NOT NULL CHECK (deposit_fen >= 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','failed','opened','evaluating','publicity','awarded')),
        draw_id uuid,
        report jsonb,
        reported_at timestamptz,
        publicity_until timestamptz,
        UNIQUE (project_id, no)
      )`);
    await q.query(`
      CREATE TABLE tender_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES tender(project_id),
        kind text NOT NULL CHECK (kind IN ('tender','amendment')),
        file_name text NOT NULL,
        sha256 char(64) NOT NULL,
        size int NOT NULL,
        content bytea NOT NULL,
        note text,
        created_by uuid NOT NULL REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tender_document_project_idx ON tender_document (project_id, created_at)`);
    await q.query(`
      CREATE TABLE tender_registration (
        project_id uuid NOT NULL REFERENCES tender(project_id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        registered_by uuid NOT NULL REFERENCES account(id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE tender_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES tender(project_id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        question text NOT NULL,
        asked_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_at timestamptz,
        answered_by uuid REFERENCES account(id)
      )`);
    await q.query(`
      CREATE TABLE tender_deposit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES tender_section(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        method text NOT NULL CHECK (method IN ('transfer','guarantee')),
        reference text NOT NULL,
        payer_account text,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        status text NOT NULL DEFAULT 'declared' CHECK (status IN ('declared','confirmed','refunded')),
        declared_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        refund_due timestamptz,
        refunded_at timestamptz,
        refund_reference text,
        UNIQUE (section_id, organisation_id)
      )`);
    // A bid's price and documents exist only sealed under the project's data key until the opening.
    await q.query(`
      CREATE TABLE tender_bid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES tender_section(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        submitted_by uuid NOT NULL REFERENCES account(id),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','replaced','withdrawn')),
        price_sealed bytea NOT NULL,
        documents_sealed bytea NOT NULL,
        file_name_sealed bytea NOT NULL,
        documents_size int NOT NULL,
        documents_sha256 char(64) NOT NULL,
        bid_digest char(64) NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        client_ip text,
        price_fen bigint,
        opened_at timestamptz,
        CHECK ((price_fen IS NULL) = (opened_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX tender_bid_current_idx ON tender_bid (section_id, organisation_id) WHERE status = 'submitted'`);
    await q.query(`
      CREATE TABLE tender_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES tender(project_id),
        section_id uuid REFERENCES tender_section(id),
        stage text NOT NULL CHECK (stage IN ('opening','publicity')),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        content text NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        reply text,
        replied_at timestamptz,
        replied_by uuid REFERENCES account(id),
        reply_due timestamptz
      )`);
    await q.query(`
      CREATE TABLE tender_score (
        bid_id uuid NOT NULL REFERENCES tender_bid(id),
        expert_account_id uuid NOT NULL REFERENCES account(id),
        technical int[] NOT NULL,
        business int[] NOT NULL,
        adjustment_fen bigint NOT NULL DEFAULT 0,
        disqualify_reason text,
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bid_id, expert_account_id)
      )`);
    await q.query(`
      CREATE TABLE tender_award (
        section_id uuid PRIMARY KEY REFERENCES tender_section(id),
        bid_id uuid NOT NULL REFERENCES tender_bid(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        price_fen bigint NOT NULL,
        awarded_at timestamptz NOT NULL DEFAULT now(),
        contract_due timestamptz NOT NULL,
        contract_signed_at timestamptz,
        contract_amount_fen bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['tender_award', 'tender_score', 'tender_objection', 'tender_bid', 'tender_deposit', 'tender_question', 'tender_registration', 'tender_document', 'tender_section', 'tender']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
