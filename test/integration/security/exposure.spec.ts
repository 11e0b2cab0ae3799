import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestApp } from '../../support/test-app';
import { freePort, startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

const API_MAIN = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');

// What the api port shows to anyone: /health and the API; Prometheus figures only on the internal listener
// (METRICS_HOST:METRICS_PORT, loopback by default), the worker's on its own loopback port; Bull Board to the
// centre and the office (docs/identity-and-roles.md, "What is exposed where").
describe('what the api and the worker expose, and to whom', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let api: ChildProcess | undefined;
  let apiOutput = '';

  beforeAll(async () => {
    t = await startTestApp('exposure');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix });
  }, 60000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10000)))]);
      clearTimeout(timer);
      if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    }
    await worker?.stop();
    await t?.close();
  });

  it('refuses /metrics on the api port to everyone, signed in or not, and serves it on the internal listener', async () => {
    const tokens = [undefined, (await t.account([Role.Bidder])).token, (await t.account([Role.Centre])).token, (await t.account([Role.Office])).token];
    for (const token of tokens) {
      const res = await t.http.get('/metrics', token);
      expect([res.status, res.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
      expect(JSON.stringify(res.body)).not.toContain('process_cpu_seconds_total');
    }
    const internal = await fetch(`${t.metricsUrl}/metrics`);
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('http_requests_total');
    expect((await fetch(`${t.metricsUrl}/health`)).status).toBe(404);
  });

  it('the api process itself: METRICS_PORT on loopback, nothing of it on PORT', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    api = spawn(process.execPath, [API_MAIN], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, PORT: String(port), HOST: '127.0.0.1', METRICS_PORT: String(metricsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (d) => (apiOutput += d));
    api.stderr?.on('data', (d) => (apiOutput += d));
    await waitFor(
      async () => {
        if (api!.exitCode !== null) throw new Error(`api exited with ${api!.exitCode}: ${apiOutput}`);
        try {
          return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
        } catch {
          return false;
        }
      },
      45000,
      'the api process to be healthy',
    );
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^http_requests_total\{method="GET",route="\/health",status="200"\} \d+/m);
  }, 60000);

  it("serves the worker's /metrics beside its /health on its loopback port", async () => {
    const res = await fetch(`http://127.0.0.1:${worker.port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('process_cpu_seconds_total');
  });

  it('opens Bull Board to the centre and the office only', async () => {
    const anonymous = await t.http.get('/admin/queues');
    expect(anonymous.status).toBe(401);
    const bidder = await t.http.get('/admin/queues', (await t.account([Role.Bidder])).token);
    expect([bidder.status, bidder.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect((await t.http.get('/admin/queues', (await t.account([Role.Centre])).token)).status).toBe(200);
  });
});
