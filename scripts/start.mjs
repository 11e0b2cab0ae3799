import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { log, ROOT, run, seconds, withDatabase } from './lib.mjs';

const started = Date.now();
const lock = join(ROOT, 'package-lock.json');
const marker = join(ROOT, 'node_modules', '.package-lock.json');
const modules = join(ROOT, 'node_modules');
// A node_modules that is a symbolic link is someone else's install (a git worktree sharing the main checkout's): npm ci
// would empty the folder it points to, under every other checkout using it. Leave it alone and say so.
if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) log('node_modules is a symbolic link: not reinstalling it (run npm ci where it lives if it is out of date)');
} else if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  log('installing dependencies (npm ci) …');
  if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const { ensureDatabase, ensureServices } = await import('./services.mjs');

const { adminUrl, redisUrl, started: launched } = await ensureServices();
for (const s of launched) log(`started ${s}`);
const databaseName = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).pathname.slice(1) || 'yangguang' : 'yangguang';
const databaseUrl = withDatabase(adminUrl, databaseName);
if (await ensureDatabase(adminUrl, databaseName)) log(`created database ${databaseName}`);

await build();
const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
if ((await run(process.execPath, ['dist/libs/platform/src/database/migrate.js'], { env })) !== 0) process.exit(1);
const seeded = spawnSync(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'seed', 'main.js')], { cwd: ROOT, env, encoding: 'utf8' });
process.stdout.write(seeded.stdout ?? '');
if (seeded.status !== 0) {
  process.stderr.write(seeded.stderr ?? '');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const busy = await fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false);
if (busy) {
  log(`something already answers on port ${port} (another npm start?): stop it or run with PORT=<free port>`);
  process.exit(1);
}
const children = [
  spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: ROOT, stdio: 'inherit', env: { ...env, PORT: String(port) } }),
  // The demo's recurring live lot (docs/demo-data.md) runs in this worker: DEMO_LIVE_LOT=0 turns it off.
  spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT ?? String(port + 1), DEMO_LIVE_LOT: process.env.DEMO_LIVE_LOT ?? '1', DEMO_API_URL: process.env.DEMO_API_URL ?? `http://127.0.0.1:${port}` },
  }),
];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
for (const c of children) c.on('exit', (code) => { if (!stopping) { log(`a process stopped (exit ${code}); stopping the others`); stop(code || 1); } });
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const base = `http://localhost:${port}`;
const deadline = Date.now() + 60000;
for (;;) {
  try {
    const res = await fetch(`${base}/health`);
    if (res.status === 200) break;
  } catch {
    /* not up yet */
  }
  if (Date.now() > deadline) {
    log('the api did not become healthy within 60 s');
    stop(1);
    break;
  }
  await new Promise((r) => setTimeout(r, 300));
}
console.log(`
  ┌──────────────────────────────────────────────────────────────┐
    阳光交易 公共资源交易平台 is running (ready in ${seconds(started)} s)
    Web / 门户           ${base}/
    API docs / 接口文档   ${base}/docs   (JSON: ${base}/docs-json)
    Queues / 队列看板     ${base}/admin/queues  (centre, office)
    Health / 运行状态     ${base}/health
    Stop with Ctrl-C.
  └──────────────────────────────────────────────────────────────┘
${(seeded.stdout ?? '').split('\n').filter((l) => !l.startsWith('seed:')).join('\n')}`);
