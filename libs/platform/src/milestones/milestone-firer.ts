import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_ACTOR } from '../auth/roles';
import { TransactionRunner } from '../database/transaction-runner';
import { milestonesFired } from '../observability/metrics';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';
import { Milestone } from './milestone.entity';

export type FireOutcome =
  | { result: 'fired' }
  | { result: 'busy' }
  | { result: 'not_pending'; status: string }
  | { result: 'early'; remainingMs: number }
  | { result: 'stale'; version: number }
  | { result: 'missing' };

export class UnknownMilestoneKind extends Error {}

/** Fires one milestone exactly once: row lock, re-check, handler, mark fired and audit — all one transaction. */
@Injectable()
export class MilestoneFirer {
  private readonly logger = new Logger(MilestoneFirer.name);

  constructor(
    private readonly txr: TransactionRunner,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: MilestoneHandlerRegistry,
    private readonly audit: AuditService,
  ) {}

  /** `version`: the job's version; an older job than the row's (rescheduled since) does nothing. */
  async fire(milestoneId: string, version?: number): Promise<FireOutcome> {
    try {
      return await this.txr.run(async (tx) => {
        // SKIP LOCKED: if another worker holds the row it is firing it; its commit or rollback decides.
        const [locked] = await tx.em.query(
          `SELECT id, status, version, GREATEST(0, EXTRACT(EPOCH FROM (due_at - now())) * 1000)::bigint AS remaining
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
        await tx.em.query(`UPDATE milestone SET status = 'fired', fired_at = now(), attempts = attempts + 1, last_error = NULL, updated_at = now() WHERE id = $1`, [milestoneId]);
        await this.audit.append(tx.em, {
          actor: SYSTEM_ACTOR,
          action: 'milestone.fired',
          subject: { type: 'milestone', id: milestoneId },
          payload: { kind: milestone.kind, subjectType: milestone.subjectType, subjectId: milestone.subjectId, dueAt: milestone.dueAt, version: milestone.version },
        });
        tx.afterCommit(() => milestonesFired.inc({ kind: milestone.kind }));
        return { result: 'fired' };
      });
    } catch (err) {
      await this.recordFailure(milestoneId, err as Error);
      throw err;
    }
  }

  private async recordFailure(milestoneId: string, err: Error): Promise<void> {
    this.logger.warn({ milestoneId, err: err.message }, 'milestone handler failed');
    await this.ds
      .query(`UPDATE milestone SET attempts = attempts + 1, last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`, [milestoneId, err.message.slice(0, 1000)])
      .catch(() => undefined);
  }
}
