import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import { milestonesFired } from '../observability/metrics';
import { firedAuditEntry } from './milestone-batch-firer';
import { MilestoneFiringRepository } from './milestone-firing.repository';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';
import { Milestone } from './milestone.entity';
import { MilestoneService } from './milestone.service';

export type FireOutcome =
  | { result: 'fired' }
  | { result: 'busy' }
  | { result: 'not_pending'; status: string }
  | { result: 'early'; remainingMs: number }
  | { result: 'stale'; version: number }
  | { result: 'missing' };

export class UnknownMilestoneKind extends Error {}

/**
 * Fires one milestone exactly once: row lock, re-check, handler, audit, mark fired — all one transaction. The kinds
 * that run apart go this way (one transaction each, so a slow one holds nobody else), and so does a single firing by
 * hand (the demo seed).
 */
@Injectable()
export class MilestoneFirer {
  private readonly logger = new Logger(MilestoneFirer.name);

  constructor(
    private readonly txr: TransactionRunner,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: MilestoneHandlerRegistry,
    private readonly audit: AuditService,
    private readonly repo: MilestoneFiringRepository,
    private readonly milestones: MilestoneService,
  ) {}

  /** `version`: the job's version (jobs of older releases); an older job than the row's (rescheduled since) does nothing. */
  async fire(milestoneId: string, version?: number): Promise<FireOutcome> {
    try {
      return await this.txr.run(async (tx) => {
        // SKIP LOCKED: if another worker holds the row it is firing it; its commit or rollback decides.
        const [locked] = await tx.em.query(
          `SELECT id, status, version, GREATEST(0, EXTRACT(EPOCH FROM (due_at - statement_timestamp())) * 1000)::bigint AS remaining
           FROM milestone WHERE id = $1 FOR UPDATE SKIP LOCKED`,
          [milestoneId],
        );
        if (!locked) {
          const exists = await tx.em.query(`SELECT 1 FROM milestone WHERE id = $1`, [milestoneId]);
          return exists.length ? { result: 'busy' } : { result: 'missing' };
        }
        if (locked.status !== 'pending') return { result: 'not_pending', status: locked.status };
        if (version !== undefined && version !== locked.version) return { result: 'stale', version: locked.version };
        if (Number(locked.remaining) > 0) return { result: 'early', remainingMs: Number(locked.remaining) };
        const milestone = await tx.em.getRepository(Milestone).findOneByOrFail({ id: milestoneId });
        const handler = this.registry.get(milestone.kind);
        if (!handler) throw new UnknownMilestoneKind(`no handler for milestone kind ${milestone.kind}`);
        await handler(tx, milestone);
        await this.audit.append(tx.em, firedAuditEntry(milestone));
        await this.repo.markFired(tx.em, [milestoneId]);
        tx.afterCommit(() => milestonesFired.inc({ kind: milestone.kind }));
        return { result: 'fired' };
      });
    } catch (err) {
      await this.recordFailure(milestoneId, err as Error);
      throw err;
    }
  }

  /** Counts the attempt, sets the retry time (backoff) and queues the wake-up for it. */
  private async recordFailure(milestoneId: string, err: Error): Promise<void> {
    this.logger.warn({ milestoneId, err: err.message }, 'milestone handler failed');
    try {
      const [r] = await this.repo.markFailed(this.ds.manager, [{ id: milestoneId, error: err.message }]);
      if (r) await this.milestones.wake({ id: r.id, version: r.version, attempts: r.attempts }, r.retryAt);
    } catch {
      // The database or Redis is down: the row is still pending and due; reconciliation fires it.
    }
  }
}
