import fc from 'fast-check';

/** A JSON schema node as @nestjs/swagger writes it into /docs-json. */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  description?: string;
  example?: unknown;
}

const SQL = ["'; DROP TABLE account; --", "1' OR '1'='1", '"; SELECT pg_sleep(5); --', "$$; TRUNCATE audit_event; $$", 'x\u0000y', '\\x00'];
const HUGE = ['界'.repeat(200_000), 'A'.repeat(70_000)];
const ODD = ['', ' ', '\u202e\u200b', '<script>alert(1)</script>', '../../etc/passwd', '%00', '{{7*7}}', '𠮷'.repeat(300)];
const MONEY = ['-1.00', '-0.01', '0.001', '1.234', '1e3', '9999999999999999999999.99', 'NaN', 'Infinity', '１２３.４５', '0x10', ' 1.00', '1,000.00'];
const DATES = ['9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '1969-12-31T23:59:59Z', 'yesterday', '2026-13-01'];
const NUMBERS = [-1, 0, 1.5, -0.5, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308];
const WRONG: unknown[] = [null, true, 0, -1, [], {}, [[[[[]]]]], 'string', { $gt: '' }, { toString: 'x' }];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** Values of the right type but hostile content, or of a wrong type, for one property. */
function hostileValue(node: SchemaNode | undefined, resolve: (n: SchemaNode) => SchemaNode, depth: number): fc.Arbitrary<unknown> {
  const n = node ? resolve(node) : {};
  const wrong = pick(WRONG);
  if (depth > 3) return wrong;
  const looksLikeMoney = /元|yuan|fen|amount|price/i.test(`${n.description ?? ''}`) || (typeof n.example === 'string' && /^\d+\.\d{2}$/.test(n.example));
  switch (n.type) {
    case 'string': {
      const options: fc.Arbitrary<unknown>[] = [pick(SQL), pick(HUGE), pick(ODD), fc.string({ maxLength: 40 }), wrong];
      if (looksLikeMoney) options.push(pick(MONEY), pick(MONEY));
      if (n.format === 'date-time' || n.format === 'date') options.push(pick(DATES), pick(DATES));
      if (n.format === 'uuid') options.push(fc.uuid(), pick(['00000000-0000-0000-0000-000000000000', 'not-a-uuid']));
      if (n.enum?.length) options.push(pick(n.enum as string[]), pick(n.enum as string[]));
      return fc.oneof(...options);
    }
    case 'integer':
    case 'number':
      return fc.oneof(pick(NUMBERS), fc.integer(), fc.double(), pick(['1', '-1', '1e400']), wrong);
    case 'boolean':
      return fc.oneof(fc.boolean(), pick(['true', 1, 'yes']), wrong);
    case 'array':
      return fc.oneof(fc.array(hostileValue(n.items, resolve, depth + 1), { maxLength: 4 }), fc.constant(new Array(5000).fill(1)), wrong);
    case 'object':
    default:
      if (n.properties) return hostileObject(n, resolve, depth + 1);
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }), wrong);
  }
}

/** An object shaped like the DTO (most required fields present), each value hostile, sometimes with extra keys. */
export function hostileObject(schema: SchemaNode, resolve: (n: SchemaNode) => SchemaNode, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(schema);
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const fields = Object.fromEntries(props.map(([k, v]) => [k, fc.option(hostileValue(v, resolve, depth), { freq: required.has(k) ? 8 : 2, nil: undefined })]));
  return fc.tuple(fc.record(fields), fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { freq: 4, nil: undefined })).map(([obj, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
    return extra ? { ...extra, ...out } : out;
  });
}

/** A raw JSON body for a DTO: hostile objects, prototype-pollution keys, random JSON, or not JSON at all. */
export function hostileBody(schema: SchemaNode | undefined, resolve: (n: SchemaNode) => SchemaNode): fc.Arbitrary<string> {
  const shaped = schema ? hostileObject(schema, resolve).map((o) => JSON.stringify(o)) : fc.constant('{}');
  const polluted = fc.tuple(shaped, pick(['__proto__', 'constructor', 'prototype'])).map(([json, key]) => {
    const inner = key === 'constructor' ? '{"prototype":{"polluted":"yes"}}' : '{"polluted":"yes"}';
    return json === '{}' ? `{"${key}":${inner}}` : json.replace(/^\{/, `{"${key}":${inner},`);
  });
  return fc.oneof(
    { arbitrary: shaped, weight: 6 },
    { arbitrary: polluted, weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'), weight: 1 },
    { arbitrary: pick(['{"a":', 'null', '[]', '"x"', '{"a":1}{"b":2}', '\u0000', 'x'.repeat(2_000_000)]), weight: 1 },
  );
}

/** A query string of the route's parameters with hostile values, plus stray keys. */
export function hostileQuery(params: { name: string; schema?: SchemaNode }[], resolve: (n: SchemaNode) => SchemaNode): fc.Arbitrary<string> {
  const entries = params.map((p) => fc.option(hostileValue(p.schema, resolve, 2).map((v) => [p.name, typeof v === 'string' ? v.slice(0, 3000) : JSON.stringify(v) ?? ''] as const), { nil: undefined }));
  const stray = fc.array(fc.tuple(pick(['__proto__[x]', 'constructor[prototype][y]', 'page', 'pageSize', 'sort', 'q']), pick(['-1', '1e9', "' OR 1=1 --", '[]', ''])), { maxLength: 3 });
  return fc.tuple(fc.tuple(...entries), stray).map(([ps, extra]) => {
    const q = new URLSearchParams();
    for (const e of ps) if (e) q.append(e[0], e[1]);
    for (const [k, v] of extra) q.append(k, v);
    return q.toString();
  });
}
