import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public keys that sign audit exports, with their validity (docs/supervision-audit.md): written by an api process
 * that starts with a key not listed yet, audited, published at GET /public/audit/keys. Private keys are never here.
 * A row is never deleted; only the retirement of the active key (valid_to, status) is ever written after the insert.
 */
export class AuditSigningKeys1764000002083 implements MigrationInterface {
  name = 'AuditSigningKeys1764000002083';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_signing_key (
        key_id text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{64}$'),
        alg text NOT NULL CHECK (alg = 'Ed25519'),
        public_key bytea NOT NULL UNIQUE CHECK (length(public_key) = 44),
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        status text NOT NULL CHECK (status IN ('active', 'retired')),
        registered_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CHECK ((status = 'active') = (valid_to IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX audit_signing_key_one_active ON audit_signing_key ((true)) WHERE status = 'active'`);
    await q.query(`
      CREATE FUNCTION audit_signing_key_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'audit_signing_key rows are never deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.key_id <> OLD.key_id OR NEW.alg <> OLD.alg OR NEW.public_key <> OLD.public_key OR NEW.valid_from <> OLD.valid_from
           OR NEW.registered_at <> OLD.registered_at OR OLD.status <> 'active' OR NEW.status <> 'retired' THEN
          RAISE EXCEPTION 'an audit signing key only goes from active to retired' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_signing_key_guard BEFORE UPDATE OR DELETE ON audit_signing_key FOR EACH ROW EXECUTE FUNCTION audit_signing_key_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_signing_key`);
    await q.query(`DROP FUNCTION audit_signing_key_guard()`);
  }
}
