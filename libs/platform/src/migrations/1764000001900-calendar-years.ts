import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarYears1764000001900 implements MigrationInterface {
  name = 'CalendarYears1764000001900';

  async up(q: QueryRunner): Promise<void> {
    // One row per year the committee entered after the chinese-days package's last one (docs/rules-and-calendar.md).
    await q.query(`
      CREATE TABLE calendar_year (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
        holidays jsonb NOT NULL CHECK (jsonb_typeof(holidays) = 'object'),
        make_up_days jsonb NOT NULL CHECK (jsonb_typeof(make_up_days) = 'object'),
        notice_reference text NOT NULL CHECK (length(notice_reference) BETWEEN 1 AND 100),
        notice_published_on date NOT NULL,
        entered_by uuid NOT NULL REFERENCES account(id),
        entered_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Deadlines have been counted with an entered year: below the API too, it never changes nor goes away.
    await q.query(`
      CREATE FUNCTION calendar_year_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'calendar_year %: an entered year never changes (% refused)', OLD.year, TG_OP
          USING ERRCODE = '42501', CONSTRAINT = 'calendar_year_immutable';
      END $$`);
    await q.query(`CREATE TRIGGER calendar_year_immutable BEFORE UPDATE OR DELETE ON calendar_year FOR EACH ROW EXECUTE FUNCTION calendar_year_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_year`);
    await q.query(`DROP FUNCTION calendar_year_immutable`);
  }
}
