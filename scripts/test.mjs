import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './build.mjs';
import { BIN, log, ROOT, run, seconds, withDatabase } from './lib.mjs';
import { CHROMIUM, ensureBrowser } from './browser.mjs';

const started = Date.now();
if (!existsSync(join(ROOT, 'node_modules'))) {
  log('installing dependencies (npm ci) …');
  if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const { deleteRedisKeys, dropDatabases, ensureServices } = await import('./services.mjs');

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const dbPrefix = `yg_test_${runId}`;
const template = `${dbPrefix}_tpl`;
const redisPrefix = `ygt-${runId}`;
const report = join(tmpdir(), `yg-jest-${runId}.json`);

const { adminUrl, redisUrl } = await ensureServices();
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  const dbs = await dropDatabases(adminUrl, dbPrefix).catch((e) => log(`could not drop test databases: ${e.message}`));
  const keys = await deleteRedisKeys(redisUrl, redisPrefix).catch((e) => log(`could not delete test keys: ${e.message}`));
  log(`cleaned up: ${dbs ?? '?'} databases, ${keys ?? '?'} Redis keys`);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}

let exitCode = 1;
try {
  await build();
  const { ensureDatabase } = await import('./services.mjs');
  await ensureDatabase(adminUrl, template);
  const migrated = await run(process.execPath, ['dist/libs/platform/src/database/migrate.js'], { env: { ...process.env, DATABASE_URL: withDatabase(adminUrl, template) } });
  if (migrated !== 0) throw new Error('migrations failed');

  log('type-checking (tsc --noEmit) …');
  const t0 = Date.now();
  if ((await run(join(BIN, 'tsc'), ['-p', 'tsconfig.json', '--noEmit'])) !== 0) throw new Error('type check failed');
  if ((await run(join(BIN, 'tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit'])) !== 0) throw new Error('type check of apps/web failed');
  log(`type check passed in ${seconds(t0)} s`);

  // The browser tests (test/e2e) run inside npm test: make sure chromium and a CJK font are there.
  const args = process.argv.slice(2);
  if (!args.length || args.some((a) => /e2e|web|screenshot/i.test(a))) ensureBrowser();

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    TEST_RUN_ID: runId,
    TEST_ADMIN_DATABASE_URL: adminUrl,
    TEST_TEMPLATE_DB: template,
    REDIS_URL: redisUrl,
    TEST_REDIS_PREFIX: redisPrefix,
    CHROMIUM_PATH: CHROMIUM,
  };
  delete env.DATABASE_URL;
  const jestCode = await run(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], { env });
  const results = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
  rmSync(report, { force: true });
  if (results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
    exitCode = jestCode === 0 && results.numFailedTests === 0 && results.numPassedTests > 0 ? 0 : 1;
  } else {
    console.log('\n0 passed, 1 failed');
  }
} catch (err) {
  console.error(`[阳光交易] ${err.message}`);
  console.log('\n0 passed, 1 failed');
} finally {
  await cleanup();
  log(`npm test took ${seconds(started)} s`);
}
process.exit(exitCode);
