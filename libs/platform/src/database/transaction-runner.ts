import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** One unit of work: the entity manager of an open transaction and what to do once it has committed. */
export interface Tx {
  readonly em: EntityManager;
  afterCommit(fn: () => Promise<unknown> | unknown): void;
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
    const hooks: (() => Promise<unknown> | unknown)[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      for (const begin of this.beginHooks) await begin(em);
      return work({ em, afterCommit: (fn) => hooks.push(fn) });
    });
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        // The committed rows are the truth; reconciliation repairs whatever a failed hook left undone.
        this.logger.warn({ err }, 'after-commit hook failed');
      }
    }
    return result;
  }
}
