import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { loadConfig } from '../config/app-config';
import { JobName, QueueName } from '../queues/queue-names';
import { FireMilestoneJob } from './milestone-job';
import { MilestoneFirer } from './milestone-firer';
import { MilestoneReconciler } from './milestone-reconciler';

/** Wakes on a milestone's job and lets the firer decide, against the row, whether anything happens. */
function workerOptions() {
  const config = loadConfig();
  return { concurrency: config.workerConcurrency, lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs };
}

@Processor(QueueName.Milestones, workerOptions())
export class MilestoneProcessor extends WorkerHost {
  private readonly logger = new Logger(MilestoneProcessor.name);

  constructor(
    private readonly firer: MilestoneFirer,
    private readonly reconciler: MilestoneReconciler,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    if (job.name === JobName.ReconcileMilestones) return this.reconciler.reconcile();
    if (job.name !== JobName.FireMilestone) throw new Error(`unknown job ${job.name}`);
    const { milestoneId, version } = job.data as FireMilestoneJob;
    const outcome = await this.firer.fire(milestoneId, version);
    if (outcome.result === 'early') {
      // The worker's clock ran ahead of the database's: wait for the rest of the time, same job.
      await job.moveToDelayed(Date.now() + outcome.remainingMs + 5, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
