import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { addEnteredYear, lastCoveredYear } from '../entered-years';
import { CALENDAR_LAST_YEAR, packageYear } from '../package-schedule';
import { CalendarYearRepository } from './calendar-year.repository';

/**
 * Every process (api and worker) loads the entered years at start and looks for new ones every
 * CALENDAR_REFRESH_MS. Until it has seen a year it refuses to count in it (CALENDAR_OUT_OF_RANGE): a process
 * is at worst late, never different, because an entered year never changes.
 */
@Injectable()
export class CalendarYearsLoader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CalendarYearsLoader.name);
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: CalendarYearRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    await this.compareWithPackage().catch((err) => this.logger.warn({ err: (err as Error).message }, 'comparing entered years with the package failed'));
    this.timer = setInterval(() => void this.refresh(), this.config.calendarRefreshMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
  }

  /**
   * Adds the entered years this process has not seen, in order; a failure leaves the calendar as it was. Loads
   * run one after another, so a refresh asked for after a commit always reads after that commit.
   */
  refresh(): Promise<void> {
    this.chain = this.chain
      .then(() => this.load())
      .catch((err) => this.logger.warn({ err: (err as Error).message }, 'loading the entered calendar years failed'));
    return this.chain;
  }

  private async load(): Promise<void> {
    for (const row of await this.repo.after(this.ds.manager, lastCoveredYear())) {
      if (addEnteredYear(row) === 'added') this.logger.log({ year: row.year, notice: row.noticeReference }, 'calendar year loaded');
    }
  }

  /** After a package update covers an entered year the package wins; a difference is worth a look (docs/calendar-runbook.md). */
  private async compareWithPackage(): Promise<void> {
    for (const row of await this.repo.upTo(this.ds.manager, CALENDAR_LAST_YEAR)) {
      const pkg = packageYear(row.year);
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((d, i) => d === b[i]);
      if (!same(Object.keys(row.holidays).sort(), pkg.holidays.map((h) => h.date)) || !same(Object.keys(row.makeUpDays).sort(), pkg.makeUpDays.map((m) => m.date))) {
        this.logger.warn({ year: row.year, notice: row.noticeReference }, 'the entered calendar year differs from the chinese-days package, which the calendar follows');
      }
    }
  }
}
