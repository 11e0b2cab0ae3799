import { Injectable } from '@nestjs/common';
import { Tx } from '../database/transaction-runner';
import { Milestone } from './milestone.entity';

/** What a domain does when one of its milestones comes due; runs inside the firing transaction. */
export type MilestoneHandler = (tx: Tx, milestone: Milestone) => Promise<void>;

/**
 * Domain modules register their kinds in `onModuleInit` (`registry.register('tendering.bid_deadline', fn)`);
 * the worker looks the handler up by the row's kind when it fires.
 */
@Injectable()
export class MilestoneHandlerRegistry {
  private readonly handlers = new Map<string, MilestoneHandler>();

  register(kind: string, handler: MilestoneHandler): void {
    if (this.handlers.has(kind)) throw new Error(`milestone kind ${kind} is registered twice`);
    this.handlers.set(kind, handler);
  }

  get(kind: string): MilestoneHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}
