import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, log, mustRun, ROOT } from './lib.mjs';

const WEB = join(ROOT, 'apps', 'web');
const OUT = join(WEB, 'dist', 'index.html');
/** Pure rule files of the libs that the web compiles in (so that a page offers what the API takes). */
const SHARED = ['libs/tendering/src/rules/deposit-state.ts'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** Vite builds apps/web into apps/web/dist, only when a source (or the lock file) is newer than the last build. */
export async function buildWeb({ quiet = false, force = false } = {}) {
  const sources = Math.max(newest(join(WEB, 'src')), ...['index.html', 'vite.config.ts', 'tsconfig.json'].map((f) => newest(join(WEB, f))), newest(join(ROOT, 'package-lock.json')), ...SHARED.map((f) => newest(join(ROOT, f))));
  if (!force && existsSync(OUT) && statSync(OUT).mtimeMs >= sources) {
    if (!quiet) log('web is up to date (apps/web/dist)');
    return;
  }
  const started = Date.now();
  await mustRun(join(BIN, 'vite'), ['build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn']);
  if (!quiet) log(`built apps/web/dist in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildWeb({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
