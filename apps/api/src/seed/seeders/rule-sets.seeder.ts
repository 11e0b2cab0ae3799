import { DataSource } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { ALL_DOMAINS, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { LEGAL_DEFAULTS, sandboxOf } from '@app/platform/rules/defaults';

/**
 * Makes sure every domain has a standard rule set in force (and, outside production, a sandbox one). The
 * migration already inserts version 1 of each, so on a fresh database this changes nothing; it repairs a
 * database where a line was left without an active version. Idempotent, each insertion audited; should the
 * committee publish at the same moment, the one-active-version index refuses the second and a rerun settles it.
 */
export async function seedRuleSets(ds: DataSource): Promise<void> {
  const lines = [false, ...(process.env.NODE_ENV === 'production' ? [] : [true])];
  const audit = new AuditService();
  let created = 0;
  await ds.transaction(async (em) => {
    for (const domain of ALL_DOMAINS) {
      for (const sandbox of lines) {
        const [active] = await em.query(`SELECT id FROM rule_set WHERE domain = $1 AND is_sandbox = $2 AND status = 'active'`, [domain, sandbox]);
        if (active) continue;
        const params = sandbox ? sandboxOf(LEGAL_DEFAULTS[domain]) : LEGAL_DEFAULTS[domain];
        const [row] = await em.query(
          `INSERT INTO rule_set (domain, version, name, status, is_sandbox, params, effective_from, published_at)
           SELECT $1, coalesce(max(version), 0) + 1, $3, 'active', $2, $4, now(), now() FROM rule_set WHERE domain = $1 AND is_sandbox = $2
           RETURNING id, version`,
          [domain, sandbox, sandbox ? '沙箱规则(以秒计,仅演示与测试)/ sandbox (seconds; demos and tests only)' : '法定默认规则 / legal defaults', JSON.stringify(params)],
        );
        created += 1;
        await audit.append(em, { actor: SYSTEM_ACTOR, action: 'rule_set.seeded', subject: { type: 'rule_set', id: row.id }, payload: { domain, sandbox, version: row.version } });
      }
    }
  });
  if (created) console.log(`seed: put ${created} rule set(s) with the legal defaults in force`);
}
