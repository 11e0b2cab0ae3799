import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Role } from '@app/platform/auth/roles';
import { fastTenderingRules, postForm } from '../../support/tender-fixtures';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, WorkerProcess } from '../../support/worker-process';

/** Every way a price or a document could be spelt where someone might look. */
const spellings = (yuan: string) => {
  const fen = yuan.replace('.', '');
  const [int, dec] = yuan.split('.');
  return [yuan, fen, `${Number(int).toLocaleString('en-US')}.${dec}`, Buffer.from(yuan).toString('hex'), Buffer.from(yuan).toString('base64')];
};

// Invariant 3 searched for everywhere before the opening: every column of every table (ciphertext included — it must
// not contain the plaintext either), the api's and the worker's debug logs, and every Redis key of the run.
describe('sealed means sealed: nothing readable anywhere before the opening', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  const logDir = mkdtempSync(join(tmpdir(), 'yg-sealed-'));
  const marker = `SEALED-DOC-${randomBytes(8).toString('hex')}`;
  const tenderPrices = ['7391846.27', '7418263.91', '7502937.45'];
  const quotePrices = ['1283746.19', '1319264.73', '1347182.56'];
  const secrets = [...tenderPrices, ...quotePrices].flatMap(spellings).concat([marker, Buffer.from(marker).toString('hex'), Buffer.from(marker).toString('base64').slice(0, 20)]);

  beforeAll(async () => {
    t = await startTestApp('sealed-secrecy', { LOG_LEVEL: 'debug', LOG_FILE: join(logDir, 'api.log') });
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, LOG_LEVEL: 'debug', LOG_FILE: join(logDir, 'worker.log') });
    const committee = (await t.account([Role.Committee])).token;
    await fastTenderingRules(t, committee, { bidPreparation: 8, clarificationBeforeDeadline: 20 });
    const draft = await t.http.post('/rule-sets', { domain: 'procurement', name: '电子卖场测试(秒)', sandbox: true, changes: { periods: { quoteWindow: { value: 3600, unit: 's' } } } }, committee);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee)).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('finds no price and no document byte in the database, the logs or Redis while bids and quotes are sealed', async () => {
    // Three sealed tender bids with a deadline an hour away.
    const centre = (await t.account([Role.Centre])).token;
    const owner = await t.account([Role.Owner]);
    const agent = await t.account([Role.Agent]);
    const reg = await t.http.post(
      '/tenders',
      { name: '滨江大道绿化提升工程', kind: 'construction', region: '350102', qualification: '市政公用工程施工总承包三级', evaluationMethod: 'lowest_price', sections: [{ name: '一标段', estimate: '8000000.00', deposit: '160000.00' }], ownerOrganisationId: owner.organisationId, ruleSet: 'sandbox' },
      agent.token,
    );
    const id = reg.body.id as string;
    await t.http.post(`/tenders/${id}/accept`, {}, centre);
    await postForm(t, `/tenders/${id}/documents`, agent.token, {}, { name: '招标文件.pdf', content: Buffer.from('%PDF 招标文件') });
    expect((await t.http.post(`/tenders/${id}/announce`, { bidDeadline: new Date(Date.now() + 3_600_000).toISOString() }, centre)).status).toBe(200);
    for (const [i, price] of tenderPrices.entries()) {
      const b = await t.account([Role.Bidder]);
      await t.http.post(`/tenders/${id}/registrations`, {}, b.token);
      const r = await postForm(t, `/tenders/${id}/sections/1/bids`, b.token, { price }, { name: `${marker}-${i}.pdf`, content: Buffer.from(`%PDF-1.7 /Author (${marker}) ${marker} 技术标 ${i}`) });
      expect(r.status).toBe(201);
    }

    // Three sealed e-mall quotes in a round an hour long.
    const purchaser = await t.account([Role.Owner]);
    const [line] = await t.ds.query(`INSERT INTO budget_line (organisation_id, code, name, year, amount_fen, created_by) VALUES ($1, 'S-2026-01', '办公设备', 2026, 1000000000, $2) RETURNING id`, [purchaser.organisationId, purchaser.id]);
    const req = await t.http.post(
      '/procurement/requirements',
      { title: '办公计算机采购', categoryCode: 'A02.01.02', items: [{ description: '台式计算机', quantity: 100, unit: '台', specs: 'i5' }], deliveryRegion: '350102', deliveryDate: '2099-12-31', maxPrice: '1500000.00', budgetLineId: line.id, ruleSet: 'sandbox' },
      purchaser.token,
    );
    expect(req.status).toBe(201);
    for (const [i, total] of quotePrices.entries()) {
      const s: TestAccount = await t.account([Role.Bidder]);
      await t.ds.query(`INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until) VALUES ($1, $2, 'A02.01', 'framework', '2020-01-01', '2099-12-31')`, [`XY-S-${i}`, s.organisationId]);
      expect((await t.http.post(`/procurement/requirements/${req.body.id}/quotes`, { total }, s.token)).status).toBe(201);
    }
    // Give the worker time to see the jobs and the outbox, and the loggers time to flush.
    await new Promise((r) => setTimeout(r, 1500));

    const found: string[] = [];
    const search = (where: string, text: string) => {
      for (const s of secrets) if (text.includes(s)) found.push(`${where} contains ${s}`);
    };

    const tables: { name: string }[] = await t.ds.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(40);
    let everything = '';
    for (const { name } of tables) {
      const rows: { row: string }[] = await t.ds.query(`SELECT r::text AS row FROM "${name}" r`);
      const text = rows.map((r) => r.row).join('\n');
      search(`table ${name}`, text);
      everything += text;
    }
    // The search sees what is there: the public facts of the same tender and round are found.
    expect(everything).toContain('滨江大道绿化提升工程');
    expect(everything).toContain('1500000'); // the round's published maximum price, in fen

    const logs = ['api.log', 'worker.log'].map((f) => readFileSync(join(logDir, f), 'utf8'));
    expect(logs[0].length).toBeGreaterThan(1000); // debug logs of every request were written
    expect(logs[0]).toContain(`/tenders/${id}/sections/1/bids`);
    search('api log', logs[0]);
    search('worker log', logs[1]);

    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${t.redisPrefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string' ? await redis.get(key)
          : type === 'hash' ? JSON.stringify(await redis.hgetall(key))
          : type === 'list' ? JSON.stringify(await redis.lrange(key, 0, -1))
          : type === 'set' ? JSON.stringify(await redis.smembers(key))
          : type === 'zset' ? JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'))
          : type === 'stream' ? JSON.stringify(await redis.xrange(key, '-', '+'))
          : '';
        search(`redis ${key}`, `${key} ${value}`);
      }
    } finally {
      redis.disconnect();
    }
    expect(found).toEqual([]);
  }, 120000);
});
