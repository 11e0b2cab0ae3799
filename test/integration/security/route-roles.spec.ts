import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROLES, Role } from '@app/platform/auth/roles';
import { fillPath as fill, Route, routesOf } from '../../support/routes';
import { startTestApp, TestApp } from '../../support/test-app';

const SNAPSHOT = join(__dirname, 'route-roles.snapshot.json');

describe('every route × every role (行政监督与交易活动相分离)', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestApp('route-roles', { LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
    routes = routesOf(t);
    for (const role of ALL_ROLES) tokens.set(role, (await t.account([role])).token);
  });

  afterAll(() => t.close());

  it('declares @Roles or @Public on every route, as reviewed in the snapshot', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.access === 'none').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const map = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, r.access === 'public' ? 'public' : (r.access as Role[]).join(',')]));
    if (process.env.UPDATE_ROUTE_SNAPSHOT === '1' || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, JSON.stringify(map, null, 2) + '\n');
    expect(map).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
  });

  // Account administration is shared by design: the office administers the supervising side and the centre the
  // operating side, split per role by the service (role-policy.ts, identity.spec.ts). Marking one's own notifications read
  // (/notifications/…) writes only the reader's view state, no trading fact (docs/notifications.md). Every other write is one side's.
  it('never gives an operating and a supervising role the same trading write', () => {
    const supervising = [Role.Committee, Role.Office, Role.Regulator];
    const operating = [Role.Centre, Role.Owner, Role.Agent, Role.Bidder];
    const mixedWrites = routes.filter(
      (r) => r.method !== 'GET' && !r.path.startsWith('/accounts') && !r.path.startsWith('/notifications/') && Array.isArray(r.access) && r.access.some((x) => supervising.includes(x)) && r.access.some((x) => operating.includes(x)),
    );
    expect(mixedWrites.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuses every role a route does not list (403), anonymous callers (401), and lets the listed ones past the guard', async () => {
    const unexpected: string[] = [];
    for (const route of routes) {
      const path = fill(route.path);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const anonymous = await t.http.request(route.method, path, { body });
      if (route.access === 'public') {
        if ([401, 403].includes(anonymous.status)) unexpected.push(`${route.method} ${route.path} anonymous → ${anonymous.status}`);
        continue;
      }
      if (anonymous.status !== 401) unexpected.push(`${route.method} ${route.path} anonymous → ${anonymous.status}`);
      for (const role of ALL_ROLES) {
        const res = await t.http.request(route.method, path, { body, token: tokens.get(role) });
        const allowed = (route.access as Role[]).includes(role);
        const refusedByGuard = res.status === 403 && res.body?.code === 'FORBIDDEN_ROLE';
        if (allowed && (refusedByGuard || res.status === 401)) unexpected.push(`${route.method} ${route.path} ${role} refused (${res.status})`);
        if (!allowed && !refusedByGuard) unexpected.push(`${route.method} ${route.path} ${role} allowed (${res.status} ${res.body?.code ?? ''})`);
        if (res.status >= 500) unexpected.push(`${route.method} ${route.path} ${role} → ${res.status}`);
      }
    }
    expect(unexpected).toEqual([]);
  }, 240000);
});
