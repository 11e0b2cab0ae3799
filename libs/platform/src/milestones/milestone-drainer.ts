import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '../queues/queue-names';
import { MilestoneBatchFirer } from './milestone-batch-firer';
import { MilestoneFirer } from './milestone-firer';
import { MilestoneFiringRepository } from './milestone-firing.repository';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';

/** Milestones per batch transaction. */
export const BATCH = 500;
/** While a wake-up waits for the rest of its second, it looks again at least this often: what came due meanwhile fires together. */
const TICK_MS = 20;
/** A wake-up ends this long after its second even if due rows are left: another worker holds them, and its commit or rollback decides. */
const LINGER_MS = 1000;
/** Kinds that run apart: this many at a time per worker, each in its own transaction. */
const APART_CONCURRENCY = 4;
/** Extra wake-ups added when a claim comes back full, so that the other workers join in on a backlog. */
const HELPERS = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What a wake-up does: fire everything due in batches until a claim comes back short, hand the kinds that run apart
 * to their own lane, and, until the job's second is over, wait on the database's clock for the next due time.
 */
@Injectable()
export class MilestoneDrainer implements OnModuleDestroy {
  private readonly logger = new Logger(MilestoneDrainer.name);
  private readonly apartQueued = new Set<string>();
  private readonly apartWaiting: string[] = [];
  private readonly apartRunning = new Set<Promise<unknown>>();
  private helpedAt = 0;

  constructor(
    private readonly batches: MilestoneBatchFirer,
    private readonly firer: MilestoneFirer,
    private readonly repo: MilestoneFiringRepository,
    private readonly registry: MilestoneHandlerRegistry,
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(QueueName.Milestones) private readonly queue: Queue,
  ) {}

  /** Fires what is due now; returns how many the batches fired (the apart lane goes on in the background). */
  async drainDue(): Promise<number> {
    this.offerApart(await this.repo.dueApart(this.ds.manager, this.registry.batchKinds(), BATCH));
    let fired = 0;
    for (;;) {
      const r = await this.batches.fireBatch(BATCH);
      fired += r.fired;
      if (r.claimed < BATCH) return fired;
      await this.callHelpers();
    }
  }

  /** A wake-up job: fires each milestone as it comes due before `until` (epoch ms, database clock), then returns. */
  async drainUntil(until: number): Promise<number> {
    let fired = 0;
    for (;;) {
      fired += await this.drainDue();
      const next = await this.repo.nextDue(this.ds.manager, until);
      if (next.waitMs === null || next.pastUntilMs > LINGER_MS) return fired;
      await sleep(Math.max(TICK_MS, Math.min(next.waitMs, until - Date.now() + LINGER_MS)));
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.apartWaiting.length = 0;
    await Promise.allSettled([...this.apartRunning]);
  }

  private async callHelpers(): Promise<void> {
    const second = Math.floor(Date.now() / 1000);
    if (this.helpedAt === second) return;
    this.helpedAt = second;
    await Promise.all(
      Array.from({ length: HELPERS }, (_, k) =>
        this.queue.add(JobName.WakeMilestones, { until: 0 }, { jobId: `help-${second}-${k}`, removeOnComplete: true, removeOnFail: true }).catch(() => undefined),
      ),
    );
  }

  private offerApart(ids: string[]): void {
    for (const id of ids) {
      if (this.apartQueued.has(id)) continue;
      this.apartQueued.add(id);
      this.apartWaiting.push(id);
    }
    this.pumpApart();
  }

  private pumpApart(): void {
    while (this.apartRunning.size < APART_CONCURRENCY && this.apartWaiting.length) {
      const id = this.apartWaiting.shift()!;
      const run: Promise<unknown> = this.firer
        .fire(id)
        .catch((err) => this.logger.debug({ milestoneId: id, err: (err as Error).message }, 'apart firing failed; retried after its backoff'))
        .finally(() => {
          this.apartRunning.delete(run);
          this.apartQueued.delete(id);
          this.pumpApart();
        });
      this.apartRunning.add(run);
    }
  }
}
