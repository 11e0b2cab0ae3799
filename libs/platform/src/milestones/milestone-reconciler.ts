import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from '../queues/queue-names';
import { MilestoneDrainer } from './milestone-drainer';
import { bucketJob } from './milestone-job';
import { MilestoneService } from './milestone.service';

const BATCH = 1000;
/** A re-queue batch that Redis does not answer within this is given up until the next pass; firing goes on. */
const REQUEUE_BATCH_TIMEOUT_MS = 5000;

export interface ReconcileResult {
  skipped: boolean;
  fired: number;
  enqueued: number;
}

/**
 * Postgres is the truth, Redis only wakes workers: on start, every MILESTONE_RECONCILE_MS and whenever the queue's
 * Redis connection comes back, one worker (an advisory lock elects it) first re-adds the wake-up of every second in
 * which a pending milestone comes due that Redis lost, then fires everything due through the same batches and apart
 * lane as a wake-up (a slow handler runs apart and holds nobody else's closing). Firing needs only PostgreSQL: with
 * Redis down the re-queue is skipped and overdue closings still happen.
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
    private readonly drainer: MilestoneDrainer,
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

  private fireOverdue(): Promise<number> {
    return this.drainer.drainDue();
  }

  /** Every second in which a pending milestone is next eligible, checked against Redis in pages; the missing ones re-added. */
  private async enqueueMissing(): Promise<number> {
    const client = (await this.queue.client) as unknown as Redis;
    if (client.status !== 'ready') throw new Error(`Redis connection is ${client.status}`);
    let enqueued = 0;
    let after = -1;
    for (;;) {
      const rows: { bucket: string }[] = await this.ds.query(
        `SELECT DISTINCT b.bucket FROM milestone m
         CROSS JOIN LATERAL (SELECT (floor(EXTRACT(EPOCH FROM GREATEST(m.due_at, COALESCE(m.retry_at, m.due_at)))) * 1000)::bigint AS bucket) b
         WHERE m.status = 'pending' AND b.bucket > $1 ORDER BY b.bucket LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) return enqueued;
      const now = new Date();
      const jobs = rows.map((r) => bucketJob(Number(r.bucket), now));
      const pipeline = client.pipeline();
      for (const j of jobs) pipeline.exists(this.queue.toKey(j.jobId));
      const exists = (await within(REQUEUE_BATCH_TIMEOUT_MS, pipeline.exec())) ?? [];
      const missing = jobs.filter((_, i) => exists[i]?.[1] === 0);
      await within(REQUEUE_BATCH_TIMEOUT_MS, Promise.all(missing.map((j) => this.milestones.addWake(j))));
      enqueued += missing.length;
      after = Number(rows[rows.length - 1].bucket);
    }
  }
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis gave no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
