import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, SYSTEM_ACTOR } from '../auth/roles';
import { Counting, dueAfter, remainingAt } from '../calendar/working-time';
import { Tx } from '../database/transaction-runner';
import { JobName, QueueName } from '../queues/queue-names';
import { MilestoneErrors } from './milestone-errors';
import { WakeJob, wakeJob } from './milestone-job';
import { Milestone } from './milestone.entity';

export interface NewMilestone {
  kind: string;
  subjectType: string;
  subjectId: string;
  dueAt: Date;
  /** never sealed contents: it is readable by supervisors and sits in the audit trail */
  payload?: Record<string, unknown>;
  /** 'working' when the due time comes from a period counted in working days: a pause then keeps its working time */
  counting?: Counting;
}

const FIRE_ATTEMPTS = 5;

/** Writes milestones in the caller's transaction and wakes the worker after commit. */
@Injectable()
export class MilestoneService {
  constructor(
    @InjectQueue(QueueName.Milestones) private readonly queue: Queue,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async schedule(tx: Tx, m: NewMilestone, actor: Actor = SYSTEM_ACTOR): Promise<Milestone> {
    const repo = tx.em.getRepository(Milestone);
    const row = await repo.save(repo.create({ ...m, payload: m.payload ?? {}, counting: m.counting ?? 'elapsed', status: 'pending', version: 1, attempts: 0 }));
    await this.audit.append(tx.em, { actor, action: 'milestone.scheduled', subject: { type: 'milestone', id: row.id }, payload: this.describe(row) });
    tx.afterCommit(() => this.enqueue(row));
    return row;
  }

  async reschedule(tx: Tx, id: string, dueAt: Date, actor: Actor = SYSTEM_ACTOR): Promise<Milestone> {
    const row = await this.lockPending(tx, id);
    row.dueAt = dueAt;
    row.version += 1;
    await tx.em.getRepository(Milestone).save(row);
    await this.audit.append(tx.em, { actor, action: 'milestone.rescheduled', subject: { type: 'milestone', id }, payload: this.describe(row) });
    tx.afterCommit(() => this.enqueue(row));
    return row;
  }

  async cancel(tx: Tx, id: string, actor: Actor = SYSTEM_ACTOR): Promise<Milestone> {
    const row = await this.lockPending(tx, id);
    row.status = 'cancelled';
    await tx.em.getRepository(Milestone).save(row);
    await this.audit.append(tx.em, { actor, action: 'milestone.cancelled', subject: { type: 'milestone', id }, payload: this.describe(row) });
    return row;
  }

  /** A suspended project pauses every pending milestone, keeping the time each had left. */
  async pauseSubject(tx: Tx, subjectType: string, subjectId: string, actor: Actor = SYSTEM_ACTOR): Promise<Milestone[]> {
    const rows = await this.lockSubject(tx, subjectType, subjectId, 'pending');
    const now = await this.dbNow(tx);
    for (const row of rows) {
      row.status = 'paused';
      row.pausedRemainingMs = String(remainingAt(row.dueAt, now, row.counting));
      await tx.em.getRepository(Milestone).save(row);
      await this.audit.append(tx.em, { actor, action: 'milestone.paused', subject: { type: 'milestone', id: row.id }, payload: this.describe(row) });
    }
    return rows;
  }

  /**
   * Resuming shifts each paused milestone: it comes due after the time it had left (plain or working time), counted
   * from now. `dueOf` lets a caller that keeps its own record of the pause (the trading kernel) give the new due time.
   */
  async resumeSubject(tx: Tx, subjectType: string, subjectId: string, actor: Actor = SYSTEM_ACTOR, dueOf?: (row: Milestone, now: Date) => Date): Promise<Milestone[]> {
    const rows = await this.lockSubject(tx, subjectType, subjectId, 'paused');
    const now = await this.dbNow(tx);
    for (const row of rows) {
      row.status = 'pending';
      row.dueAt = dueOf ? dueOf(row, now) : dueAfter(Number(row.pausedRemainingMs ?? 0), now, row.counting);
      row.pausedRemainingMs = null;
      row.version += 1;
      await tx.em.getRepository(Milestone).save(row);
      await this.audit.append(tx.em, { actor, action: 'milestone.resumed', subject: { type: 'milestone', id: row.id }, payload: this.describe(row) });
      tx.afterCommit(() => this.enqueue(row));
    }
    return rows;
  }

  listForSubject(subjectType: string, subjectId: string): Promise<Milestone[]> {
    return this.ds.getRepository(Milestone).find({ where: { subjectType, subjectId }, order: { dueAt: 'ASC' } });
  }

  /**
   * Adds the delayed job that wakes a worker for the milestone's due second (one job for every milestone due in that
   * second; a milestone due within 2 s gets its own): adding it again, or for another milestone of the same second,
   * adds nothing.
   */
  async enqueue(row: Pick<Milestone, 'id' | 'version' | 'dueAt'> & { attempts?: number }): Promise<void> {
    await this.wake(row, row.dueAt);
  }

  /** The wake-up for a milestone next eligible at `at` (its due time, or the retry time after a failed attempt). */
  async wake(m: { id: string; version: number; attempts?: number }, at: Date): Promise<void> {
    const job = wakeJob(m, at, new Date());
    await this.addWake(job);
  }

  /** Adds one wake-up job; removed once done, so that a later milestone of the same second can add it again. */
  async addWake(job: WakeJob): Promise<void> {
    await this.queue.add(JobName.WakeMilestones, job.data, {
      jobId: job.jobId,
      delay: job.delay,
      attempts: FIRE_ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  private async lockPending(tx: Tx, id: string): Promise<Milestone> {
    const row = await tx.em.getRepository(Milestone).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw MilestoneErrors.MILESTONE_NOT_FOUND({ id });
    if (row.status !== 'pending') throw MilestoneErrors.MILESTONE_NOT_PENDING({ id, status: row.status });
    return row;
  }

  private lockSubject(tx: Tx, subjectType: string, subjectId: string, status: Milestone['status']): Promise<Milestone[]> {
    return tx.em.getRepository(Milestone).find({ where: { subjectType, subjectId, status }, lock: { mode: 'pessimistic_write' }, order: { dueAt: 'ASC' } });
  }

  private async dbNow(tx: Tx): Promise<Date> {
    const [row] = await tx.em.query(`SELECT now() AS now`);
    return row.now;
  }

  private describe(row: Milestone) {
    return { kind: row.kind, subjectType: row.subjectType, subjectId: row.subjectId, dueAt: row.dueAt, status: row.status, version: row.version, counting: row.counting };
  }
}
