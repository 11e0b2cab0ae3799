import { Module } from '@nestjs/common';
import { ExpertsWorkerModule } from '@app/experts/experts-worker.module';
import { LandWorkerModule } from '@app/land/land-worker.module';
import { MilestoneFirer } from '@app/platform/milestones/milestone-firer';
import { MilestoneFiringRepository } from '@app/platform/milestones/milestone-firing.repository';
import { QuoteWorkerModule } from '@app/procurement/quotes/quotes-worker.module';
import { RuralWorkerModule } from '@app/rural/rural-worker.module';
import { TenderingWorkerModule } from '@app/tendering/tendering-worker.module';
import { AppModule } from '../../app.module';

/**
 * The api as `npm start` runs it, plus the domains' milestone handlers and the worker's firer: the seed walks the demo
 * projects through the api, and where a period has to have passed it fires the milestone itself, with the code the
 * worker runs. No BullMQ milestone processor and no supervision scanners run in the seed.
 */
@Module({
  imports: [AppModule, TenderingWorkerModule, LandWorkerModule, RuralWorkerModule, QuoteWorkerModule, ExpertsWorkerModule],
  providers: [MilestoneFirer, MilestoneFiringRepository],
})
export class DemoAppModule {}
