import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation sits on one side of the trading desk for good: it operates (an account of it held the centre
 * role) or it bids (an account of it held the bidder role, which every registration, application, deposit, bid and
 * quote needs). `organisation.trading_side` records the first side taken; the trigger refuses the other one, below
 * the API too, and never clears it when a role is revoked (docs/identity-and-roles.md).
 */
export class OrganisationSide1764000002016 implements MigrationInterface {
  name = 'OrganisationSide1764000002016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation ADD COLUMN trading_side text CHECK (trading_side IN ('centre', 'bidder'))`);
    // What already happened decides: bidder grants held now or ever acted in (the audit chain), then centre grants.
    // Organisations that already hold both keep their rows (a migration revokes nothing) and count as bidding.
    await q.query(`
      UPDATE organisation o SET trading_side = 'bidder'
      WHERE EXISTS (SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id WHERE a.organisation_id = o.id AND r.role = 'bidder')
         OR o.id IN (SELECT DISTINCT organisation_id FROM audit_event WHERE actor_role = 'bidder' AND organisation_id IS NOT NULL)`);
    await q.query(`
      UPDATE organisation o SET trading_side = 'centre'
      WHERE trading_side IS NULL
        AND EXISTS (SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id WHERE a.organisation_id = o.id AND r.role = 'centre')`);
    await q.query(`
      CREATE FUNCTION organisation_take_side(org uuid, side text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE taken text;
      BEGIN
        IF org IS NULL THEN RETURN; END IF;
        -- the row lock serialises two grants to accounts of one organisation
        SELECT trading_side INTO taken FROM organisation WHERE id = org FOR UPDATE;
        IF taken IS NOT NULL AND taken <> side THEN
          RAISE EXCEPTION 'organisation % is on the % side and cannot take the % role', org, taken, side
            USING ERRCODE = '23514', CONSTRAINT = 'organisation_role_conflict';
        END IF;
        IF taken IS NULL THEN UPDATE organisation SET trading_side = side WHERE id = org; END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION account_role_organisation_side() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IN ('centre', 'bidder') THEN
          -- an account without an organisation is its own side; the lock is the separation trigger's, taken first here
          PERFORM pg_advisory_xact_lock(hashtext('account_role:' || NEW.account_id::text));
          IF EXISTS (SELECT 1 FROM account_role WHERE account_id = NEW.account_id AND role IN ('centre', 'bidder') AND role <> NEW.role) THEN
            RAISE EXCEPTION 'account % cannot hold both the centre and the bidder role', NEW.account_id
              USING ERRCODE = '23514', CONSTRAINT = 'organisation_role_conflict';
          END IF;
          PERFORM organisation_take_side((SELECT organisation_id FROM account WHERE id = NEW.account_id), NEW.role);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER account_role_organisation_side BEFORE INSERT OR UPDATE ON account_role FOR EACH ROW EXECUTE FUNCTION account_role_organisation_side()`);
    // Moving an account into another organisation carries its centre or bidder role there.
    await q.query(`
      CREATE FUNCTION account_organisation_side() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r text;
      BEGIN
        FOR r IN SELECT DISTINCT role FROM account_role WHERE account_id = NEW.id AND role IN ('centre', 'bidder') LOOP
          PERFORM organisation_take_side(NEW.organisation_id, r);
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER account_organisation_side BEFORE UPDATE OF organisation_id ON account
      FOR EACH ROW WHEN (NEW.organisation_id IS DISTINCT FROM OLD.organisation_id) EXECUTE FUNCTION account_organisation_side()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER account_organisation_side ON account`);
    await q.query(`DROP FUNCTION account_organisation_side`);
    await q.query(`DROP TRIGGER account_role_organisation_side ON account_role`);
    await q.query(`DROP FUNCTION account_role_organisation_side`);
    await q.query(`DROP FUNCTION organisation_take_side`);
    await q.query(`ALTER TABLE organisation DROP COLUMN trading_side`);
  }
}
