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

/** Responses of routes that still have no response schema on /docs: each one leaves this list when its route gets one. */
const AWAITING_SCHEMA = new Set([
  'Tender', // GET /public/tenders/:id (adds clarifications, deadlineChanges)
  'OpeningLine',
  'OpeningRecord', // GET /public/tenders/:id/opening
  'BidReceipt', // POST /tenders/:id/sections/:no/bids, GET /tenders/:id/bids/mine
  'Deposit', // GET /tenders/:id/deposits
  'PublicLot', // GET /public/lots/:id
  'BidAnswer', // POST /lots/:id/bids
  'AuditItem',
  'AuditActionName',
  'ChainStatus',
  'AuditPage', // GET /supervision/audit, /supervision/audit/actions
  'Question', // GET /tenders/:id/questions
  'SealedOpeningRecord',
  'ReportRecord',
  'RequirementItem',
  'OpenedQuote',
  'Requirement',
  'QuoteReceipt', // the online-quote routes of /procurement/requirements
  'CollusionSignal', // GET /supervision/collusion/signals
  'LandConfirmation',
]);

/** Every object shape a file declares by hand: `export interface X` and `export type X = {`. */
function declared(source: string): string[] {
  return [...source.matchAll(/^export\s+(?:interface\s+(\w+)|type\s+(\w+)(?:<[^>]*>)?\s*=\s*\{)/gm)].map((m) => m[1] ?? m[2]);
}

// Item 6 of issue 18: the web's API shapes are the generated ones (schema.ts); a hand-written one must not come back.
describe('the web’s API shapes', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !SKIP.has(f));
  const byName = new Map(files.flatMap((f) => declared(readFileSync(join(DIR, f), 'utf8')).map((n) => [n, f] as const)));

  it('are aliases of the generated types, apart from client-side ones and those awaiting a schema', () => {
    const handWritten = [...byName].filter(([n]) => !CLIENT_SIDE.has(n) && !AWAITING_SCHEMA.has(n)).map(([n, f]) => `${f}: ${n}`);
    expect(handWritten).toEqual([]);
  });

  it('keep the allow-lists exact (a converted shape leaves them)', () => {
    const stale = [...CLIENT_SIDE, ...AWAITING_SCHEMA].filter((n) => !byName.has(n));
    expect(stale).toEqual([]);
  });

  it('finds a hand-written shape where there is one', () => {
    expect(declared("export interface Foo {\n  a: string;\n}\nexport type Bar = { b: number };\nexport type Baz = Schemas['BazView'];\n")).toEqual(['Foo', 'Bar']);
  });
});
