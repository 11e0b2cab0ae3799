import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** where the api and worker scripts are taken from: this build, or BENCH_APP_DIST (another build's dist/, for an A/B run) */
const DIST = join(__dirname, '..', '..');
const APP_DIST = process.env.BENCH_APP_DIST ?? DIST;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Child {
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

async function healthy(child: ChildProcess, port: number, path: string, what: string, output: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${output().slice(-2000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} on ${port} did not become healthy in 60 s: ${output().slice(-2000)}`);
}

/** Spawns a compiled script of dist/ (e.g. apps/api/src/main.js) and waits until `path` answers 200. */
export async function startProcess(script: string, args: string[], env: Record<string, string>, what: string, portVar: string, path = '/health'): Promise<Child> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, [join(script.startsWith('apps/') ? APP_DIST : DIST, script), ...args], {
    // LOG_LEVEL info: what production runs at (app-config's default outside tests), so the per-request log lines cost what they cost there.
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env, [portVar]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await healthy(child, port, path, what, () => out);
  return {
    port,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** The real api process (dist/apps/api/src/main.js) on a free port, on the bench's database and Redis prefix. */
export const startApi = (databaseUrl: string, redisPrefix: string, env: Record<string, string> = {}) =>
  startProcess('apps/api/src/main.js', [], { DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix, METRICS_PORT: '0', ...env }, 'api', 'PORT');

/** The real worker process (dist/apps/worker/src/main.js); its /health port is free-chosen. */
export const startWorker = (databaseUrl: string, redisPrefix: string, env: Record<string, string> = {}) =>
  startProcess('apps/worker/src/main.js', [], { DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix, ...env }, 'worker', 'WORKER_HEALTH_PORT');

export async function stopAll(children: Child[]): Promise<void> {
  await Promise.all(children.map((c) => c.stop()));
}
