import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { loadConfig } from '../config/app-config';
import { JobName, QueueName } from '../queues/queue-names';
import { MilestoneDrainer } from './milestone-drainer';
import { FireMilestoneJob, WakeMilestonesJob } from './milestone-job';
import { MilestoneFirer } from './milestone-firer';
import { MilestoneReconciler } from './milestone-reconciler';

/** Wakes on a due second's job and lets the rows decide, under their locks, what fires. */
function workerOptions() {
  const config = loadConfig();
  return { concurrency: config.workerConcurrency, lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs };
}

@Processor(QueueName.Milestones, workerOptions())
export class MilestoneProcessor extends WorkerHost {
  constructor(
    private readonly drainer: MilestoneDrainer,
    private readonly firer: MilestoneFirer,
    private readonly reconciler: MilestoneReconciler,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    if (job.name === JobName.WakeMilestones) return { fired: await this.drainer.drainUntil((job.data as WakeMilestonesJob).until) };
    if (job.name === JobName.ReconcileMilestones) return this.reconciler.reconcile();
    if (job.name !== JobName.FireMilestone) throw new Error(`unknown job ${job.name}`);
    // A job of an older release, one per milestone: fire that one.
    const { milestoneId, version } = job.data as FireMilestoneJob;
    const outcome = await this.firer.fire(milestoneId, version);
    if (outcome.result === 'early') {
      await job.moveToDelayed(Date.now() + outcome.remainingMs + 5, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
