import { Module } from '@nestjs/common';
import { TradingModule } from '@app/trading/trading.module';
import { RoomService } from './rooms/room.service';
import { SchedulingController } from './scheduling.controller';
import { SchedulingRepository } from './scheduling.repository';
import { CalendarService } from './sessions/calendar.service';
import { SessionService } from './sessions/session.service';

/** 场地与场次 / rooms and sessions */
@Module({
  imports: [TradingModule],
  controllers: [SchedulingController],
  providers: [SchedulingRepository, RoomService, SessionService, CalendarService],
})
export class SchedulingModule {}
