import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@app/platform/auth/roles';
import { startTestApp, TestApp } from '../../support/test-app';

const API_MAIN = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');

describe('platform over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('platform');
  });

  afterAll(() => t.close());

  it('reports database, Redis and queue health, and the calendar years loaded, without login', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.details).sort()).toEqual(['calendar', 'database', 'queue', 'redis']);
    expect(res.body.details.calendar).toMatchObject({ status: 'up', first: expect.any(Number), last: expect.any(Number) });
  });

  it('serves Prometheus metrics on the internal listener only, counting requests', async () => {
    await t.http.get('/health');
    const res = await fetch(`${t.metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toMatch(/^http_requests_total\{method="GET",route="\/health",status="200"\} \d+/m);
    expect(body).toContain('process_cpu_seconds_total');
    const publicPort = await t.http.get('/metrics');
    expect([publicPort.status, publicPort.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('publishes the OpenAPI document, every operation described in Chinese and English', async () => {
    const ui = await t.http.get('/docs');
    expect(ui.status).toBe(200);
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toMatch(/阳光交易/);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(2);
    const undescribed = operations.filter((op) => !op.summary || !/[\u4e00-\u9fff]/.test(op.summary) || !/[A-Za-z]{3}/.test(op.summary) || !op.tags?.length);
    expect(undescribed.map((op) => op.route)).toEqual([]);
  });

  it('answers unknown routes, malformed JSON and oversized bodies with stable codes and no stack trace', async () => {
    const missing = await t.http.get('/no/such/route');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: { zh: expect.any(String), en: expect.any(String) } });

    const office = await t.account([Role.Office]);
    const malformed = await t.http.request('POST', '/audit/verify', { raw: '{"a":', token: office.token });
    expect([400, 404]).toContain(malformed.status);
    const huge = await t.http.request('POST', '/auth/login', { raw: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(422);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    for (const res of [missing, malformed, huge]) expect(JSON.stringify(res.body)).not.toMatch(/at .+\.(js|ts):\d+/);
  });

  it('shows Bull Board to the centre and the office only', async () => {
    expect((await t.http.get('/admin/queues')).status).toBe(401);
    for (const role of [Role.Centre, Role.Office]) {
      const a = await t.account([role]);
      const res = await t.http.get('/admin/queues', a.token);
      expect(res.status).toBe(200);
      expect(String(res.body)).toContain('<html');
      const api = await t.http.request('GET', '/admin/queues/api/queues', { headers: { cookie: `yg_token=${a.token}` } });
      expect(api.status).toBe(200);
      expect(JSON.stringify(api.body)).toContain('milestones');
    }
    for (const role of [Role.Committee, Role.Regulator, Role.Owner, Role.Agent, Role.Bidder, Role.Expert]) {
      const a = await t.account([role]);
      expect((await t.http.get('/admin/queues', a.token)).status).toBe(403);
    }
  });

  it('stops at start with one clear line naming a bad variable', () => {
    expect(existsSync(API_MAIN)).toBe(true);
    const run = spawnSync(process.execPath, [API_MAIN], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 20000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT must be an integer/);
  });
});
