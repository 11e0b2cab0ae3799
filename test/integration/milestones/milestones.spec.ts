import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { bucketJob, NEAR_MS, wakeJob } from '@app/platform/milestones/milestone-job';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { QueueName } from '@app/platform/queues/queue-names';
import { startTestApp, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

jest.setTimeout(120000);

describe('timed milestones (invariant 2)', () => {
  let t: TestApp;
  let centre: string;
  let workers: WorkerProcess[] = [];
  let workerEnv: Record<string, string>;
  let milestones: MilestoneService;
  let txr: TransactionRunner;

  const probe = async (inMs: number, extra: Record<string, unknown> = {}) => {
    const res = await t.http.post('/milestones/probe', { inMs, ...extra }, centre);
    expect(res.status).toBe(201);
    return res.body as { id: string; dueAt: string };
  };
  const row = async (id: string) => (await t.ds.query(`SELECT status, due_at, fired_at, attempts, last_error, version FROM milestone WHERE id = $1`, [id]))[0];
  const effects = async (id: string) => (await t.ds.query(`SELECT worker_pid FROM milestone_probe WHERE milestone_id = $1`, [id])) as { worker_pid: number }[];
  const fired = (id: string, timeout = 15000) => waitFor(async () => (await row(id)).status === 'fired', timeout, `milestone ${id} to fire`);
  const worker = async () => {
    const w = await startWorker(workerEnv);
    workers.push(w);
    return w;
  };
  const stopAll = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
  };

  beforeAll(async () => {
    t = await startTestApp('milestones');
    centre = (await t.account([Role.Centre])).token;
    milestones = t.app.get(MilestoneService);
    txr = t.app.get(TransactionRunner);
    workerEnv = { DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '500', JOB_LOCK_MS: '2000' };
  });

  afterEach(stopAll);
  afterAll(() => t.close());

  it('lets only the centre schedule a probe and refuses bad input without changing anything', async () => {
    const bidder = await t.account([Role.Bidder]);
    const office = await t.account([Role.Office]);
    const before = await t.snapshot();
    expect((await t.http.post('/milestones/probe', { inMs: 10 })).status).toBe(401);
    expect((await t.http.post('/milestones/probe', { inMs: 10 }, bidder.token)).status).toBe(403);
    expect((await t.http.post('/milestones/probe', { inMs: 10 }, office.token)).status).toBe(403);
    for (const bad of [{ inMs: -1 }, { inMs: 'soon' }, { inMs: 10, holdMs: 10 ** 9 }, { inMs: 10, extra: 1 }, {}]) {
      const res = await t.http.post('/milestones/probe', bad, centre);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await t.snapshot()).toEqual(before);
    expect((await t.http.get('/milestones?subjectType=diagnostic&subjectId=probe', office.token)).status).toBe(200);
    expect((await t.http.get('/milestones?subjectType=diagnostic&subjectId=probe', bidder.token)).status).toBe(403);
  });

  it('fires once, not before its due time, and audits it', async () => {
    await worker();
    const m = await probe(1500, { subjectId: 'on-time' });
    await new Promise((r) => setTimeout(r, 700));
    expect((await row(m.id)).status).toBe('pending');
    await fired(m.id);
    const r = await row(m.id);
    expect(new Date(r.fired_at).getTime()).toBeGreaterThanOrEqual(new Date(m.dueAt).getTime());
    expect(await effects(m.id)).toHaveLength(1);
    const audit = await t.ds.query(`SELECT action FROM audit_event WHERE subject_type = 'milestone' AND subject_id = $1 ORDER BY id`, [m.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['milestone.scheduled', 'milestone.fired']);
    const list = await t.http.get('/milestones?subjectType=diagnostic&subjectId=on-time', centre);
    expect(list.body.items).toEqual([expect.objectContaining({ id: m.id, status: 'fired', kind: 'diagnostic.probe' })]);
  });

  it('adds one wake-up however often the same milestone is enqueued, and one for every milestone of the same second', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Milestones));
    const m = await probe(60000);
    const r = await row(m.id);
    const wake = bucketJob(new Date(r.due_at).getTime(), new Date());
    // The answer does not wait for the queue (docs/operations.md): count once the probe's wake-up is in.
    await waitFor(async () => (await queue.getJob(wake.jobId)) !== undefined, 10000, 'the wake-up job');
    const before = await queue.getDelayedCount();
    await milestones.enqueue({ id: m.id, version: r.version, dueAt: r.due_at });
    await milestones.enqueue({ id: m.id, version: r.version, dueAt: r.due_at });
    const sameSecond = new Date(Math.floor(new Date(r.due_at).getTime() / 1000) * 1000 + 999);
    await milestones.enqueue({ id: '00000000-0000-0000-0000-000000000001', version: 1, dueAt: sameSecond });
    expect(await queue.getDelayedCount()).toBe(before);
    await txr.run((tx) => milestones.cancel(tx, m.id));
  });

  it('fires a rescheduled milestone at its new time only, and never a cancelled one', async () => {
    await worker();
    const moved = await probe(800);
    const newDue = new Date(Date.now() + 3500);
    await txr.run((tx) => milestones.reschedule(tx, moved.id, newDue));
    const cancelled = await probe(800);
    await txr.run((tx) => milestones.cancel(tx, cancelled.id));
    await new Promise((r) => setTimeout(r, 2000));
    expect((await row(moved.id)).status).toBe('pending');
    await fired(moved.id);
    expect(new Date((await row(moved.id)).fired_at).getTime()).toBeGreaterThanOrEqual(newDue.getTime());
    expect(await effects(moved.id)).toHaveLength(1);
    expect((await row(cancelled.id)).status).toBe('cancelled');
    expect(await effects(cancelled.id)).toHaveLength(0);
    await expect(txr.run((tx) => milestones.cancel(tx, cancelled.id))).rejects.toMatchObject({ code: 'MILESTONE_NOT_PENDING' });
  });

  it('pauses a subject’s milestones and shifts them by the pause on resume', async () => {
    await worker();
    const m = await probe(2500, { subjectId: 'paused-subject' });
    await txr.run((tx) => milestones.pauseSubject(tx, 'diagnostic', 'paused-subject'));
    const paused = await row(m.id);
    expect(paused.status).toBe('paused');
    await new Promise((r) => setTimeout(r, 3000));
    expect(await effects(m.id)).toHaveLength(0);
    const resumedAt = Date.now();
    await txr.run((tx) => milestones.resumeSubject(tx, 'diagnostic', 'paused-subject'));
    const resumed = await row(m.id);
    expect(resumed.status).toBe('pending');
    const shiftedDue = new Date(resumed.due_at).getTime();
    expect(shiftedDue).toBeGreaterThan(new Date(m.dueAt).getTime() + 2500);
    expect(shiftedDue).toBeLessThanOrEqual(resumedAt + 2600);
    await fired(m.id);
    expect(await effects(m.id)).toHaveLength(1);
  });

  it('loses nothing when Redis is flushed with milestones pending: each fires exactly once', async () => {
    const pending = await Promise.all(Array.from({ length: 20 }, () => probe(300, { subjectId: 'flushed' })));
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Milestones));
    // Due within NEAR_MS of their scheduling, each has a wake-up of its own.
    const jobIds = pending.map((m) => wakeJob({ id: m.id, version: 1 }, new Date(m.dueAt), new Date(new Date(m.dueAt).getTime() - NEAR_MS + 1)).jobId);
    await waitFor(async () => (await Promise.all(jobIds.map((id) => queue.getJob(id)))).every(Boolean), 10000, 'their wake-ups, to flush them');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${t.redisPrefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.unlink(...keys);
    redis.disconnect();
    await worker();
    for (const m of pending) await fired(m.id, 20000);
    for (const m of pending) expect(await effects(m.id)).toHaveLength(1);
  });

  it('fires each of 200 milestones exactly once with two workers running', async () => {
    await Promise.all([worker(), worker()]);
    // Created 20 at a time: what is under test is the two workers, not the api's pool under a 200-request burst.
    const batch: { id: string }[] = [];
    for (let i = 0; i < 10; i++) batch.push(...(await Promise.all(Array.from({ length: 20 }, () => probe(3000, { subjectId: 'two-workers' })))));
    await waitFor(
      async () => (await t.ds.query(`SELECT count(*)::int AS c FROM milestone WHERE subject_id = 'two-workers' AND status = 'fired'`))[0].c === 200,
      30000,
      '200 milestones to fire',
    );
    const counts = await t.ds.query(
      `SELECT count(*)::int AS effects, count(DISTINCT p.milestone_id)::int AS milestones, count(DISTINCT p.worker_pid)::int AS workers
       FROM milestone_probe p JOIN milestone m ON m.id = p.milestone_id WHERE m.subject_id = 'two-workers'`,
    );
    expect(counts[0].effects).toBe(200);
    expect(counts[0].milestones).toBe(200);
    expect(batch).toHaveLength(200);
  });

  it('still fires exactly once when the worker holding the job is killed with SIGKILL', async () => {
    const first = await worker();
    const m = await probe(0, { holdMs: 4000, subjectId: 'killed' });
    await waitFor(async () => (await t.ds.query(`SELECT 1 FROM milestone WHERE id = $1 FOR UPDATE SKIP LOCKED`, [m.id])).length === 0, 10000, 'the worker to hold the milestone');
    first.child.kill('SIGKILL');
    await first.stop();
    const second = await worker();
    await fired(m.id, 30000);
    const done = await effects(m.id);
    expect(done).toHaveLength(1);
    expect(done[0].worker_pid).toBe(second.pid);
  });

  it('fires the rest of a batch at once when one milestone of it fails, and that one later, each exactly once', async () => {
    // All due before a worker starts, so its first claim takes them together: the failing one must not hold the others.
    const good = await Promise.all(Array.from({ length: 8 }, () => probe(300, { subjectId: 'batch-mates' })));
    const bad = await probe(300, { subjectId: 'batch-mates', failTimes: 1 });
    await new Promise((r) => setTimeout(r, 1000));
    await worker();
    for (const m of good) await fired(m.id);
    for (const m of good) expect((await row(m.id)).attempts).toBe(1);
    await fired(bad.id, 30000);
    const r = await row(bad.id);
    expect([r.attempts, r.last_error]).toEqual([2, null]);
    for (const m of [...good, bad]) expect(await effects(m.id)).toHaveLength(1);
  });

  it('retries a failing handler and then fires once', async () => {
    await worker();
    const m = await probe(0, { failTimes: 2 });
    await fired(m.id, 30000);
    const r = await row(m.id);
    expect(r.attempts).toBe(3);
    expect(r.last_error).toBeNull();
    expect(await effects(m.id)).toHaveLength(1);
  });
});
