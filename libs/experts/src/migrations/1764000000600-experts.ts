import { MigrationInterface, QueryRunner } from 'typeorm';

export class Experts1764000000600 implements MigrationInterface {
  name = 'Experts1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- codes in byte order, so that a code and all below it are one index range: [A01, A01/)
      CREATE TABLE specialty (
        code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z][0-9]{2}(\\.[0-9]{2}){0,3}$'),
        parent_code text COLLATE "C" REFERENCES specialty(code),
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE expert (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 40),
        id_number_sealed bytea NOT NULL,
        id_number_index char(64) NOT NULL UNIQUE,
        id_number_masked text NOT NULL,
        phone text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        employer_uscc char(18) NOT NULL,
        employer_name text NOT NULL,
        region char(6) NOT NULL CHECK (region ~ '^[1-9][0-9]{5}$'),
        title text NOT NULL,
        qualification text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','retired')),
        suspended_until date,
        account_id uuid UNIQUE REFERENCES account(id),
        credit_score int NOT NULL DEFAULT 100 CHECK (credit_score BETWEEN 0 AND 100),
        evaluation_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'suspended') = (suspended_until IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX expert_employer_idx ON expert (employer_uscc)`);
    await q.query(`
      CREATE TABLE expert_specialty (
        expert_id bigint NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
        specialty_code text COLLATE "C" NOT NULL REFERENCES specialty(code),
        employer_uscc char(18) NOT NULL,
        region char(6) NOT NULL,
        status text NOT NULL,
        suspended_until date,
        PRIMARY KEY (specialty_code, expert_id) INCLUDE (employer_uscc, region, status, suspended_until)
      )`);
    await q.query(`CREATE INDEX expert_specialty_expert_idx ON expert_specialty (expert_id)`);
    // A draw screens a specialty's experts by employer, region and status: copies of those beside the specialty let
    // one index range answer it (a join to expert cost ~15 ms per 3,000 experts). Triggers keep the copies true.
    await q.query(`
      CREATE FUNCTION expert_specialty_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT e.employer_uscc, e.region, e.status, e.suspended_until INTO NEW.employer_uscc, NEW.region, NEW.status, NEW.suspended_until
        FROM expert e WHERE e.id = NEW.expert_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER expert_specialty_fill BEFORE INSERT OR UPDATE OF expert_id ON expert_specialty FOR EACH ROW EXECUTE FUNCTION expert_specialty_fill()`);
    await q.query(`
      CREATE FUNCTION expert_screen_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE expert_specialty SET employer_uscc = NEW.employer_uscc, region = NEW.region, status = NEW.status, suspended_until = NEW.suspended_until
        WHERE expert_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER expert_screen_sync AFTER UPDATE OF employer_uscc, region, status, suspended_until ON expert FOR EACH ROW
      WHEN ((OLD.employer_uscc, OLD.region, OLD.status, OLD.suspended_until) IS DISTINCT FROM (NEW.employer_uscc, NEW.region, NEW.status, NEW.suspended_until))
      EXECUTE FUNCTION expert_screen_sync()`);
    await q.query(`
      CREATE TABLE expert_unavailability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        expert_id bigint NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
        during tstzrange NOT NULL CHECK (NOT isempty(during)),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX expert_unavailability_idx ON expert_unavailability USING gist (during)`);
    await q.query(`CREATE INDEX expert_unavailability_expert_idx ON expert_unavailability (expert_id)`);
    await q.query(`
      CREATE TABLE expert_conflict (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        expert_id bigint NOT NULL REFERENCES expert(id) ON DELETE CASCADE,
        organisation_uscc char(18) NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (expert_id, organisation_uscc)
      )`);
    await q.query(`CREATE INDEX expert_conflict_org_idx ON expert_conflict (organisation_uscc)`);

    await q.query(`
      CREATE TABLE expert_draw (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES trading_project(id),
        domain text NOT NULL,
        owner_uscc char(18) NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','inviting','complete','short','failed','opened','finished')),
        requirements jsonb NOT NULL,
        committee jsonb NOT NULL,
        context jsonb NOT NULL,
        session_start timestamptz NOT NULL,
        session_end timestamptz NOT NULL CHECK (session_end > session_start),
        algorithm text NOT NULL,
        seed_sealed bytea NOT NULL,
        seed_commitment char(64) NOT NULL,
        revealed_seed char(64),
        shortfall jsonb,
        requested_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        drawn_at timestamptz,
        opened_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX expert_draw_project_idx ON expert_draw (project_id)`);
    // "drawn too recently for this owner" counts members of the owner's draws in a window: this index answers it.
    await q.query(`CREATE INDEX expert_draw_owner_idx ON expert_draw (owner_uscc, session_start)`);
    await q.query(`
      CREATE TABLE expert_draw_round (
        draw_id uuid NOT NULL REFERENCES expert_draw(id),
        round int NOT NULL CHECK (round >= 0),
        specialty_code text NOT NULL,
        wanted int NOT NULL CHECK (wanted >= 0),
        cause text NOT NULL,
        candidates bigint[] NOT NULL,
        avoided jsonb NOT NULL,
        pool_digest char(64) NOT NULL,
        picked bigint[] NOT NULL,
        drawn_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (draw_id, round, specialty_code)
      )`);
    await q.query(`
      CREATE TABLE expert_draw_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draw_id uuid NOT NULL REFERENCES expert_draw(id),
        expert_id bigint NOT NULL REFERENCES expert(id),
        specialty_code text NOT NULL,
        round int NOT NULL,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('primary','reserve')),
        status text NOT NULL CHECK (status IN ('standby','invited','accepted','declined','expired','released')),
        invited_at timestamptz,
        respond_by timestamptz,
        responded_at timestamptz,
        decline_reason text,
        deadline_milestone_id uuid,
        UNIQUE (draw_id, expert_id)
      )`);
    await q.query(`CREATE INDEX expert_draw_member_expert_idx ON expert_draw_member (expert_id, status)`);
    await q.query(`
      CREATE TABLE expert_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        expert_id bigint NOT NULL REFERENCES expert(id),
        draw_id uuid NOT NULL REFERENCES expert_draw(id),
        project_id uuid NOT NULL,
        owner_uscc char(18) NOT NULL,
        specialty_code text NOT NULL,
        session_start timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (expert_id, draw_id)
      )`);
    await q.query(`CREATE INDEX expert_evaluation_expert_idx ON expert_evaluation (expert_id, session_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['expert_evaluation', 'expert_draw_member', 'expert_draw_round', 'expert_draw', 'expert_conflict', 'expert_unavailability', 'expert_specialty', 'expert', 'specialty']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION expert_specialty_fill`);
    await q.query(`DROP FUNCTION expert_screen_sync`);
  }
}
