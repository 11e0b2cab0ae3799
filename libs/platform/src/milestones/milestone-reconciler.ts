import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from '../queues/queue-names';
import { MilestoneFirer } from './milestone-firer';
import { milestoneJobId } from './milestone-job';
import { MilestoneService } from './milestone.service';

const BATCH = 1000;
/** Overdue by more than this, a milestone is fired by reconciliation itself rather than left to its job. */
const OVERDUE_GRACE = '2 seconds';
/** A re-queue batch that Redis does not answer within this is given up until the next pass; firing goes on. */
const REQUEUE_BATCH_TIMEOUT_MS = 5000;

export interface ReconcileResult {
  skipped: boolean;
  fired: number;
  enqueued: number;
}

/**
 * Postgres is the truth, Redis only wakes workers: on start, every MILESTONE_RECONCILE_MS and whenever the queue's
 * Redis connection comes back, one worker (an advisory lock elects it) first re-adds the job of every pending
 * milestone that Redis lost, then fires every overdue one through the same exactly-once path, WORKER_CONCURRENCY at
 * a time, so a slow handler holds one slot and never the others' closings. Firing needs only PostgreSQL: with Redis
 * down the re-queue is skipped and overdue closings still happen.
 */
@Injectable()
export class MilestoneReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MilestoneReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<ReconcileResult>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(QueueName.Milestones) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly firer: MilestoneFirer,
    private readonly milestones: MilestoneService,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.reconcile()
        .catch((err) => {
          this.logger.warn({ err: (err as Error).message }, 'reconciliation failed');
          return { skipped: true, fired: 0, enqueued: 0 };
        })
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.config.milestoneReconcileMs);
    // A Redis that restarted empty lost every delayed job: re-queue at once rather than at the next interval.
    void this.queue.client.then(
      (client) => client.on('ready', () => !this.stopped && tick()),
      () => undefined,
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  async reconcile(): Promise<ReconcileResult> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      const [{ got }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('milestone-reconcile')) AS got`);
      if (!got) return { skipped: true, fired: 0, enqueued: 0 };
      try {
        const enqueued = await this.enqueueMissing().catch((err) => {
          this.logger.warn({ err: (err as Error).message }, 'milestone re-queue skipped: Redis unreachable');
          return 0;
        });
        const fired = await this.fireOverdue();
        if (fired || enqueued) this.logger.log({ fired, enqueued }, 'milestones reconciled');
        return { skipped: false, fired, enqueued };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('milestone-reconcile'))`);
      }
    } finally {
      await runner.release();
    }
  }

  private async fireOverdue(): Promise<number> {
    const due: { id: string }[] = await this.ds.query(
      `SELECT id FROM milestone WHERE status = 'pending' AND due_at <= now() - interval '${OVERDUE_GRACE}' ORDER BY due_at LIMIT ${BATCH * 10}`,
    );
    let fired = 0;
    let next = 0;
    // Each slot takes the next overdue milestone; each fire is its own transaction (row lock, re-check, handler).
    const slot = async () => {
      while (next < due.length) {
        const { id } = due[next++];
        const outcome = await this.firer.fire(id).catch(() => null);
        if (outcome?.result === 'fired') fired += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.workerConcurrency, due.length) }, slot));
    return fired;
  }

  private async enqueueMissing(): Promise<number> {
    const client = (await this.queue.client) as unknown as Redis;
    if (client.status !== 'ready') throw new Error(`Redis connection is ${client.status}`);
    let enqueued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; version: number; due_at: Date }[] = await this.ds.query(
        `SELECT id, version, due_at FROM milestone WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) return enqueued;
      const pipeline = client.pipeline();
      for (const r of rows) pipeline.exists(this.queue.toKey(milestoneJobId(r.id, r.version)));
      const exists = (await within(REQUEUE_BATCH_TIMEOUT_MS, pipeline.exec())) ?? [];
      const missing = rows.filter((_, i) => exists[i]?.[1] === 0);
      await within(
        REQUEUE_BATCH_TIMEOUT_MS,
        Promise.all(missing.map((r) => this.milestones.enqueue({ id: r.id, version: r.version, dueAt: r.due_at }))),
      );
      enqueued += missing.length;
      after = rows[rows.length - 1].id;
    }
  }
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis gave no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
