import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, log, mustRun, ROOT } from './lib.mjs';
import { buildWeb } from './build-web.mjs';

/**
 * SWC compiles apps, libs and bench into dist/ (path aliases rewritten); type checking is `npm run typecheck`.
 * The web UI (Vite) is rebuilt into apps/web/dist only when its sources changed (SKIP_WEB_BUILD=1 skips it).
 */
export async function build({ quiet = false } = {}) {
  const started = Date.now();
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  const sources = ['apps/api/src', 'apps/worker/src', 'libs', 'bench'].filter((d) => existsSync(join(ROOT, d)));
  await mustRun(join(BIN, 'swc'), [...sources, '-d', 'dist', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--copy-files', '--quiet']);
  if (!quiet) log(`built dist/ in ${Date.now() - started} ms`);
  if (process.env.SKIP_WEB_BUILD !== '1') await buildWeb({ quiet });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
