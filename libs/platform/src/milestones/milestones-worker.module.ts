import { Module } from '@nestjs/common';
import { DiagnosticProbe } from './diagnostic-probe';
import { MilestoneBatchFirer } from './milestone-batch-firer';
import { MilestoneDrainer } from './milestone-drainer';
import { MilestoneFirer } from './milestone-firer';
import { MilestoneFiringRepository } from './milestone-firing.repository';
import { MilestoneReconciler } from './milestone-reconciler';
import { MilestoneProcessor } from './milestone.processor';

/** The worker's side: wake-ups, batch and single firing, reconciliation and the diagnostic kind. */
@Module({
  providers: [MilestoneFiringRepository, MilestoneBatchFirer, MilestoneFirer, MilestoneDrainer, MilestoneProcessor, MilestoneReconciler, DiagnosticProbe],
  exports: [MilestoneFirer, MilestoneReconciler],
})
export class MilestonesWorkerModule {}
