import { MigrationInterface, QueryRunner } from 'typeorm';
import { LEGAL_DEFAULTS } from '../rules/defaults';

/**
 * Adds `numbers.bidsOnIncrementGrid` (land 1, rural 0) to the rules in force. Published versions never change, so a
 * database whose active land or rural version lacks it gets a new version with it (docs/rules-and-calendar.md,
 * "schema evolution"); projects frozen on older versions keep what they had (the engine reads a missing value as off).
 * A fresh database already has it in version 1 and nothing happens.
 */
export class RulesIncrementGrid1764000002151 implements MigrationInterface {
  name = 'RulesIncrementGrid1764000002151';

  async up(q: QueryRunner): Promise<void> {
    for (const domain of ['land', 'rural'] as const) {
      const value = LEGAL_DEFAULTS[domain].numbers.bidsOnIncrementGrid;
      const rows: { id: string; is_sandbox: boolean; version: number }[] = await q.query(
        `SELECT id, is_sandbox, version FROM rule_set WHERE domain = $1 AND status = 'active' AND NOT (params->'numbers' ? 'bidsOnIncrementGrid')`,
        [domain],
      );
      for (const r of rows) {
        await q.query(`UPDATE rule_set SET status = 'retired' WHERE id = $1`, [r.id]);
        await q.query(
          `INSERT INTO rule_set (domain, version, name, status, is_sandbox, params, based_on, effective_from, published_at)
           SELECT domain, (SELECT max(version) + 1 FROM rule_set WHERE domain = $1 AND is_sandbox = $2), $3, 'active', is_sandbox,
                  jsonb_set(params, '{numbers,bidsOnIncrementGrid}', to_jsonb($4::int)), id, now(), now()
             FROM rule_set WHERE id = $5`,
          [domain, r.is_sandbox, '增加"报价须落在加价幅度整数倍上"参数 / adds bidsOnIncrementGrid', value, r.id],
        );
      }
    }
  }

  async down(): Promise<void> {
    // Published rule versions are never removed.
  }
}
