import { Module, OnModuleInit } from '@nestjs/common';
import { RoomService } from './rooms/room.service';
import { SchedulingController } from './scheduling.controller';
import { PROJECT_OF_SESSION, SchedulingRepository } from './scheduling.repository';
import { CalendarService } from './sessions/calendar.service';
import { SessionService } from './sessions/session.service';
import { ProjectGate, TradingModule } from '@app/trading';

/** 场地与场次 / rooms and sessions */
@Module({
  imports: [TradingModule],
  controllers: [SchedulingController],
  providers: [SchedulingRepository, RoomService, SessionService, CalendarService],
})
export class SchedulingModule implements OnModuleInit {
  constructor(private readonly gate: ProjectGate) {}

  /** How this domain's ids lead to a project, for the kernel's request gate (@ProjectWrite). */
  onModuleInit(): void {
    this.gate.resolver('scheduling-session', PROJECT_OF_SESSION);
  }
}
