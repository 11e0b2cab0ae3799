import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ALL_ROLES, Role } from '@app/platform/auth/roles';
import { hostileBody, hostileQuery, SchemaNode } from '../../support/hostile';
import { fillPath, openApiPath, Route, routesOf } from '../../support/routes';
import { startTestApp, TestApp } from '../../support/test-app';

/** Each run takes a new seed, printed so that a failure can be replayed with FUZZ_SEED. */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const BODIES_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 30);
const QUERIES_PER_ROUTE = 10;
/** The platform's refusal of an upload, and the expert import's own (it names the accepted formats). */
const UPLOAD_REFUSALS = ['UPLOAD_INVALID', 'IMPORT_FILE_INVALID'];

interface Operation {
  parameters?: { name: string; in: string; schema?: SchemaNode }[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
}

// Invariant 7 under attack: random and hostile bodies and queries on every route with every role allowed on it —
// no 5xx, every refusal changes nothing in the database, and no prototype is polluted.
describe('hostile input on every route (fast-check)', () => {
  let t: TestApp;
  let routes: Route[];
  let spec: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, SchemaNode> } };
  const tokens = new Map<Role, string>();
  const resolve = (n: SchemaNode): SchemaNode => {
    if (n.$ref) return resolve(spec.components.schemas[n.$ref.split('/').pop()!]);
    if (n.allOf?.length) return n.allOf.map(resolve).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }), {});
    return n;
  };
  /** Row changes, logged by a row-level trigger on every table (rolled back with their transaction). */
  let seen = 0;
  const changedTables = async (): Promise<string[]> => {
    const rows: { id: string; tbl: string }[] = await t.ds.query(`SELECT id, tbl FROM fuzz_change WHERE id > $1 ORDER BY id`, [seen]);
    if (rows.length) seen = Number(rows[rows.length - 1].id);
    return [...new Set(rows.map((r) => r.tbl))].sort();
  };
  /** The one refusal that writes, on purpose: a failed login is recorded in the audit chain (who tried, from where). */
  const tolerated = (route: Route, status: number, tables: string[]) =>
    route.path === '/auth/login' && status === 401 && tables.every((x) => x === 'audit_event');

  beforeAll(async () => {
    t = await startTestApp('dto-fuzz', { LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
    routes = routesOf(t);
    spec = (await t.http.get('/docs-json')).body;
    for (const role of ALL_ROLES) tokens.set(role, (await t.account([role])).token);
    await t.ds.query(`CREATE TABLE fuzz_change (id bigserial PRIMARY KEY, tbl text NOT NULL)`);
    // The audit sequencer links earlier requests' entries in the background (an UPDATE that only links, the one the
    // append-only trigger allows, and the head it moves): not a change any request made.
    await t.ds.query(`CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF TG_TABLE_NAME = 'audit_chain_head' OR (TG_TABLE_NAME = 'audit_event' AND TG_OP = 'UPDATE') THEN RETURN NULL; END IF;
      INSERT INTO fuzz_change (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    const tables: { t: string }[] = await t.ds.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'fuzz_change'`);
    for (const { t: table } of tables) await t.ds.query(`CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`);
    // eslint-disable-next-line no-console
    console.log(`dto-fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  }, 60000);

  afterAll(() => t.close());

  const tokenFor = (r: Route) => (r.access === 'public' || r.access === 'none' ? undefined : tokens.get(r.access[0]));
  const operation = (r: Route): Operation | undefined => spec.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];

  it('answers every hostile body with a 4xx (or a success), never a 5xx, and a refusal changes nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    const writes = routes.filter((r) => r.method !== 'GET' && !r.consumes.includes('multipart/form-data'));
    expect(writes.length).toBeGreaterThan(50);
    for (const [i, route] of writes.entries()) {
      const schema = operation(route)?.requestBody?.content?.['application/json']?.schema;
      const bodies = fc.sample(hostileBody(schema, resolve), { numRuns: BODIES_PER_ROUTE, seed: SEED + i });
      for (const raw of bodies) {
        await changedTables();
        const res = await t.http.request(route.method, fillPath(route.path), { raw, token: tokenFor(route) });
        sent++;
        const what = `${route.method} ${route.path} ${raw.slice(0, 120)}`;
        if (res.status >= 500) failures.push(`${what} → ${res.status} ${res.body?.code ?? ''}`);
        else if (res.status >= 400) {
          const tables = await changedTables();
          if (tables.length && !tolerated(route, res.status, tables)) failures.push(`${what} → ${res.status} ${res.body?.code} but ${tables.join(', ')} changed`);
          if (!res.body?.code || !res.body?.message?.zh || !res.body?.message?.en) failures.push(`${what} → ${res.status} without {code, message.zh, message.en}`);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(sent).toBe(writes.length * BODIES_PER_ROUTE);
    expect(failures).toEqual([]);
  }, 600000);

  it('answers every hostile query string without a 5xx, and reading changes nothing', async () => {
    const failures: string[] = [];
    const reads = routes.filter((r) => r.method === 'GET' && !['/metrics', '/health'].includes(r.path));
    for (const [i, route] of reads.entries()) {
      const params = (operation(route)?.parameters ?? []).filter((p) => p.in === 'query');
      for (const query of fc.sample(hostileQuery(params, resolve), { numRuns: QUERIES_PER_ROUTE, seed: SEED + 10_000 + i })) {
        await changedTables();
        const res = await t.http.request('GET', `${fillPath(route.path)}?${query}`, { token: tokenFor(route) });
        const tables = await changedTables();
        if (res.status >= 500) failures.push(`GET ${route.path}?${query.slice(0, 150)} → ${res.status} ${res.body?.code ?? ''}`);
        else if (tables.length) failures.push(`GET ${route.path}?${query.slice(0, 150)} → ${res.status} changed ${tables.join(', ')}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
  }, 600000);

  it('answers the edge numbers on every numeric query parameter — huge, unsafe, fractional, negative — without a 5xx', async () => {
    const failures: string[] = [];
    const edges = ['1e308', '1e+308', '9007199254740993', '99999999999999999999', '-1', '0.5', 'NaN', 'Infinity', '0x10', ' 1'];
    const reads = routes.filter((r) => r.method === 'GET' && !['/metrics', '/health'].includes(r.path));
    let sent = 0;
    for (const route of reads) {
      const numeric = (operation(route)?.parameters ?? []).filter((p) => p.in === 'query' && ['integer', 'number'].includes(resolve(p.schema ?? {}).type ?? ''));
      for (const param of numeric) {
        for (const edge of edges) {
          const res = await t.http.request('GET', `${fillPath(route.path)}?${new URLSearchParams({ [param.name]: edge })}`, { token: tokenFor(route) });
          sent++;
          if (res.status >= 500) failures.push(`GET ${route.path}?${param.name}=${edge} → ${res.status} ${res.body?.code ?? ''}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300000);

  it('refuses hostile uploads on every multipart route — too big, wrong type, two files, not multipart — changing nothing', async () => {
    const uploads = routes.filter((r) => r.consumes.includes('multipart/form-data'));
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    const failures: string[] = [];
    const send = async (route: Route, body: FormData | string, label: string) => {
      await changedTables();
      const headers: Record<string, string> = {};
      const token = tokenFor(route);
      if (token) headers.authorization = `Bearer ${token}`;
      if (typeof body === 'string') headers['content-type'] = label === 'broken boundary' ? 'multipart/form-data; boundary=xyz' : 'application/json';
      const res = await fetch(`${t.http.baseUrl}${fillPath(route.path, (name) => (name === 'no' ? '1' : randomUUID()))}`, { method: route.method, body, headers });
      const json = (await res.json().catch(() => null)) as { code?: string; message?: { zh?: string } } | null;
      const tables = await changedTables();
      if (res.status < 400 || res.status >= 500) failures.push(`${route.method} ${route.path} ${label} → ${res.status}`);
      else if (!json?.code || !json?.message?.zh) failures.push(`${route.method} ${route.path} ${label} → ${res.status} without the error shape`);
      if (tables.length) failures.push(`${route.method} ${route.path} ${label} changed ${tables.join(', ')}`);
      return { status: res.status, code: json?.code as string | undefined };
    };
    const form = (files: { name: string; size: number }[], fields: Record<string, string> = {}) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      for (const file of files) f.append('documents', new Blob([Buffer.alloc(file.size, 0x25)]), file.name);
      return f;
    };
    const tooBig = 50 * 1024 * 1024 + 1;
    for (const route of uploads) {
      const big = await send(route, form([{ name: 'big.pdf', size: tooBig }]), 'a file over 50 MB');
      if (!UPLOAD_REFUSALS.includes(big.code ?? '')) failures.push(`${route.path} over 50 MB → ${big.code}`);
      const exe = await send(route, form([{ name: 'setup.exe', size: 64 }]), 'an .exe');
      if (!UPLOAD_REFUSALS.includes(exe.code ?? '')) failures.push(`${route.path} .exe → ${exe.code}`);
      await send(route, form([{ name: 'a.pdf', size: 10 }, { name: 'b.pdf', size: 10 }]), 'two files');
      await send(route, '{"price":"1.00"}', 'JSON instead of multipart');
      await send(route, '--xyz\r\nContent-Disposition: form-data; name="x"\r\n\r\n', 'broken boundary');
      await send(route, form([{ name: "../../etc/passwd'; DROP TABLE account; --.pdf", size: 10 }], { price: "1' OR '1'='1", note: '界'.repeat(100_000), __proto__: 'x' }), 'hostile names and fields');
    }
    expect(failures).toEqual([]);
  }, 300000);
});
