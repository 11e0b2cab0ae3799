import { Global, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthCoreModule } from './auth/auth-core.module';
import { Calendar } from './calendar/calendar';
import { CalendarYearRepository } from './calendar/years/calendar-year.repository';
import { CalendarYearsLoader } from './calendar/years/calendar-years-loader';
import { Clock } from './clock/clock';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { MilestonesCoreModule } from './milestones/milestones-core.module';
import { QueuesModule } from './queues/queues.module';
import { Sealer } from './crypto/sealer';
import { NotificationService } from './notifications/notification.service';
import { RecipientDirectory } from './notifications/recipient-directory';
import { IntakeRepository } from './intake/intake.repository';
import { IntakeService } from './intake/intake.service';

/** What every process (api and worker) stands on: config, database, queues, auth, audit, clock, the calendar with its entered years, sealing, the notification outbox, the intake of submissions (time of receipt). */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule, QueuesModule, AuthCoreModule, AuditModule, MilestonesCoreModule],
  providers: [Clock, Calendar, CalendarYearRepository, CalendarYearsLoader, Sealer, NotificationService, RecipientDirectory, IntakeRepository, IntakeService],
  exports: [ConfigModule, DatabaseModule, QueuesModule, AuthCoreModule, AuditModule, MilestonesCoreModule, Clock, Calendar, CalendarYearRepository, CalendarYearsLoader, Sealer, NotificationService, RecipientDirectory, IntakeService],
})
export class PlatformModule {}
