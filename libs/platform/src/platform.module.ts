import { Global, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthCoreModule } from './auth/auth-core.module';
import { Calendar } from './calendar/calendar';
import { Clock } from './clock/clock';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { MilestonesCoreModule } from './milestones/milestones-core.module';
import { QueuesModule } from './queues/queues.module';

/** What every process (api and worker) stands on: config, database, queues, auth, audit, clock. */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule, QueuesModule, AuthCoreModule, AuditModule, MilestonesCoreModule],
  providers: [Clock, Calendar],
  exports: [ConfigModule, DatabaseModule, QueuesModule, AuthCoreModule, AuditModule, MilestonesCoreModule, Clock, Calendar],
})
export class PlatformModule {}
