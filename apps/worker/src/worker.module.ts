import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig } from '@app/platform/config/app-config';
import { ExpertsWorkerModule } from '@app/experts/experts-worker.module';
import { LandWorkerModule } from '@app/land/land-worker.module';
import { MilestonesWorkerModule } from '@app/platform/milestones/milestones-worker.module';
import { NotificationsWorkerModule } from '@app/platform/notifications/notifications-worker.module';
import { TenderingWorkerModule } from '@app/tendering/tendering-worker.module';
import { RuralWorkerModule } from '@app/rural/rural-worker.module';
import { LiveWorkerModule } from '@app/trading/live/live.module';
import { ProcurementWorkerModule } from '@app/procurement/procurement-worker.module';
import { pinoOptions } from '@app/platform/observability/logging.module';
import { MetricsController } from '@app/platform/observability/metrics.controller';
import { ObservabilityModule } from '@app/platform/observability/observability.module';
import { PlatformModule } from '@app/platform/platform.module';
import { SupervisionWorkerModule } from '@app/supervision/supervision-worker.module';
import { demoWorkerModules } from './demo/demo-worker.module';

/** The worker: BullMQ processors and reconciliation; its only HTTP is /health and /metrics. */
@Module({
  imports: [
    LoggerModule.forRootAsync({ useFactory: () => pinoOptions(loadConfig(), 'worker') }),
    PlatformModule,
    ObservabilityModule,
    MilestonesWorkerModule,
    NotificationsWorkerModule,
    ExpertsWorkerModule,
    TenderingWorkerModule,
    LiveWorkerModule,
    ProcurementWorkerModule,
    RuralWorkerModule,
    LandWorkerModule,
    SupervisionWorkerModule,
    ...demoWorkerModules(),
  ],
  // The worker's whole HTTP listener is internal (METRICS_HOST), so /metrics sits beside /health there.
  controllers: [MetricsController],
})
export class WorkerModule {}
