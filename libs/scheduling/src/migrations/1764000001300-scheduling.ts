import { MigrationInterface, QueryRunner } from 'typeorm';

export class Scheduling1764000001300 implements MigrationInterface {
  name = 'Scheduling1764000001300';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one GiST exclusion constraint compare room ids (=) and ranges (&&) together.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE scheduling_room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('opening_hall','evaluation_room','remote_seat','auction_hall')),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        seats int NOT NULL CHECK (seats BETWEEN 1 AND 1000),
        isolated boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE scheduling_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES scheduling_room(id),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        purpose text NOT NULL CHECK (purpose IN ('opening','evaluation','auction')),
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
        milestone_ids uuid[] NOT NULL DEFAULT '{}',
        note text,
        status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','cancelled')),
        cancel_reason text,
        booked_by uuid NOT NULL REFERENCES account(id),
        booked_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        -- No double booking, decided by PostgreSQL: two overlapping booked sessions on one room cannot both commit.
        CONSTRAINT scheduling_session_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (status = 'booked')
      )`);
    // The calendar over all rooms (by time) and a project's sessions; per room, the exclusion constraint's index serves.
    await q.query(`CREATE INDEX scheduling_session_during_idx ON scheduling_session USING gist (during) WHERE status = 'booked'`);
    await q.query(`CREATE INDEX scheduling_session_project_idx ON scheduling_session (project_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduling_session`);
    await q.query(`DROP TABLE scheduling_room`);
  }
}
