import { Module } from '@nestjs/common';
import { DiagnosticProbe } from './diagnostic-probe';
import { MilestoneFirer } from './milestone-firer';
import { MilestoneReconciler } from './milestone-reconciler';
import { MilestoneProcessor } from './milestone.processor';

/** The worker's side: the processor, the firer, reconciliation and the diagnostic kind. */
@Module({
  providers: [MilestoneFirer, MilestoneProcessor, MilestoneReconciler, DiagnosticProbe],
  exports: [MilestoneFirer, MilestoneReconciler],
})
export class MilestonesWorkerModule {}
