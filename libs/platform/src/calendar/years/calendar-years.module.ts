import { Module } from '@nestjs/common';
import { CalendarYearController } from './calendar-year.controller';
import { CalendarYearService } from './calendar-year.service';

/** The api's routes for the holiday schedules; the loader and repository come with the platform (every process). */
@Module({
  controllers: [CalendarYearController],
  providers: [CalendarYearService],
})
export class CalendarYearsModule {}
