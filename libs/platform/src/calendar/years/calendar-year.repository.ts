import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HolidayName } from '../package-schedule';

export interface CalendarYearRow {
  year: number;
  holidays: Record<string, HolidayName>;
  makeUpDays: Record<string, HolidayName>;
  noticeReference: string;
  /** YYYY-MM-DD */
  noticePublishedOn: string;
  enteredBy: string;
  enteredAt: Date;
}

const COLUMNS = `year, holidays, make_up_days AS "makeUpDays", notice_reference AS "noticeReference",
  to_char(notice_published_on, 'YYYY-MM-DD') AS "noticePublishedOn", entered_by AS "enteredBy", entered_at AS "enteredAt"`;

/** Every query on calendar_year; the table holds a row per entered year, a handful in all. */
@Injectable()
export class CalendarYearRepository {
  /** Entered years after `after`, in order: what a process has not loaded yet. */
  after(em: EntityManager, after: number): Promise<CalendarYearRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM calendar_year WHERE year > $1 ORDER BY year`, [after]);
  }

  /** Entered years up to `year`: after a package update, those the package now covers. */
  upTo(em: EntityManager, year: number): Promise<CalendarYearRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM calendar_year WHERE year <= $1 ORDER BY year`, [year]);
  }

  all(em: EntityManager): Promise<CalendarYearRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM calendar_year ORDER BY year`);
  }

  async byYear(em: EntityManager, year: number): Promise<CalendarYearRow | undefined> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM calendar_year WHERE year = $1`, [year]);
    return row;
  }

  /** Serialises entries: the check "the next year, no gap" and the insert see the same table. Reads go on. */
  async lockForEntry(em: EntityManager): Promise<void> {
    await em.query(`LOCK TABLE calendar_year IN SHARE ROW EXCLUSIVE MODE`);
  }

  async lastYear(em: EntityManager): Promise<number | null> {
    const [{ last }] = await em.query(`SELECT max(year) AS last FROM calendar_year`);
    return last;
  }

  async insert(em: EntityManager, r: Omit<CalendarYearRow, 'enteredAt'>): Promise<void> {
    await em.query(
      `INSERT INTO calendar_year (year, holidays, make_up_days, notice_reference, notice_published_on, entered_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.year, JSON.stringify(r.holidays), JSON.stringify(r.makeUpDays), r.noticeReference, r.noticePublishedOn, r.enteredBy],
    );
  }
}
