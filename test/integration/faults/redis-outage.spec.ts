import { Role } from '@app/platform/auth/roles';
import { PrivateRedis } from '../../support/private-redis';
import { startTestApp, TestApp, validUscc } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

jest.setTimeout(180000);

const PASSWORD = 'Correct-Horse-9';
const RECONCILE_MS = 15000;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

// Redis only wakes workers (invariant 2): while it is down the platform says so at once and keeps what it committed;
// when it comes back, or comes back empty, nothing is lost and no slow closing holds up the others.
describe('Redis stopped, restarted empty and flushed', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  let centre: string;
  let workerEnv: Record<string, string>;

  const probe = async (inMs: number, extra: Record<string, unknown> = {}) => {
    const res = await t.http.post('/milestones/probe', { inMs, ...extra }, centre);
    expect(res.status).toBe(201);
    return res.body as { id: string; dueAt: string };
  };
  const health = async (port?: number) => {
    const url = port ? `http://127.0.0.1:${port}/health` : `${t.http.baseUrl}/health`;
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as { status: string; error?: Record<string, { status: string; message?: string }> } };
  };
  const login = () => t.http.post('/auth/login', { username: 'outage-user', password: PASSWORD });

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    t = await startTestApp('redis-outage', { REDIS_URL: redis.url() });
    workerEnv = { DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, REDIS_URL: redis.url(), MILESTONE_RECONCILE_MS: String(RECONCILE_MS) };
    centre = (await t.account([Role.Centre])).token;
    const registered = await t.http.post('/auth/register', {
      organisation: { name: '断线测试建设有限公司', uscc: validUscc(), legalRepresentative: '王五', contactName: '赵六', contactPhone: '0591-87654321', region: '350100' },
      account: { username: 'outage-user', displayName: '断线测试经办人', password: PASSWORD },
    });
    expect(registered.status).toBe(201);
  }, 120000);

  afterAll(async () => {
    await worker?.stop();
    await redis?.start().catch(() => undefined); // if a test failed while it was down: let every client close cleanly
    await t?.close();
    await redis?.stop();
  });

  it('while Redis is down: /health says 503 within a second naming redis, a committed write answers at once, login 503; once back the milestone fires once', async () => {
    worker = await startWorker(workerEnv);
    expect((await health()).status).toBe(200);
    expect((await login()).status).toBe(200);

    await redis.stop();

    for (const port of [undefined, worker.port]) {
      const [res, ms] = await timed(() => health(port));
      expect([port ?? 'api', res.status, res.body.status, res.body.error?.redis?.status]).toEqual([port ?? 'api', 503, 'error', 'down']);
      expect(ms).toBeLessThan(1000);
    }

    const [write, writeMs] = await timed(() => t.http.post('/milestones/probe', { inMs: 1000, subjectId: 'outage' }, centre));
    expect(write.status).toBe(201);
    expect(writeMs).toBeLessThan(1500);
    const [row] = await t.ds.query(`SELECT status FROM milestone WHERE id = $1`, [write.body.id]);
    expect(row.status).toBe('pending');

    const before = await t.snapshot();
    const [refused, loginMs] = await timed(login);
    expect([refused.status, refused.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(refused.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(refused.body.message.en).toMatch(/unavailable/i);
    expect(loginMs).toBeLessThan(3000);
    expect(await t.snapshot()).toEqual(before);

    await new Promise((r) => setTimeout(r, 1500));
    await redis.start(); // empty: the job of the write above was never added or is gone

    await waitFor(async () => (await t.ds.query(`SELECT status FROM milestone WHERE id = $1`, [write.body.id]))[0].status === 'fired', 30000, 'the milestone written during the outage to fire');
    await waitFor(async () => (await health()).status === 200 && (await health(worker!.port)).status === 200, 15000, '/health to recover');
    expect((await login()).status).toBe(200);
    const effects = await t.ds.query(`SELECT count(*)::int AS n FROM milestone_probe WHERE milestone_id = $1`, [write.body.id]);
    expect(effects[0].n).toBe(1);
    await worker.stop();
    worker = undefined;
  });

  it('after a flush, 20 slow handlers do not hold the other overdue closings back beyond the reconcile interval', async () => {
    // No worker runs: every milestone below comes due, then Redis loses their jobs.
    const slow = [];
    for (let i = 0; i < 20; i++) slow.push(await probe(300, { subjectId: 'slow', holdMs: 3000 }));
    const quick = [];
    for (let i = 0; i < 60; i++) quick.push(await probe(600, { subjectId: 'quick' }));
    await new Promise((r) => setTimeout(r, 3000)); // overdue beyond reconciliation's grace
    await redis.flush();

    worker = await startWorker(workerEnv);
    const all = [...slow, ...quick].map((m) => m.id);
    await waitFor(
      async () => (await t.ds.query(`SELECT count(*)::int AS n FROM milestone WHERE id = ANY($1) AND status = 'fired'`, [all]))[0].n === all.length,
      120000,
      'every overdue milestone to fire',
    );
    const times: { subject_id: string; fired: number }[] = await t.ds.query(
      `SELECT subject_id, extract(epoch FROM fired_at) * 1000 AS fired FROM milestone WHERE id = ANY($1)`,
      [all],
    );
    const first = Math.min(...times.map((r) => Number(r.fired)));
    const lastQuick = Math.max(...times.filter((r) => r.subject_id === 'quick').map((r) => Number(r.fired)));
    expect(lastQuick - first).toBeLessThan(RECONCILE_MS);
    const effects: { n: number }[] = await t.ds.query(`SELECT count(*)::int AS n FROM milestone_probe WHERE milestone_id = ANY($1) GROUP BY milestone_id`, [all]);
    expect(effects.map((e) => e.n)).toEqual(all.map(() => 1));
  });
});
