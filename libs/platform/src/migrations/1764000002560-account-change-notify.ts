import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that decides what a token may do (a role granted or revoked, an account disabled or enabled, moved to
 * another organisation or deleted) notifies `yg_account_changed` with the account id when it commits, whoever made it
 * (a service, a script, psql). Each api process listens and drops that account from its short actor cache
 * (docs/identity-and-roles.md, "Actor cache").
 */
export class AccountChangeNotify1764000002560 implements MigrationInterface {
  name = 'AccountChangeNotify1764000002560';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION account_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'account' THEN
          PERFORM pg_notify('yg_account_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('yg_account_changed', OLD.account_id::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('yg_account_changed', NEW.account_id::text); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER account_changed_notify AFTER UPDATE OF disabled_at, organisation_id OR DELETE ON account
        FOR EACH ROW EXECUTE FUNCTION account_changed_notify()`);
    await q.query(`CREATE TRIGGER account_role_changed_notify AFTER INSERT OR UPDATE OR DELETE ON account_role FOR EACH ROW EXECUTE FUNCTION account_changed_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER account_role_changed_notify ON account_role`);
    await q.query(`DROP TRIGGER account_changed_notify ON account`);
    await q.query(`DROP FUNCTION account_changed_notify()`);
  }
}
