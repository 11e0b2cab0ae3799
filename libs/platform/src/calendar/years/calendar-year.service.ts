import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { Actor, Role } from '../../auth/roles';
import { Clock } from '../../clock/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { CalendarErrors as E } from '../calendar-errors';
import { lastCoveredYear } from '../entered-years';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, HolidayName, packageCovers, packageYear } from '../package-schedule';
import { shanghaiDate } from '../working-days';
import { isCalendarDate, ScheduleProblem, yearScheduleProblems } from '../year-schedule-check';
import { EnterCalendarYearDto } from './dto/calendar-year.dto';
import { CalendarYearSummaryView, CalendarYearsView, CalendarYearView } from './dto/calendar-year.view';
import { CalendarYearRepository, CalendarYearRow } from './calendar-year.repository';
import { CalendarYearsLoader } from './calendar-years-loader';

export const CALENDAR_YEAR_SUBJECT = 'calendar_year';

const listOf = (days: Record<string, HolidayName>) =>
  Object.keys(days)
    .sort()
    .map((date) => ({ date, zh: days[date].zh, en: days[date].en }));

function packageView(year: number): CalendarYearView {
  const { holidays, makeUpDays } = packageYear(year);
  return { year, source: 'package', noticeReference: null, noticePublishedOn: null, enteredAt: null, holidayCount: holidays.length, makeUpDayCount: makeUpDays.length, holidays, makeUpDays };
}

function enteredView(r: CalendarYearRow): CalendarYearView {
  const holidays = listOf(r.holidays);
  const makeUpDays = listOf(r.makeUpDays);
  // Who entered it is in the audit trail, as for rule sets, not in the public view.
  return { year: r.year, source: 'entered', noticeReference: r.noticeReference, noticePublishedOn: r.noticePublishedOn, enteredAt: r.enteredAt, holidayCount: holidays.length, makeUpDayCount: makeUpDays.length, holidays, makeUpDays };
}

function summaryOf(v: CalendarYearView): CalendarYearSummaryView {
  return { year: v.year, source: v.source, noticeReference: v.noticeReference, noticePublishedOn: v.noticePublishedOn, enteredAt: v.enteredAt, holidayCount: v.holidayCount, makeUpDayCount: v.makeUpDayCount };
}

/** The published holiday schedules (国务院办公厅 节假日安排): the package's years, and those the committee enters after it. */
@Injectable()
export class CalendarYearService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: CalendarYearRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly loader: CalendarYearsLoader,
  ) {}

  async years(): Promise<CalendarYearsView> {
    const entered = (await this.repo.all(this.txr.dataSource.manager)).filter((r) => !packageCovers(r.year));
    const lastYear = entered.length ? entered[entered.length - 1].year : CALENDAR_LAST_YEAR;
    // A year entered through another process is read here first: load it now rather than at the next refresh.
    if (lastYear > lastCoveredYear()) await this.loader.refresh();
    const items = [...Array.from({ length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 }, (_, i) => packageView(CALENDAR_FIRST_YEAR + i)), ...entered.map(enteredView)]
      .reverse()
      .map(summaryOf);
    return { firstYear: CALENDAR_FIRST_YEAR, lastYear, nextYear: lastYear + 1, packageLastYear: CALENDAR_LAST_YEAR, items };
  }

  async year(year: number): Promise<CalendarYearView> {
    if (packageCovers(year)) return packageView(year);
    const row = await this.repo.byYear(this.txr.dataSource.manager, year);
    if (!row) throw E.CALENDAR_YEAR_NOT_FOUND({ year });
    return enteredView(row);
  }

  /** The committee enters the next year's schedule; it never changes afterwards (docs/calendar-runbook.md). */
  async enter(actor: Actor, dto: EnterCalendarYearDto): Promise<CalendarYearView> {
    if (packageCovers(dto.year)) throw E.CALENDAR_YEAR_IN_PACKAGE({ year: dto.year, packageLastYear: CALENDAR_LAST_YEAR });
    return this.txr.run(async (tx) => {
      await this.repo.lockForEntry(tx.em);
      if (await this.repo.byYear(tx.em, dto.year)) throw E.CALENDAR_YEAR_ALREADY_ENTERED({ year: dto.year });
      const nextYear = Math.max(CALENDAR_LAST_YEAR, (await this.repo.lastYear(tx.em)) ?? 0) + 1;
      if (dto.year !== nextYear) throw E.CALENDAR_YEAR_NOT_NEXT({ year: dto.year, nextYear });
      const problems = [...this.noticeProblems(dto.noticePublishedOn, shanghaiDate(await this.clock.dbNow(tx.em))), ...yearScheduleProblems(dto)];
      if (problems.length) throw E.CALENDAR_YEAR_INVALID({ year: dto.year, problems });

      const holidays = Object.fromEntries(dto.holidays.map((h) => [h.date, { zh: h.zh, en: h.en }]));
      const nameOf = new Map(dto.holidays.map((h) => [h.zh, { zh: h.zh, en: h.en }]));
      const makeUpDays = Object.fromEntries(dto.makeUpDays.map((m) => [m.date, nameOf.get(m.holiday)!]));
      await this.repo.insert(tx.em, { year: dto.year, holidays, makeUpDays, noticeReference: dto.noticeReference, noticePublishedOn: dto.noticePublishedOn, enteredBy: actor.accountId! });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Committee,
        action: 'calendar_year.entered',
        subject: { type: CALENDAR_YEAR_SUBJECT, id: String(dto.year) },
        payload: { year: dto.year, noticeReference: dto.noticeReference, noticePublishedOn: dto.noticePublishedOn, holidays, makeUpDays },
      });
      // The writing process counts with the year as soon as it is committed; the others within CALENDAR_REFRESH_MS.
      tx.afterCommitAwaited(() => this.loader.refresh());
      return enteredView((await this.repo.byYear(tx.em, dto.year))!);
    });
  }

  private noticeProblems(publishedOn: string, today: string): ScheduleProblem[] {
    if (!isCalendarDate(publishedOn)) return [{ field: 'noticePublishedOn', zh: '不是有效的日期(YYYY-MM-DD)', en: 'not a valid date (YYYY-MM-DD)' }];
    if (publishedOn > today) return [{ field: 'noticePublishedOn', zh: '通知发布日期不能晚于今天', en: 'the notice cannot be published after today' }];
    return [];
  }
}
