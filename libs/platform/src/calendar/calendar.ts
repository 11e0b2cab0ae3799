import { Injectable } from '@nestjs/common';
import { coveredYears, DaySchedule, scheduleOf } from './holiday-schedule';
import { addPeriod, deadlineAfter, Period, subtractPeriod } from './period';
import { addWorkingDays, isWorkingDay, onWorkingDay, shanghaiDate, workingDaysBetween } from './working-days';

/** The mainland holiday calendar as an injectable, for services; every method is a pure function. */
@Injectable()
export class Calendar {
  /** the package's years and the entered ones this process has loaded */
  get coveredYears(): { first: number; last: number } {
    return coveredYears();
  }

  isWorkingDay(instant: Date): boolean {
    return isWorkingDay(instant);
  }

  addWorkingDays(start: Date, n: number): Date {
    return addWorkingDays(start, n);
  }

  workingDaysBetween(from: Date, to: Date): number {
    return workingDaysBetween(from, to);
  }

  onWorkingDay(instant: Date): Date {
    return onWorkingDay(instant);
  }

  addPeriod(start: Date, period: Period): Date {
    return addPeriod(start, period);
  }

  subtractPeriod(end: Date, period: Period): Date {
    return subtractPeriod(end, period);
  }

  deadlineAfter(start: Date, period: Period): Date {
    return deadlineAfter(start, period);
  }

  /** What the schedule says about the Asia/Shanghai date of `instant` (holiday names for the UI). */
  dayOf(instant: Date): DaySchedule {
    return scheduleOf(shanghaiDate(instant));
  }
}
