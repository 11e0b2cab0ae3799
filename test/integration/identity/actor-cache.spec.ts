import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { ActorLoader } from '@app/platform/auth/actor.loader';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { LiveBiddingService } from '@app/trading';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { HttpClient } from '../../support/http';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

// Each api process keeps an account's roles and disabled flag for ACTOR_CACHE_MS; a committed change must still take
// effect on the very next request, on the process that made it and on every other one, whoever made it.
describe('actor cache: a change to an account takes effect on the very next request', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let httpB: HttpClient;
  let centre: string;

  beforeAll(async () => {
    t = await startTestApp('actor-cache', { ACTOR_CACHE_MS: '60000' });
    second = await createApiApp();
    await second.listen(0, '127.0.0.1');
    httpB = new HttpClient(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
    // both processes listen before the test begins (until then they serve uncached, which would prove nothing)
    await t.app.get(ActorLoader).cache.ready();
    await second.get(ActorLoader).cache.ready();
    centre = (await t.account([Role.Centre])).token;
  }, 60000);

  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  /** A listed lot with `bidder` admitted, open for bids. */
  const openLot = async (bidder: TestAccount): Promise<string> => {
    const owner = await t.account([Role.Owner]);
    const p = await t.http.post('/projects', { domain: 'land', name: '缓存测试地块', region: '350102', ruleSet: 'sandbox' }, owner.token);
    await t.http.post(`/projects/${p.body.id}/publish`, {}, centre);
    const live = t.app.get(LiveBiddingService);
    return t.app.get(TransactionRunner).run(async (tx) => {
      const lot = await live.createLot(tx, { projectId: p.body.id, domain: 'engine-test', title: '缓存测试地块', startPriceFen: 1_000_000n, increment: { fixedFen: '100000' }, reserveFen: null, countdownSeconds: 3 }, SYSTEM_ACTOR);
      await live.admit(tx, lot.id, bidder.organisationId!, SYSTEM_ACTOR);
      await live.startListing(tx, lot.id, new Date(Date.now() + 60_000), SYSTEM_ACTOR);
      return lot.id;
    });
  };

  /** Both processes have answered for the account, so both hold it in their caches. */
  const warm = async (lotId: string, token: string) => {
    for (const h of [t.http, httpB]) expect((await h.get(`/lots/${lotId}/me`, token)).status).toBe(200);
    expect(t.app.get(ActorLoader).cache.size()).toBeGreaterThan(0);
    expect(second.get(ActorLoader).cache.size()).toBeGreaterThan(0);
  };

  it('an account disabled on one process is refused on the next request on both', async () => {
    const bidder = await t.account([Role.Bidder]);
    const lotId = await openLot(bidder);
    await warm(lotId, bidder.token);
    expect((await t.http.post(`/accounts/${bidder.id}/disable`, {}, centre)).status).toBe(200);
    expect((await httpB.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.http.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.http.post(`/accounts/${bidder.id}/enable`, {}, centre)).status).toBe(200);
    expect((await httpB.get(`/lots/${lotId}/me`, bidder.token)).status).toBe(200);
  });

  it('a role revoked through the API is gone on the next request on both processes, and a grant counts at once', async () => {
    const bidder = await t.account([Role.Bidder]);
    const lotId = await openLot(bidder);
    await warm(lotId, bidder.token);
    expect((await t.http.delete(`/accounts/${bidder.id}/roles/bidder`, centre)).status).toBe(200);
    expect((await t.http.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await httpB.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await httpB.post(`/lots/${lotId}/bids`, { price: '20000.00', clientKey: 'after-revoke' }, bidder.token)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await t.http.post(`/accounts/${bidder.id}/roles`, { role: 'bidder' }, centre)).status).toBe(201);
    expect((await httpB.get(`/lots/${lotId}/me`, bidder.token)).status).toBe(200);
  });

  it('a change written straight into the database (a script, psql) reaches every process', async () => {
    const bidder = await t.account([Role.Bidder]);
    const lotId = await openLot(bidder);
    await warm(lotId, bidder.token);
    await t.ds.query(`DELETE FROM account_role WHERE account_id = $1`, [bidder.id]);
    expect((await t.http.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await httpB.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('FORBIDDEN_ROLE');
  });

  it('a bid from a stale cached actor is still refused by the accepting statement, and nothing is written', async () => {
    const bidder = await t.account([Role.Bidder]);
    const lotId = await openLot(bidder);
    await warm(lotId, bidder.token);
    // Without the notification (trigger off in this transaction's session only) both caches keep the enabled actor.
    const qr = t.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.query(`SET session_replication_role = replica`); // row triggers off for this session only
      await qr.query(`UPDATE account SET disabled_at = now() WHERE id = $1`, [bidder.id]);
    } finally {
      await qr.query(`SET session_replication_role = DEFAULT`);
      await qr.release();
    }
    const res = await httpB.post(`/lots/${lotId}/bids`, { price: '10000.00', clientKey: 'stale-actor' }, bidder.token);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'ACCOUNT_DISABLED' });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM lot_bid WHERE lot_id = $1`, [lotId]);
    expect(n).toBe(0);
    // the refusal dropped the stale entry: the next request reads the account again
    expect((await httpB.get(`/lots/${lotId}/me`, bidder.token)).body.code).toBe('ACCOUNT_DISABLED');
  });
});
