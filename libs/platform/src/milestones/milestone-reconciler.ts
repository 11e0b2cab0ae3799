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

export interface ReconcileResult {
  skipped: boolean;
  fired: number;
  enqueued: number;
}

/**
 * Postgres is the truth, Redis only wakes workers: on start and every MILESTONE_RECONCILE_MS one worker
 * (an advisory lock elects it) re-adds the job of every pending milestone that Redis lost and fires every
 * overdue one through the same exactly-once path.
 */
@Injectable()
export class MilestoneReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MilestoneReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<ReconcileResult>;

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
  }

  async onModuleDestroy(): Promise<void> {
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
        const fired = await this.fireOverdue();
        const enqueued = await this.enqueueMissing();
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
    for (const { id } of due) {
      const outcome = await this.firer.fire(id).catch(() => null);
      if (outcome?.result === 'fired') fired += 1;
    }
    return fired;
  }

  private async enqueueMissing(): Promise<number> {
    const client = await this.queue.client;
    let enqueued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; version: number; due_at: Date }[] = await this.ds.query(
        `SELECT id, version, due_at FROM milestone WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) return enqueued;
      const pipeline = (client as unknown as Redis).pipeline();
      for (const r of rows) pipeline.exists(this.queue.toKey(milestoneJobId(r.id, r.version)));
      const exists = (await pipeline.exec()) ?? [];
      for (let i = 0; i < rows.length; i++) {
        if (exists[i]?.[1] === 0) {
          await this.milestones.enqueue({ id: rows[i].id, version: rows[i].version, dueAt: rows[i].due_at });
          enqueued += 1;
        }
      }
      after = rows[rows.length - 1].id;
    }
  }
}
