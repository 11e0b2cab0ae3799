import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveBidding1764000000550 implements MigrationInterface {
  name = 'LiveBidding1764000000550';

  async up(q: QueryRunner): Promise<void> {
    // The smallest step above `current` for an increment: { "fixedFen": "100000" } or a ladder
    // { "ladder": [{ "fromFen": "0", "stepFen": "100000" }, { "fromFen": "100000000", "stepFen": "500000" }] }.
    await q.query(`
      CREATE FUNCTION lot_step(increment jsonb, current bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN increment ? 'fixedFen' THEN (increment->>'fixedFen')::bigint
          ELSE (SELECT (b->>'stepFen')::bigint FROM jsonb_array_elements(increment->'ladder') b
                WHERE (b->>'fromFen')::bigint <= current ORDER BY (b->>'fromFen')::bigint DESC LIMIT 1) END
      $$`);
    await q.query(`
      CREATE TABLE lot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        domain text NOT NULL,
        title text NOT NULL,
        start_price_fen bigint NOT NULL CHECK (start_price_fen > 0),
        increment jsonb NOT NULL,
        reserve_sealed bytea,
        phase text NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending','listing','live','ended')),
        countdown_seconds int NOT NULL CHECK (countdown_seconds > 0),
        starts_at timestamptz,
        ends_at timestamptz,
        current_price_fen bigint,
        leader_paddle int,
        bid_seq int NOT NULL DEFAULT 0,
        event_seq int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        outcome text CHECK (outcome IN ('sold','unsold','reserve_not_met','handed_over')),
        reserve_fen bigint,
        winner_paddle int,
        ended_at timestamptz,
        CHECK ((phase = 'ended') = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX lot_open_idx ON lot (ends_at) WHERE phase IN ('listing','live')`);
    await q.query(`CREATE INDEX lot_project_idx ON lot (project_id)`);
    await q.query(`
      CREATE TABLE lot_bidder (
        lot_id uuid NOT NULL REFERENCES lot(id),
        paddle int NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        admitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lot_id, paddle),
        UNIQUE (lot_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE lot_bid (
        lot_id uuid NOT NULL REFERENCES lot(id),
        seq int NOT NULL,
        paddle int NOT NULL,
        price_fen bigint NOT NULL,
        phase text NOT NULL,
        client_key text NOT NULL,
        organisation_id uuid NOT NULL,
        account_id uuid NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ends_at timestamptz NOT NULL,
        PRIMARY KEY (lot_id, seq),
        UNIQUE (lot_id, organisation_id, client_key),
        UNIQUE (lot_id, price_fen)
      )`);
    await q.query(`
      CREATE TABLE lot_event (
        lot_id uuid NOT NULL REFERENCES lot(id),
        seq int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('phase','bid','result')),
        payload jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (lot_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lot_event`);
    await q.query(`DROP TABLE lot_bid`);
    await q.query(`DROP TABLE lot_bidder`);
    await q.query(`DROP TABLE lot`);
    await q.query(`DROP FUNCTION lot_step`);
  }
}
