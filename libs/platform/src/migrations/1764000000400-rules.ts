import { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_DOMAINS } from '../auth/roles';
import { LEGAL_DEFAULTS, sandboxOf } from '../rules/defaults';

export class Rules1764000000400 implements MigrationInterface {
  name = 'Rules1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        domain text NOT NULL CHECK (domain IN ('tendering','land','procurement','rural')),
        version int NOT NULL CHECK (version > 0),
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','active','retired')),
        is_sandbox boolean NOT NULL DEFAULT false,
        params jsonb NOT NULL,
        based_on uuid REFERENCES rule_set(id),
        created_by uuid REFERENCES account(id),
        published_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (domain, is_sandbox, version)
      )`);
    // One version in force per domain and kind: publishing retires the previous one in the same transaction.
    await q.query(`CREATE UNIQUE INDEX rule_set_one_active ON rule_set (domain, is_sandbox) WHERE status = 'active'`);
    for (const domain of ALL_DOMAINS) {
      await q.query(
        `INSERT INTO rule_set (domain, version, name, status, is_sandbox, params, published_at) VALUES ($1, 1, $2, 'active', false, $3, now()), ($1, 1, $4, 'active', true, $5, now())`,
        [domain, '法定默认规则 第1版 / legal defaults v1', JSON.stringify(LEGAL_DEFAULTS[domain]), '沙箱规则(以秒计)/ sandbox (seconds)', JSON.stringify(sandboxOf(LEGAL_DEFAULTS[domain]))],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rule_set`);
  }
}
