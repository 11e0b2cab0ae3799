import { MigrationInterface, QueryRunner } from 'typeorm';

export class Land1764000000800 implements MigrationInterface {
  name = 'Land1764000000800';

  async up(q: QueryRunner): Promise<void> {
    // The reserve (底价) is kept sealed here only until the announcement hands it to the engine's lot, sealed again there.
    await q.query(`
      CREATE TABLE land_parcel (
        project_id uuid PRIMARY KEY REFERENCES trading_project(id),
        location text NOT NULL,
        area_m2 numeric(14,2) NOT NULL CHECK (area_m2 > 0),
        land_use text NOT NULL CHECK (land_use IN ('residential','commercial','industrial','public_service','comprehensive')),
        term_years int NOT NULL CHECK (term_years BETWEEN 1 AND 70),
        plot_ratio numeric(6,2) NOT NULL CHECK (plot_ratio > 0),
        mode text NOT NULL CHECK (mode IN ('listing','auction')),
        start_price_fen bigint NOT NULL CHECK (start_price_fen > 0),
        increment jsonb NOT NULL,
        deposit_fen bigint NOT NULL CHECK (deposit_fen > 0),
        has_reserve boolean NOT NULL,
        reserve_sealed bytea,
        status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','announced','ended','confirmed')),
        lot_id uuid REFERENCES lot(id),
        announced_at timestamptz,
        listing_starts_at timestamptz,
        listing_ends_at timestamptz,
        auction_at timestamptz,
        start_milestone_id uuid,
        outcome text CHECK (outcome IN ('sold','unsold','reserve_not_met')),
        winner_organisation_id uuid REFERENCES organisation(id),
        winner_paddle int,
        price_fen bigint,
        ended_at timestamptz,
        publicity_until timestamptz,
        confirmation_no text UNIQUE,
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES account(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'registered' OR lot_id IS NOT NULL),
        CHECK ((status IN ('ended','confirmed')) = (outcome IS NOT NULL)),
        CHECK ((mode = 'listing') = (auction_at IS NULL) OR status = 'registered')
      )`);
    await q.query(`CREATE INDEX land_parcel_public_idx ON land_parcel (announced_at DESC) WHERE status <> 'registered'`);
    await q.query(`CREATE UNIQUE INDEX land_parcel_lot_idx ON land_parcel (lot_id)`);
    // 竞买申请: qualification documents with their SHA-256, the declared deposit, and the centre's decision.
    await q.query(`
      CREATE TABLE land_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES land_parcel(project_id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        applied_by uuid NOT NULL REFERENCES account(id),
        file_name text NOT NULL,
        sha256 char(64) NOT NULL,
        size int NOT NULL,
        content bytea NOT NULL,
        deposit_method text NOT NULL CHECK (deposit_method IN ('transfer','guarantee')),
        deposit_reference text NOT NULL,
        deposit_amount_fen bigint NOT NULL CHECK (deposit_amount_fen > 0),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','qualified','rejected')),
        reject_reason text,
        decided_at timestamptz,
        decided_by uuid REFERENCES account(id),
        paddle int,
        continue_declared_at timestamptz,
        deposit_status text NOT NULL DEFAULT 'held' CHECK (deposit_status IN ('held','refund_due','refunded','converted')),
        refund_due timestamptz,
        refunded_at timestamptz,
        refund_reference text,
        applied_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, organisation_id),
        CHECK ((status = 'qualified') = (paddle IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE land_application`);
    await q.query(`DROP TABLE land_parcel`);
  }
}
