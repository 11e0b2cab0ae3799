import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { freePort, waitFor } from './worker-process';

/** Debian's redis-server, found as scripts/services.mjs finds it. */
function redisServerBinary(): string {
  const found = spawnSync('which', ['redis-server']).stdout?.toString().trim();
  if (!found) throw new Error('redis-server is not installed (apt-get install redis-server)');
  return found;
}

/**
 * A Redis server of the test's own, without persistence, so that a fault test can stop, restart (empty) and flush it
 * without touching the Redis every other test file uses.
 */
export class PrivateRedis {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  static async create(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it on its port, unless it runs already. */
  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    this.child = spawn(redisServerBinary(), ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'], { stdio: 'ignore' });
    await waitFor(() => this.answers(), 15000, 'the private Redis');
  }

  /** A crash: every connection cut at once, and what it held is gone when it starts again. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async flush(): Promise<void> {
    const client = new Redis(this.url(), { maxRetriesPerRequest: 1 });
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
  }

  async answers(): Promise<boolean> {
    const client = new Redis(this.url(), { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
