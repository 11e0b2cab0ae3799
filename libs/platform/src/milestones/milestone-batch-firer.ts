import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_ACTOR } from '../auth/roles';
import { Tx, TransactionRunner } from '../database/transaction-runner';
import { milestonesFired } from '../observability/metrics';
import { MilestoneFiringRepository } from './milestone-firing.repository';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';
import { Milestone } from './milestone.entity';
import { MilestoneService } from './milestone.service';

export interface BatchOutcome {
  claimed: number;
  fired: number;
  failed: number;
}

export const firedAuditEntry = (m: Milestone) => ({
  actor: SYSTEM_ACTOR,
  action: 'milestone.fired',
  subject: { type: 'milestone', id: m.id },
  payload: { kind: m.kind, subjectType: m.subjectType, subjectId: m.subjectId, dueAt: m.dueAt, version: m.version },
});

/**
 * Fires up to `limit` due milestones of the batch kinds in one transaction: claim (`FOR UPDATE SKIP LOCKED … LIMIT`),
 * each kind's handler once with all of its milestones, an audit entry per milestone, and `fired` marked last. Another
 * worker's claim skips the locked rows; a crash rolls the whole batch back and it is claimed again, so each fires once.
 */
@Injectable()
export class MilestoneBatchFirer {
  private readonly logger = new Logger(MilestoneBatchFirer.name);
  private savepoints = 0;

  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: MilestoneFiringRepository,
    private readonly registry: MilestoneHandlerRegistry,
    private readonly audit: AuditService,
    private readonly milestones: MilestoneService,
  ) {}

  async fireBatch(limit: number): Promise<BatchOutcome> {
    const kinds = this.registry.batchKinds();
    if (!kinds.length) return { claimed: 0, fired: 0, failed: 0 };
    return this.txr.run(async (tx) => {
      const claimed = await this.repo.claim(tx.em, kinds, limit);
      if (!claimed.length) return { claimed: 0, fired: 0, failed: 0 };
      const fired: Milestone[] = [];
      const failures: { id: string; error: string }[] = [];
      for (const [kind, group] of byKind(claimed)) {
        const handler = this.registry.batch(kind)!;
        if ((await this.attempt(tx, () => handler(tx, group))) === null) {
          fired.push(...group);
          continue;
        }
        // One of them is bad: each alone, in its own savepoint, so the others still fire in this transaction.
        for (const m of group) {
          const err = await this.attempt(tx, () => handler(tx, [m]));
          if (err === null) fired.push(m);
          else {
            this.logger.warn({ milestoneId: m.id, kind, err: err.message }, 'milestone handler failed');
            failures.push({ id: m.id, error: err.message });
          }
        }
      }
      await this.audit.appendAll(tx.em, fired.map(firedAuditEntry));
      const retries = await this.repo.markFailed(tx.em, failures);
      if (fired.length) await this.repo.markFired(tx.em, fired.map((m) => m.id));
      tx.afterCommit(() => {
        for (const m of fired) milestonesFired.inc({ kind: m.kind });
      });
      for (const r of retries) tx.afterCommit(() => this.milestones.wake({ id: r.id, version: r.version, attempts: r.attempts }, r.retryAt));
      return { claimed: claimed.length, fired: fired.length, failed: failures.length };
    });
  }

  /** Runs `work` in a savepoint: null when it succeeded, else its error with the savepoint rolled back. */
  private async attempt(tx: Tx, work: () => Promise<void>): Promise<Error | null> {
    const name = `ms_${++this.savepoints}`;
    await tx.em.query(`SAVEPOINT ${name}`);
    try {
      await work();
      await tx.em.query(`RELEASE SAVEPOINT ${name}`);
      return null;
    } catch (err) {
      await tx.em.query(`ROLLBACK TO SAVEPOINT ${name}`);
      return err instanceof Error ? err : new Error(String(err));
    }
  }
}

function byKind(ms: Milestone[]): Map<string, Milestone[]> {
  const groups = new Map<string, Milestone[]>();
  for (const m of ms) {
    const group = groups.get(m.kind);
    if (group) group.push(m);
    else groups.set(m.kind, [m]);
  }
  return groups;
}
