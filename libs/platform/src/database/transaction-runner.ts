import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

type Hook = () => Promise<unknown> | unknown;

/** One unit of work: the entity manager of an open transaction and what to do once it has committed. */
export interface Tx {
  readonly em: EntityManager;
  /**
   * After commit, in the background: `run` returns (and the request answers) without waiting for it, so a dead Redis
   * never holds a committed write. Hooks of one transaction run in order; a failure is logged and reconciliation
   * repairs what it left undone (docs/operations.md).
   */
  afterCommit(fn: Hook): void;
  /** After commit and before `run` returns: only in-process work the answer must already reflect (e.g. reloading a cache). */
  afterCommitAwaited(fn: Hook): void;
}

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** Runs `work` in one READ COMMITTED transaction; after-commit hooks run only if it committed. */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const background: Hook[] = [];
    const awaited: Hook[] = [];
    const result = await this.dataSource.transaction(async (em) =>
      work({ em, afterCommit: (fn) => background.push(fn), afterCommitAwaited: (fn) => awaited.push(fn) }),
    );
    if (background.length) void this.runHooks(background);
    await this.runHooks(awaited);
    return result;
  }

  private async runHooks(hooks: Hook[]): Promise<void> {
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        // The committed rows are the truth; reconciliation repairs whatever a failed hook left undone.
        this.logger.warn({ err }, 'after-commit hook failed');
      }
    }
  }
}
