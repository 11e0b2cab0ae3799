import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..');

/** A load generator in its own process (a compiled script of dist/ forked with an IPC channel that carries typed arrays). */
export interface LoadProcess {
  child: ChildProcess;
  /** the next message of type `type` (after sending `message`, when given); rejects on an `error` message or an exit */
  next<T>(type: string, message?: object): Promise<T>;
  stop(): Promise<void>;
}

export function forkLoad(script: string, args: string[], what: string): LoadProcess {
  const child = fork(join(DIST, script), args, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    next<T>(type: string, message?: object): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const onMessage = (m: { type: string; message?: string }) => {
          if (m.type !== type && m.type !== 'error') return;
          cleanup();
          if (m.type === 'error') reject(new Error(`${what}: ${m.message}`));
          else resolve(m as T);
        };
        const onExit = (code: number | null) => {
          cleanup();
          reject(new Error(`${what} exited with ${code} while the bench waited for "${type}"`));
        };
        const cleanup = () => {
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        if (message) child.send(message);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
