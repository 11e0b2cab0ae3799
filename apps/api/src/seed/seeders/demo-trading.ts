import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform/config/app-config';
import { Sealer } from '@app/platform/crypto/sealer';
import { createApiApp } from '../../create-api-app';
import { DemoAppModule } from './demo-app.module';
import { DemoClient } from './demo-client';
import { DemoHistorySeeder, HISTORY_BUDGET_CODE } from './demo-history.seeder';
import { DemoTradingSeeder } from './demo-trading.seeder';

/**
 * The demo's trading data (docs/demo-data.md): twelve months of concluded deals for the statistics, written by SQL in
 * one audited transaction, and the current projects made through the api. Returns how many parts it created; 0 when
 * everything was already there (then the api is not even started).
 */
export async function seedDemoTrading(ds: DataSource, config: AppConfig): Promise<number> {
  const q = (sql: string, params: unknown[]) => ds.query(sql, params);
  const [owner] = await q(`SELECT a.id, a.organisation_id FROM account a WHERE a.username = 'owner'`, []);
  const bidders = await q(`SELECT a.id, a.organisation_id, o.name FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = ANY($1) ORDER BY a.username`, [['bidder1', 'bidder2', 'bidder3']]);
  if (!owner || bidders.length !== 3) throw new Error('the demo accounts owner and bidder1-3 are missing');
  let created = 0;

  const [history] = await q(`SELECT 1 FROM budget_line WHERE organisation_id = $1 AND code = $2`, [owner.organisation_id, HISTORY_BUDGET_CODE]);
  if (!history) {
    const counts = await ds.transaction((em) =>
      new DemoHistorySeeder(em, new Sealer(config), {
        ownerOrgId: owner.organisation_id,
        ownerAccountId: owner.id,
        bidders: bidders.map((b: { id: string; organisation_id: string; name: string }) => ({ orgId: b.organisation_id, accountId: b.id, name: b.name })),
      }).run(),
    );
    console.log(`seed: recorded 12 months of concluded deals (${counts.tenders} tenders, ${counts.parcels} land parcels, ${counts.ruralDeals} rural deals, ${counts.orders} e-mall orders)`);
    created += 1;
  }

  const missing = await DemoTradingSeeder.missing(q, owner.organisation_id);
  if (missing.length) {
    // The api in this process, quiet unless asked, on a port of its own on the loopback.
    process.env.LOG_LEVEL ??= 'error';
    const app = await createApiApp(DemoAppModule);
    try {
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      const seeder = new DemoTradingSeeder(new DemoClient(app, `http://127.0.0.1:${port}`));
      await seeder.run(owner.organisation_id, missing);
      for (const m of seeder.made) console.log(`seed: ${m}`);
      created += seeder.made.length;
    } finally {
      await app.close();
    }
  }
  return created;
}
