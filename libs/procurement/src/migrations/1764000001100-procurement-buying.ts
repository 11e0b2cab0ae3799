import { MigrationInterface, QueryRunner } from 'typeorm';

/** 电子卖场 buying: budget lines, orders (direct purchase and awarded quotes), acceptance, payment and ratings. */
export class ProcurementBuying1764000001100 implements MigrationInterface {
  name = 'ProcurementBuying1764000001100';

  async up(q: QueryRunner): Promise<void> {
    // 预算指标: `used_fen` moves only by conditional UPDATEs in the order's transaction; the CHECK is the last line of defence.
    await q.query(`
      CREATE TABLE budget_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        code text NOT NULL,
        name text NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        used_fen bigint NOT NULL DEFAULT 0,
        created_by uuid NOT NULL REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, code),
        CHECK (used_fen >= 0 AND used_fen <= amount_fen)
      )`);
    await q.query(`CREATE SEQUENCE procurement_order_no_seq`);
    // One order, one supplier. The rules in force when it was placed are frozen into it; each step's due time is a column,
    // and due_at is the pending step's, so supervision finds overdue steps through one partial index.
    await q.query(`
      CREATE TABLE procurement_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        no text NOT NULL UNIQUE,
        purchaser_organisation_id uuid NOT NULL REFERENCES organisation(id),
        supplier_organisation_id uuid NOT NULL REFERENCES organisation(id),
        budget_line_id uuid NOT NULL REFERENCES budget_line(id),
        source text NOT NULL CHECK (source IN ('direct','quote')),
        source_id uuid,
        total_fen bigint NOT NULL CHECK (total_fen > 0),
        status text NOT NULL DEFAULT 'placed' CHECK (status IN ('placed','confirmed','delivered','accepted','rejected','paid','cancelled')),
        rule_set_id uuid NOT NULL REFERENCES rule_set(id),
        rule_set_version int NOT NULL,
        sandbox boolean NOT NULL,
        rules jsonb NOT NULL,
        placed_by uuid REFERENCES account(id),
        placed_at timestamptz NOT NULL DEFAULT now(),
        confirm_due timestamptz NOT NULL,
        confirmed_at timestamptz,
        delivered_at timestamptz,
        delivery_note text,
        accept_due timestamptz,
        accepted_at timestamptz,
        rejected_at timestamptz,
        rejection_reasons jsonb,
        payment_due timestamptz,
        paid_at timestamptz,
        payment_reference text,
        cancelled_at timestamptz,
        due_at timestamptz,
        warn_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((source = 'quote') = (source_id IS NOT NULL)),
        CHECK (purchaser_organisation_id <> supplier_organisation_id)
      )`);
    await q.query(`CREATE INDEX procurement_order_due_idx ON procurement_order (due_at) WHERE due_at IS NOT NULL`);
    await q.query(`CREATE INDEX procurement_order_purchaser_idx ON procurement_order (purchaser_organisation_id, placed_at DESC)`);
    await q.query(`CREATE INDEX procurement_order_supplier_idx ON procurement_order (supplier_organisation_id, placed_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX procurement_order_source_idx ON procurement_order (source_id) WHERE source_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE procurement_order_item (
        order_id uuid NOT NULL REFERENCES procurement_order(id),
        line_no int NOT NULL CHECK (line_no >= 1),
        product_id uuid REFERENCES procurement_product(id),
        description text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price_fen bigint NOT NULL CHECK (unit_price_fen > 0),
        amount_fen bigint NOT NULL CHECK (amount_fen = unit_price_fen * quantity),
        PRIMARY KEY (order_id, line_no)
      )`);
    // 淘宝式评价: one per order, by the purchaser, after acceptance; the supplier replies once.
    await q.query(`
      CREATE TABLE procurement_rating (
        order_id uuid PRIMARY KEY REFERENCES procurement_order(id),
        supplier_organisation_id uuid NOT NULL REFERENCES organisation(id),
        purchaser_organisation_id uuid NOT NULL REFERENCES organisation(id),
        quality smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
        delivery smallint NOT NULL CHECK (delivery BETWEEN 1 AND 5),
        service smallint NOT NULL CHECK (service BETWEEN 1 AND 5),
        comment text NOT NULL,
        rated_by uuid NOT NULL REFERENCES account(id),
        rated_at timestamptz NOT NULL DEFAULT now(),
        reply text,
        replied_by uuid REFERENCES account(id),
        replied_at timestamptz,
        CHECK ((reply IS NULL) = (replied_at IS NULL))
      )`);
    await q.query(`CREATE INDEX procurement_rating_supplier_idx ON procurement_rating (supplier_organisation_id, rated_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement_rating`);
    await q.query(`DROP TABLE procurement_order_item`);
    await q.query(`DROP TABLE procurement_order`);
    await q.query(`DROP SEQUENCE procurement_order_no_seq`);
    await q.query(`DROP TABLE budget_line`);
  }
}
