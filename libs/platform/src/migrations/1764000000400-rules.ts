import { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_DOMAINS } from '../auth/roles';
import { LEGAL_DEFAULTS, sandboxOf } from '../rules/defaults';

export class Rules1764000000400 implements MigrationInterface {
  name = 'Rules1764000000400';

  async up(q: QueryRunner): Promise<void> {
    // Standard and sandbox versions are two lines per domain, numbered apart: the committee's "第 2 版" is the
    // second standard version whatever the sandbox did.
    await q.query(`
      CREATE TABLE rule_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        domain text NOT NULL CHECK (domain IN ('tendering','land','procurement','rural')),
        version int NOT NULL CHECK (version > 0),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        status text NOT NULL CHECK (status IN ('draft','active','retired')),
        is_sandbox boolean NOT NULL DEFAULT false,
        params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
        based_on uuid REFERENCES rule_set(id),
        effective_from timestamptz,
        created_by uuid REFERENCES account(id),
        published_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (domain, is_sandbox, version),
        CHECK ((status = 'draft') = (published_at IS NULL) AND (status = 'draft') = (effective_from IS NULL))
      )`);
    // One version in force per domain and line: publishing retires the previous one in the same transaction.
    await q.query(`CREATE UNIQUE INDEX rule_set_one_active ON rule_set (domain, is_sandbox) WHERE status = 'active'`);
    // Published versions are law-like: below the API too, the only change allowed is active → retired.
    await q.query(`
      CREATE FUNCTION rule_set_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'draft' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = 'active' AND NEW.status = 'retired'
           AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'rule_set %: a published version never changes (% refused)', OLD.id, TG_OP
          USING ERRCODE = '42501', CONSTRAINT = 'rule_set_immutable';
      END $$`);
    await q.query(`CREATE TRIGGER rule_set_immutable BEFORE UPDATE OR DELETE ON rule_set FOR EACH ROW EXECUTE FUNCTION rule_set_immutable()`);
    for (const domain of ALL_DOMAINS) {
      await q.query(
        `INSERT INTO rule_set (domain, version, name, status, is_sandbox, params, effective_from, published_at)
         VALUES ($1, 1, $2, 'active', false, $3, now(), now()), ($1, 1, $4, 'active', true, $5, now(), now())`,
        [
          domain,
          '法定默认规则 第1版 / legal defaults, version 1',
          JSON.stringify(LEGAL_DEFAULTS[domain]),
          '沙箱规则(以秒计,仅演示与测试)/ sandbox (seconds; demos and tests only)',
          JSON.stringify(sandboxOf(LEGAL_DEFAULTS[domain])),
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rule_set`);
    await q.query(`DROP FUNCTION rule_set_immutable`);
  }
}
