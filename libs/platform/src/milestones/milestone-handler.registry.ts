import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transaction-runner';
import { Milestone } from './milestone.entity';

/** What a domain does when one of its milestones comes due; runs inside the firing transaction. */
export type MilestoneHandler = (tx: Tx, milestone: Milestone) => Promise<void>;

/** The same for every due milestone of one kind at once, inside the batch's transaction (a set-based statement each). */
export type MilestoneBatchHandler = (tx: Tx, milestones: Milestone[]) => Promise<void>;

/** The registry option of a kind whose handler takes arrays. */
export interface BatchKind {
  batch: MilestoneBatchHandler;
}

/**
 * Domain modules register their kinds in `onModuleInit`:
 * - `registry.register('tendering.bid_deadline', (tx, m) => …)`: one milestone per transaction, run apart from the
 *   batches (a slow handler, e.g. decrypting a thousand bids, holds nobody else's closing);
 * - `registry.register('catalogue.x', { batch: (tx, ms) => … })`: every due milestone of the kind in one call, in the
 *   batch's transaction with their audit entries. A batch that throws is retried one milestone at a time, each in
 *   its own savepoint, so one bad milestone never fails the others.
 */
@Injectable()
export class MilestoneHandlerRegistry {
  private readonly single = new Map<string, MilestoneHandler>();
  private readonly batches = new Map<string, MilestoneBatchHandler>();

  register(kind: string, handler: MilestoneHandler | BatchKind): void {
    if (this.single.has(kind) || this.batches.has(kind)) throw new Error(`milestone kind ${kind} is registered twice`);
    if (typeof handler === 'function') this.single.set(kind, handler);
    else this.batches.set(kind, handler.batch);
  }

  /** The kind's handler for one milestone (a batch kind's handler called with that one). */
  get(kind: string): MilestoneHandler | undefined {
    const batch = this.batches.get(kind);
    return batch ? (tx, m) => batch(tx, [m]) : this.single.get(kind);
  }

  batch(kind: string): MilestoneBatchHandler | undefined {
    return this.batches.get(kind);
  }

  /** Kinds fired in batches; every other kind runs apart. */
  batchKinds(): string[] {
    return [...this.batches.keys()];
  }

  kinds(): string[] {
    return [...this.single.keys(), ...this.batches.keys()];
  }
}
