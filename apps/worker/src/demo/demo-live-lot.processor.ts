import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobName, QueueName } from '@app/platform/queues/queue-names';
import { DemoLiveLotConfig } from './demo-config';
import { DEMO_CONFIG, DemoLiveLot, DemoLiveLotResult } from './demo-live-lot';

export const DEMO_LIVE_LOT_SCHEDULER = 'demo-live-lot';

/**
 * A BullMQ job scheduler (one per Redis prefix, upserted by every demo worker: the same id, so never two) adds a
 * `demo-live-lot` job every DEMO_LIVE_LOT_EVERY_MS; one job at a time per worker, and the turn itself is elected in
 * PostgreSQL. A failed turn (the api not up yet, say) is simply the next turn's work.
 */
@Processor(QueueName.Demo, { concurrency: 1 })
export class DemoLiveLotProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoLiveLotProcessor.name);

  constructor(
    private readonly lot: DemoLiveLot,
    @InjectQueue(QueueName.Demo) private readonly queue: Queue,
    @Inject(DEMO_CONFIG) private readonly config: DemoLiveLotConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Not awaited: a Redis that is not up yet must not hold the worker's start (BullMQ retries the command).
    void this.queue
      .upsertJobScheduler(DEMO_LIVE_LOT_SCHEDULER, { every: this.config.everyMs }, { name: JobName.DemoLiveLot, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } })
      .then(() => this.logger.log(`demo live lot: looking every ${this.config.everyMs} ms, rounds listed for ${this.config.leadSeconds} s`))
      .catch((err) => this.logger.warn({ err: (err as Error).message }, 'demo live lot scheduler not set'));
  }

  async process(job: Job): Promise<DemoLiveLotResult> {
    if (job.name !== JobName.DemoLiveLot) throw new Error(`unknown job ${job.name}`);
    return this.lot.tick();
  }
}
