import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../../apps/web/src/api');
/** Not shapes: the generated file itself, the HTTP client and the token download helper. */
const SKIP = new Set(['schema.ts', 'client.ts', 'download.ts']);

/** Shapes the OpenAPI document does not describe because they are not API responses (docs/web.md, "API types"). */
const CLIENT_SIDE = new Set([
  'Page', // generic list envelope the pages type their own lists with
  'DeskPage',
  'Paged',
  'LotEvent', // socket.io /live event, not an HTTP response
]);

/** Every object shape a file declares by hand: `export interface X` and `export type X = {`. */
function declared(source: string): string[] {
  return [...source.matchAll(/^export\s+(?:interface\s+(\w+)|type\s+(\w+)(?:<[^>]*>)?\s*=\s*\{)/gm)].map((m) => m[1] ?? m[2]);
}

// Item 6 of issue 18: the web's API shapes are the generated ones (schema.ts); a hand-written one must not come back.
describe('the web’s API shapes', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !SKIP.has(f));
  const byName = new Map(files.flatMap((f) => declared(readFileSync(join(DIR, f), 'utf8')).map((n) => [n, f] as const)));

  // Every response the web reads has a schema on /docs now: a hand-written shape (other than the client-side ones) fails here.
  it('are aliases of the generated types, apart from client-side ones', () => {
    const handWritten = [...byName].filter(([n]) => !CLIENT_SIDE.has(n)).map(([n, f]) => `${f}: ${n}`);
    expect(handWritten).toEqual([]);
  });

  it('keep the client-side list exact (a shape that stops being declared leaves it)', () => {
    const stale = [...CLIENT_SIDE].filter((n) => !byName.has(n));
    expect(stale).toEqual([]);
  });

  // A property whose decorator names no type (a nullable Date, `unknown`) is generated as `Record<string, never>`: no value fits it.
  it('have no field generated as an empty object', () => {
    const schema = readFileSync(join(DIR, 'schema.ts'), 'utf8');
    const empty = schema.split('\n').flatMap((line, i) => (/^\s+"?[\w$]+"?\??: Record<string, never>/.test(line) ? [`schema.ts:${i + 1}: ${line.trim()}`] : []));
    expect(empty).toEqual([]);
  });

  it('finds a hand-written shape where there is one', () => {
    expect(declared("export interface Foo {\n  a: string;\n}\nexport type Bar = { b: number };\nexport type Baz = Schemas['BazView'];\n")).toEqual(['Foo', 'Bar']);
  });
});
