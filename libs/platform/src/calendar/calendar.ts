import { Injectable } from '@nestjs/common';
import { addPeriod, addWorkingDays, isWorkingDay, Period, workingDaysBetween } from './working-days';

/** The holiday calendar as an injectable, for services; the functions themselves are pure. */
@Injectable()
export class Calendar {
  isWorkingDay = isWorkingDay;
  addWorkingDays = addWorkingDays;
  workingDaysBetween = workingDaysBetween;
  addPeriod = (start: Date, period: Period): Date => addPeriod(start, period);
}
