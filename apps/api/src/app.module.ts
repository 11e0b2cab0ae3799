import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ExpertsModule } from '@app/experts';
import { LandModule } from '@app/land';
import { AuditHttpModule } from '@app/platform/audit/audit-http.module';
import { CalendarYearsModule } from '@app/platform/calendar/years/calendar-years.module';
import { RolesGuard } from '@app/platform/auth/roles.guard';
import { AllExceptionsFilter } from '@app/platform/errors/exception.filter';
import { createValidationPipe } from '@app/platform/errors/validation.pipe';
import { IdentityModule } from '@app/platform/identity/identity.module';
import { MilestonesModule } from '@app/platform/milestones/milestones.module';
import { InboxModule } from '@app/platform/notifications/inbox/inbox.module';
import { LoggingModule } from '@app/platform/observability/logging.module';
import { ObservabilityModule } from '@app/platform/observability/observability.module';
import { PlatformModule } from '@app/platform/platform.module';
import { RulesModule } from '@app/platform/rules/rules.module';
import { ProcurementModule } from '@app/procurement';
import { RuralModule } from '@app/rural';
import { SchedulingModule } from '@app/scheduling';
import { SupervisionModule } from '@app/supervision';
import { TenderingModule } from '@app/tendering';
import { TradingModule } from '@app/trading';

@Module({
  imports: [
    LoggingModule,
    PlatformModule,
    ObservabilityModule,
    AuditHttpModule,
    IdentityModule,
    RulesModule,
    CalendarYearsModule,
    MilestonesModule,
    InboxModule,
    TradingModule,
    TenderingModule,
    LandModule,
    ProcurementModule,
    RuralModule,
    ExpertsModule,
    SchedulingModule,
    SupervisionModule,
  ],
  providers: [
    { provide: APP_GUARD, useExisting: RolesGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
