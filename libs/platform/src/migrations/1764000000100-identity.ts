import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764000000100 implements MigrationInterface {
  name = 'Identity1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        uscc char(18) NOT NULL UNIQUE,
        legal_representative text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        region text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{2,63}$'),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        organisation_id uuid REFERENCES organisation(id),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_organisation_idx ON account (organisation_id)`);
    await q.query(`
      CREATE TABLE account_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('committee','office','regulator','centre','owner','agent','bidder','expert')),
        domain text CHECK (domain IN ('tendering','land','procurement','rural')),
        granted_by uuid REFERENCES account(id),
        granted_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'regulator') = (domain IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX account_role_unique ON account_role (account_id, role, coalesce(domain, ''))`);
    // 行政监督与交易活动相分离, enforced below the API too: one account never holds both kinds of role.
    await q.query(`
      CREATE FUNCTION account_role_separation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('account_role:' || NEW.account_id::text));
        IF EXISTS (
          SELECT 1 FROM account_role r WHERE r.account_id = NEW.account_id AND (
            (NEW.role IN ('committee','office','regulator') AND r.role IN ('centre','owner','agent','bidder')) OR
            (NEW.role IN ('centre','owner','agent','bidder') AND r.role IN ('committee','office','regulator')))
        ) THEN
          RAISE EXCEPTION 'role separation: account % cannot hold % with its other roles', NEW.account_id, NEW.role
            USING ERRCODE = '23514', CONSTRAINT = 'account_role_separation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER account_role_separation BEFORE INSERT OR UPDATE ON account_role FOR EACH ROW EXECUTE FUNCTION account_role_separation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_role`);
    await q.query(`DROP FUNCTION account_role_separation`);
    await q.query(`DROP TABLE account`);
    await q.query(`DROP TABLE organisation`);
  }
}
