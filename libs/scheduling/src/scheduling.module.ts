import { Module, OnModuleInit } from '@nestjs/common';
import { RoomService } from './rooms/room.service';
import { SchedulingController } from './scheduling.controller';
import { SchedulingRepository } from './scheduling.repository';
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
  constructor(
    private readonly gate: ProjectGate,
    private readonly repo: SchedulingRepository,
  ) {}

  /** How this domain's ids lead to a project, for the kernel's request gate (@ProjectWrite). */
  onModuleInit(): void {
    this.gate.resolver('scheduling-session', (em, id) => this.repo.projectOfSession(em, id));
  }
}
