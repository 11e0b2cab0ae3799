import { Module, OnModuleInit } from '@nestjs/common';
import { TradingModule } from '@app/trading/trading.module';
import { ProjectGate } from '@app/trading/gate/project-gate';
import { LiveModule } from '@app/trading/live/live.module';
import { ApplicationService } from './parcels/application.service';
import { LandFreezes } from './parcels/land-freezes';
import { MyApplicationRepository } from './parcels/my-application.repository';
import { LandHostedSteps } from './parcels/land-hosted-steps';
import { MyApplicationService } from './parcels/my-application.service';
import { ParcelController } from './parcels/parcel.controller';
import { PROJECT_OF_LAND_APPLICATION, ParcelRepository } from './parcels/parcel.repository';
import { ParcelService } from './parcels/parcel.service';
import { ResultService } from './parcels/result.service';

/** 国有建设用地使用权出让 / state land-use rights: parcels, announcements, applications, results on the live engine. */
@Module({
  imports: [TradingModule, LiveModule],
  controllers: [ParcelController],
  providers: [ParcelRepository, ParcelService, ApplicationService, ResultService, MyApplicationRepository, MyApplicationService, LandFreezes, LandHostedSteps],
  exports: [ParcelRepository],
})
export class LandModule implements OnModuleInit {
  constructor(private readonly gate: ProjectGate) {}

  /** How this domain's ids lead to a project, for the kernel's request gate (@ProjectWrite). */
  onModuleInit(): void {
    this.gate.resolver('land-application', PROJECT_OF_LAND_APPLICATION);
  }
}
