import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** One unit of work: the entity manager of an open transaction and what to do once it has committed. */
export interface Tx {
  readonly em: EntityManager;
  afterCommit(fn: () => Promise<unknown> | unknown): void;
}

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** Runs `work` in one READ COMMITTED transaction; after-commit hooks run only if it committed. */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: (() => Promise<unknown> | unknown)[] = [];
    const result = await this.dataSource.transaction(async (em) => work({ em, afterCommit: (fn) => hooks.push(fn) }));
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
