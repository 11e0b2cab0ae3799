import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../../support/test-app';

const ROOT = join(__dirname, '../../..');
const FILE = join(ROOT, 'apps/web/src/api/schema.ts');
const CLI = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const HEADER = "// Generated from the api's OpenAPI document (/docs-json) by openapi-typescript. Do not edit: run `npm run api:types`.\n";

/** openapi-typescript's own CLI (it ships ESM, which Node runs and Jest's CommonJS does not), on the served document. */
function generate(doc: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'yg-api-types-'));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
  const r = spawnSync(process.execPath, [CLI, join(dir, 'openapi.json'), '--alphabetize', '-o', join(dir, 'schema.ts')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openapi-typescript failed: ${r.stderr}`);
  return HEADER + readFileSync(join(dir, 'schema.ts'), 'utf8');
}

// The web's API types come from the OpenAPI document; this fails when they are stale (and rewrites them on request).
describe('the web’s API types', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('api-types');
  });

  afterAll(() => t.close());

  it('are generated from the OpenAPI document and up to date', async () => {
    const generated = generate((await t.http.get('/docs-json')).body);
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(FILE, generated);
    const committed = readFileSync(FILE, 'utf8');
    if (committed !== generated) throw new Error('apps/web/src/api/schema.ts is stale: the API changed. Run `npm run api:types` and commit the file.');
    expect(committed).toContain('"/public/projects/{id}/history"');
  }, 60000);
});
