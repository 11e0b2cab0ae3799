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

/** Runs first inside every transaction, before the work; throwing refuses the work and rolls back. */
export type BeginHook = (em: EntityManager) => Promise<void> | void;

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly beginHooks: BeginHook[] = [];

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /**
   * A check every transaction must pass first, registered by a lib at start (the trading kernel's project gate
   * refuses any write to a suspended project here, atomically with the write).
   */
  onBegin(hook: BeginHook): void {
    this.beginHooks.push(hook);
  }

  /** Runs `work` in one READ COMMITTED transaction; after-commit hooks run only if it committed. */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const background: Hook[] = [];
    const awaited: Hook[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      for (const begin of this.beginHooks) await begin(em);
      return work({ em, afterCommit: (fn) => background.push(fn), afterCommitAwaited: (fn) => awaited.push(fn) });
    });
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
