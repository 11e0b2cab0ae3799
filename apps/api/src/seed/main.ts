import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedDemoExperts } from '@app/experts/library/demo-experts';
import { AuditService } from '@app/platform/audit/audit.service';
import { ROLE_NAMES_ZH, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { loadConfig } from '@app/platform/config/app-config';
import { Sealer } from '@app/platform/crypto/sealer';
import { dataSourceOptions } from '@app/platform/database/data-source-options';
import { hashPassword } from '@app/platform/identity/password';
import { organisationCodeCheckChar, usccCheckChar } from '@app/platform/identity/uscc';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-data';
import { seedDemoTrading } from './seeders/demo-trading';

/** A stable, valid USCC per demo organisation, so a second run finds the same ones. */
function demoUscc(index: number): string {
  const body = `DEMO${String(index).padStart(4, '0')}`.replace(/O/g, '0').replace(/[^0-9A-Z]/g, '0');
  const first17 = `12350100${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** Idempotent: creates what is missing, each creation audited; a second run changes nothing. */
async function seed(): Promise<void> {
  const config = loadConfig();
  if (config.nodeEnv === 'production' && process.env.SEED_DEMO !== '1') {
    console.log('seed: skipped in production (set SEED_DEMO=1 to load the demo)');
    return;
  }
  const ds = new DataSource(dataSourceOptions(config.databaseUrl));
  await ds.initialize();
  const audit = new AuditService();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  try {
    await ds.transaction(async (em) => {
      const orgIds = new Map<string, string>();
      for (const [i, o] of DEMO_ORGANISATIONS.entries()) {
        const uscc = demoUscc(i + 1);
        const [row] = await em.query(
          `INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone, region) VALUES ($1, $2, '演示法人', '演示联系人', '0591-00000000', $3)
           ON CONFLICT (uscc) DO NOTHING RETURNING id`,
          [o.name, uscc, o.region],
        );
        const id = row?.id ?? (await em.query(`SELECT id FROM organisation WHERE uscc = $1`, [uscc]))[0].id;
        orgIds.set(o.key, id);
        if (row) {
          created += 1;
          await audit.append(em, { actor: SYSTEM_ACTOR, action: 'organisation.seeded', subject: { type: 'organisation', id }, payload: { name: o.name, uscc } });
        }
      }
      for (const a of DEMO_ACCOUNTS) {
        const [row] = await em.query(
          `INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
          [a.username, a.displayName, passwordHash, orgIds.get(a.org)],
        );
        if (!row) continue;
        created += 1;
        await em.query(`INSERT INTO account_role (account_id, role, domain) VALUES ($1, $2, $3)`, [row.id, a.role, a.domain ?? null]);
        await audit.append(em, { actor: SYSTEM_ACTOR, action: 'account.seeded', subject: { type: 'account', id: row.id }, payload: { username: a.username, role: a.role, domain: a.domain ?? null } });
      }
    });
    // After the accounts: the demo expert account is linked to one of the experts.
    const experts = await seedDemoExperts(ds, new Sealer(config));
    if (experts.experts) console.log(`seed: put ${experts.experts} demo experts into the library`);
    created += experts.experts + (experts.linked ? 1 : 0);
    created += await seedDemoTrading(ds, config);
  } finally {
    await ds.destroy();
  }
  console.log(created ? `seed: created ${created} demo organisations, accounts and trading records` : 'seed: demo data already present, nothing changed');
  console.log('\n演示账户 / demo accounts (password 密码: ' + DEMO_PASSWORD + ')');
  console.table(DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role + (a.domain ? `:${a.domain}` : ''), 角色: ROLE_NAMES_ZH[a.role] })));
}

seed().catch((err) => {
  console.error(`seed failed: ${err.message}`);
  process.exit(1);
});
