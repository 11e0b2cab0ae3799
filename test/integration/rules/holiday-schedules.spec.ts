import { ALL_ROLES, Role } from '@app/platform/auth/roles';
import { CALENDAR_LAST_YEAR } from '@app/platform/calendar/holiday-schedule';
import { fictionalYear, FICTIONAL_HOLIDAY } from '../../support/fictional-calendar';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../../support/worker-process';

// The committee enters the next year's holiday schedule (国务院办公厅 节假日安排) when the chinese-days package has
// not got it yet. The schedule here is fictional (虚构测试节 in the first week of March): the real notice of a
// future year is not known, and no invented schedule ships in the product.
describe('holiday schedules entered by the committee (the calendar after the package)', () => {
  const year = CALENDAR_LAST_YEAR + 1;
  const f = fictionalYear(year);
  const later = fictionalYear(year + 1);
  const bj = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString();
  let t: TestApp;
  let worker: WorkerProcess;
  let workerPort: number;
  let committee: TestAccount;
  let centre: string;
  let owner: string;
  let parcelId: string;
  const others = new Map<Role, string>();

  const workerCalendar = async (): Promise<{ first: number; last: number }> =>
    ((await (await fetch(`http://127.0.0.1:${workerPort}/health`)).json()) as { details: { calendar: { first: number; last: number } } }).details.calendar;
  const enter = (body: unknown, token = committee.token) => t.http.post('/calendar/years', body, token);
  const announce = (listingEndsOn: string) => t.http.post(`/land/parcels/${parcelId}/announce`, { listingStartsAt: bj(f.monday), listingEndsAt: bj(listingEndsOn) }, centre);

  beforeAll(async () => {
    t = await startTestApp('holiday-schedules');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, CALENDAR_REFRESH_MS: '300' });
    workerPort = worker.port;
    committee = await t.account([Role.Committee]);
    for (const role of ALL_ROLES.filter((r) => r !== Role.Committee)) others.set(role, (await t.account([role])).token);
    centre = others.get(Role.Centre)!;
    owner = others.get(Role.Owner)!;

    // A land listing counted in working days (the rule set may choose wd, 规定 20), starting in the first week of March.
    const draft = await t.http.post('/rule-sets', { domain: 'land', name: '挂牌期按工作日计算', changes: { periods: { listing: { value: 10, unit: 'wd' } } } }, committee.token);
    expect(draft.status).toBe(201);
    expect((await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee.token)).status).toBe(200);
    const parcel = await t.http.post(
      '/land/parcels',
      { name: '日历测试地块', region: '350102', location: '鼓楼区测试路', area: '1000.00', use: 'residential', termYears: 70, plotRatio: '2.00', mode: 'listing', startPrice: '1000000.00', increment: { fixed: '10000.00' }, deposit: '200000.00', ruleSet: 'standard' },
      owner,
    );
    expect(parcel.status).toBe(201);
    parcelId = parcel.body.id;
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it('anyone reads the covered years and a year’s schedule', async () => {
    const years = await t.http.get('/public/calendar/years');
    expect(years.status).toBe(200);
    expect(years.body).toMatchObject({ lastYear: CALENDAR_LAST_YEAR, nextYear: year, packageLastYear: CALENDAR_LAST_YEAR });
    expect(years.body.items[0]).toMatchObject({ year: CALENDAR_LAST_YEAR, source: 'package', noticeReference: null });
    const known = await t.http.get(`/public/calendar/${CALENDAR_LAST_YEAR}`);
    expect(known.status).toBe(200);
    expect(known.body.holidays).toContainEqual({ date: `${CALENDAR_LAST_YEAR}-10-01`, zh: '国庆节', en: 'National Day' });
    const missing = await t.http.get(`/public/calendar/${year}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CALENDAR_YEAR_NOT_FOUND');
    for (const bad of ['abc', '1999', '2027.5']) expect((await t.http.get(`/public/calendar/${bad}`)).status).toBe(400);
  });

  it('refuses a working-day period reaching into a year not entered yet, changing nothing', async () => {
    const before = await t.snapshot();
    const refused = await announce(f.day(16));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(refused.body.details.coveredYears).toMatch(new RegExp(`–${CALENDAR_LAST_YEAR}$`));
    expect(await t.snapshot()).toEqual(before);
    expect((await workerCalendar()).last).toBe(CALENDAR_LAST_YEAR);
  });

  it('lets only the committee enter a year, and refuses bad schedules, changing nothing', async () => {
    const before = await t.snapshot();
    for (const [role, token] of others) expect([role, (await enter(f.body, token)).status]).toEqual([role, 403]);
    expect((await t.http.post('/calendar/years', f.body)).status).toBe(401);

    const inPackage = await enter({ ...f.body, year: CALENDAR_LAST_YEAR, holidays: [{ date: `${CALENDAR_LAST_YEAR}-01-01`, zh: '元旦', en: "New Year's Day" }], makeUpDays: [] });
    expect([inPackage.status, inPackage.body.code]).toEqual([409, 'CALENDAR_YEAR_IN_PACKAGE']);
    expect(inPackage.body.message.zh).toContain('内置');
    const gap = await enter(later.body);
    expect([gap.status, gap.body.code, gap.body.details.nextYear]).toEqual([422, 'CALENDAR_YEAR_NOT_NEXT', year]);

    const invalid = async (change: Record<string, unknown>, field: string) => {
      const res = await enter({ ...f.body, ...change });
      expect([res.status, res.body.code]).toEqual([422, 'CALENDAR_YEAR_INVALID']);
      expect(res.body.details.problems.map((p: { field: string }) => p.field)).toContain(field);
      for (const p of res.body.details.problems) expect(p.zh && p.en).toBeTruthy();
    };
    const holidays = f.body.holidays;
    await invalid({ holidays: [...holidays, { date: `${year - 1}-12-31`, zh: '元旦', en: "New Year's Day" }] }, 'holidays[4].date');
    await invalid({ holidays: [...holidays, { date: `${year}-02-30`, zh: '春节', en: 'Spring Festival' }] }, 'holidays[4].date');
    await invalid({ makeUpDays: [{ date: f.day(1), holiday: FICTIONAL_HOLIDAY.zh }] }, 'makeUpDays[0].date'); // a Tuesday
    await invalid({ makeUpDays: [{ date: f.day(2), holiday: FICTIONAL_HOLIDAY.zh }] }, 'makeUpDays[0].date'); // also a holiday
    await invalid({ makeUpDays: [{ date: f.day(5), holiday: '春节' }] }, 'makeUpDays[0].holiday'); // not a holiday of the year
    await invalid({ holidays: [...holidays, holidays[1]] }, 'holidays[4].date');
    await invalid({ noticePublishedOn: `${year + 5}-01-01` }, 'noticePublishedOn');
    await invalid({ noticePublishedOn: `${year - 1}-02-30` }, 'noticePublishedOn');

    for (const malformed of [
      { ...f.body, holidays: 'all of them' },
      { ...f.body, holidays: [] },
      { ...f.body, holidays: [{ date: '2027/01/01', zh: '元旦', en: "New Year's Day" }] },
      { ...f.body, makeUpDays: undefined },
      { ...f.body, year: 'next' },
      { ...f.body, enteredBy: committee.id },
      { ...f.body, holidays: Array.from({ length: 61 }, () => holidays[0]) },
    ]) {
      const res = await enter(malformed);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('the committee enters the year: audited, public, counted with at once by the api, never changed', async () => {
    const entered = await enter(f.body);
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ year, source: 'entered', noticeReference: f.body.noticeReference, noticePublishedOn: f.body.noticePublishedOn, holidayCount: 4, makeUpDayCount: 1 });
    expect(entered.body.makeUpDays).toEqual([{ date: f.day(5), ...FICTIONAL_HOLIDAY }]);
    expect(entered.body).not.toHaveProperty('enteredBy');

    const [row] = await t.ds.query(`SELECT entered_by, entered_at FROM calendar_year WHERE year = $1`, [year]);
    expect(row.entered_by).toBe(committee.id);
    const audit = await t.ds.query(`SELECT actor_id, actor_role, subject_id FROM audit_event WHERE action = 'calendar_year.entered'`);
    expect(audit).toEqual([{ actor_id: committee.id, actor_role: 'committee', subject_id: String(year) }]);

    const years = await t.http.get('/public/calendar/years');
    expect(years.body).toMatchObject({ lastYear: year, nextYear: year + 1 });
    expect(years.body.items[0]).toMatchObject({ year, source: 'entered', noticeReference: f.body.noticeReference });
    const one = await t.http.get(`/public/calendar/${year}`);
    expect(one.body.holidays.map((h: { date: string }) => h.date)).toEqual([`${year}-01-01`, f.day(2), f.day(3), f.day(4)]);

    // 10 working days from Monday: without the fictional holidays the Monday two weeks later; with them (Wed–Fri off,
    // Saturday worked) the Wednesday after it. The refusal names the earliest lawful end.
    const short = await announce(f.day(14));
    expect([short.status, short.body.code]).toEqual([422, 'SCHEDULE_TOO_EARLY']);
    expect(short.body.details.earliestEnd).toBe(bj(f.day(16)));
    const ok = await announce(f.day(16));
    expect(ok.status).toBe(200);

    const before = await t.snapshot();
    const again = await enter({ ...f.body, noticeReference: '更正' });
    expect([again.status, again.body.code]).toEqual([409, 'CALENDAR_YEAR_ALREADY_ENTERED']);
    await expect(t.ds.query(`UPDATE calendar_year SET notice_reference = 'x' WHERE year = $1`, [year])).rejects.toThrow(/never changes/);
    await expect(t.ds.query(`DELETE FROM calendar_year WHERE year = $1`, [year])).rejects.toThrow(/never changes/);
    expect(await t.snapshot()).toEqual(before);
  });

  it('a second process (the worker) sees the year after its refresh', async () => {
    const seen = await waitFor(async () => {
      const c = await workerCalendar();
      return c.last === year ? c : undefined;
    }, 15000, `the worker to load ${year}`);
    expect(seen.first).toBeLessThanOrEqual(2004);
  });

  it('then takes the year after it, and no gap', async () => {
    const next = await enter({ ...later.body });
    expect(next.status).toBe(201);
    expect((await t.http.get('/public/calendar/years')).body.lastYear).toBe(year + 1);
  });
});
