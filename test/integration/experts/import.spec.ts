import { createHash } from 'node:crypto';
import { generatedExpert } from '@app/experts/library/demo-experts';
import { ImportCells, writeImportCsv, writeImportXlsx } from '@app/experts/library/import-template';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { shanghaiDate } from '@app/platform/calendar/working-days';
import { startTestApp, TestAccount, TestApp } from '../../support/test-app';

const today = shanghaiDate(new Date());
let offset = 0;

/** `count` fresh valid rows (distinct people across the whole file). */
function rows(count: number): ImportCells[] {
  const start = offset;
  offset += count;
  return Array.from({ length: count }, (_, i) => generatedExpert(i, today, 1_000_000 + start));
}

describe('expert import (.xlsx and .csv, all-or-nothing or valid rows)', () => {
  let t: TestApp;
  let office: TestAccount;

  beforeAll(async () => {
    t = await startTestApp('experts-import');
    office = await t.account([Role.Office]);
  });

  afterAll(() => t.close());

  async function upload(file: Buffer, filename: string, mode?: string, token: string | null = office.token) {
    const form = new FormData();
    form.append('file', new Blob([file]), filename);
    const res = await fetch(`${t.http.baseUrl}/experts/import${mode ? `?mode=${mode}` : ''}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  const countExperts = async () => (await t.ds.query(`SELECT count(*)::int AS c FROM expert`))[0].c as number;

  it('imports a good .xlsx file in one go, ID numbers sealed and masked, with one audit entry', async () => {
    const good = rows(2500); // more than one insert batch
    const file = await writeImportXlsx(good);
    const before = await countExperts();
    const res = await upload(file, '专家名单.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'all-or-nothing', format: 'xlsx', total: 2500, imported: 2500, rejected: 0, errorCount: 0, errors: [], sha256: createHash('sha256').update(file).digest('hex') });
    expect(await countExperts()).toBe(before + 2500);

    const [one] = await t.ds.query(
      `SELECT e.name, e.id_number_masked, e.region, e.status, to_char(e.suspended_until, 'YYYY-MM-DD') AS until, array_agg(s.specialty_code ORDER BY s.specialty_code) AS codes
       FROM expert e JOIN expert_specialty s ON s.expert_id = e.id WHERE e.phone = $1 AND e.name = $2 GROUP BY e.id`,
      [good[7].phone, good[7].name],
    );
    expect(one).toMatchObject({ name: good[7].name, id_number_masked: `${good[7].idNumber!.slice(0, 6)}********${good[7].idNumber!.slice(14)}`, region: good[7].region });
    expect(one.codes).toEqual(good[7].specialties!.split(';').sort());
    const suspended = good.find((g) => g.status === '暂停')!;
    const [s] = await t.ds.query(`SELECT status, to_char(suspended_until, 'YYYY-MM-DD') AS until FROM expert WHERE name = $1 AND phone = $2`, [suspended.name, suspended.phone]);
    expect(s).toEqual({ status: 'suspended', until: suspended.suspendedUntil });

    const audits = await t.ds.query(`SELECT subject_type, subject_id, actor_role, payload FROM audit_event WHERE action = 'expert.imported'`);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ subject_type: 'expert_import', subject_id: res.body.importId, actor_role: 'office' });
    expect(audits[0].payload).toMatchObject({ mode: 'all-or-nothing', total: 2500, imported: 2500, rejected: 0, file: { name: '专家名单.xlsx', sha256: res.body.sha256, format: 'xlsx' } });
    const dump = JSON.stringify(await t.ds.query(`SELECT payload FROM audit_event`));
    expect(dump).not.toContain(good[0].idNumber);
  });

  it('imports a good UTF-8 .csv with a BOM, English headers accepted', async () => {
    const good = rows(300);
    const csv = writeImportCsv(good).toString('utf8').replace('姓名,身份证号,手机', 'name,ID number,phone');
    const res = await upload(Buffer.from(csv, 'utf8'), 'experts.csv', 'all-or-nothing');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', total: 300, imported: 300, rejected: 0 });
    const list = await t.http.get(`/experts?name=${encodeURIComponent(good[0].name!)}&region=${good[0].region}`, office.token);
    expect(list.body.items.some((e: { phone: string }) => e.phone === good[0].phone)).toBe(true);
  });

  function badFile(): { cells: ImportCells[]; existing: ImportCells } {
    const cells = rows(20);
    const existing = rows(1)[0];
    cells[3] = { ...cells[3], idNumber: cells[3].idNumber!.slice(0, 17) + (cells[3].idNumber![17] === '1' ? '2' : '1') }; // row 5: check character
    cells[6] = { ...cells[6], phone: '1234', specialties: 'A01;Z99' }; // row 8: two problems
    cells[9] = { ...cells[9], idNumber: cells[2].idNumber }; // row 11 repeats row 4
    cells[12] = { ...cells[12], status: '暂停', suspendedUntil: '' }; // row 14
    cells[15] = { ...cells[15], idNumber: existing.idNumber }; // row 17: already in the library
    return { cells, existing };
  }

  it('all-or-nothing: one bad row imports nothing and lists every problem by row, in Chinese and English', async () => {
    const { cells, existing } = badFile();
    expect((await upload(writeImportCsv([existing]), 'one.csv')).status).toBe(200);
    const before = await t.snapshot();
    for (const [file, name] of [[writeImportCsv(cells), 'bad.csv'], [await writeImportXlsx(cells), 'bad.xlsx']] as const) {
      const res = await upload(file, name);
      expect([res.status, res.body.code]).toEqual([422, 'IMPORT_ROWS_INVALID']);
      expect(res.body.message.zh).toBe('导入文件中有不合格的行,全部未导入');
      expect(res.body.details).toMatchObject({ total: 20, imported: 0, rejected: 5, errorCount: 6, importId: null });
      expect(res.body.details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [5, 'idNumber'],
        [8, 'phone'],
        [8, 'specialties'],
        [11, 'idNumber'],
        [14, 'suspendedUntil'],
        [17, 'idNumber'],
      ]);
      const zh = res.body.details.errors.map((e: { message: { zh: string } }) => e.message.zh);
      expect(zh).toEqual(['身份证号校验位错误', '手机号须为 11 位,以 13–19 开头', '专业代码不在专业目录中:Z99', '身份证号与第 4 行重复', '暂停状态须填写暂停至日期', '该身份证号的专家已在专家库中']);
      for (const e of res.body.details.errors) expect(e.message.en).toMatch(/[A-Za-z]{3}/);
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('valid-rows: imports the good rows only, in one transaction, and reports the rest', async () => {
    const { cells, existing } = badFile();
    await upload(writeImportCsv([existing]), 'one.csv');
    const before = await countExperts();
    const res = await upload(await writeImportXlsx(cells), 'partly.xlsx', 'valid-rows');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'valid-rows', total: 20, imported: 15, rejected: 5, errorCount: 6 });
    expect(res.body.importId).toEqual(expect.any(String));
    expect(await countExperts()).toBe(before + 15);
    const [audit] = await t.ds.query(`SELECT payload FROM audit_event WHERE subject_id = $1`, [res.body.importId]);
    expect(audit.payload).toMatchObject({ mode: 'valid-rows', total: 20, imported: 15, rejected: 5 });
    // The first of two rows with the same ID number went in; the repeat did not.
    const indexes = await t.ds.query(`SELECT count(*)::int AS c FROM expert WHERE phone = ANY($1)`, [[cells[2].phone, cells[9].phone]]);
    expect(indexes[0].c).toBe(1);

    const nothingGood = await upload(writeImportCsv([cells[3]]), 'bad-only.csv', 'valid-rows');
    expect(nothingGood.body).toMatchObject({ total: 1, imported: 0, rejected: 1, importId: null });
  });

  it('refuses unreadable files, wrong modes, other roles and anonymous callers, changing nothing', async () => {
    const before = await t.snapshot();
    const good = writeImportCsv(rows(3));
    const cases: [Buffer, string, string | undefined, number, string][] = [
      [Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.xlsx', undefined, 422, 'IMPORT_FILE_INVALID'],
      [Buffer.from('姓名,身份证号\n张三,1\n'), 'short.csv', undefined, 422, 'IMPORT_FILE_INVALID'],
      [Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0a]), 'gbk.csv', undefined, 422, 'IMPORT_FILE_INVALID'],
      [Buffer.from(writeImportCsv([]).toString('utf8')), 'header-only.csv', undefined, 422, 'IMPORT_FILE_INVALID'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls', undefined, 422, 'IMPORT_FILE_INVALID'],
      [good, 'good.csv', 'some-rows', 400, 'VALIDATION_FAILED'],
    ];
    for (const [file, name, mode, status, code] of cases) {
      const res = await upload(file, name, mode);
      expect([name, res.status, res.body.code]).toEqual([name, status, code]);
    }
    const missing = await upload(Buffer.from('姓名,身份证号\n张三,1\n'), 'short.csv');
    expect(missing.body.details.missing).toEqual(['手机', '工作单位统一社会信用代码', '工作单位', '地区代码', '职称', '专业代码']);
    const json = await t.http.post('/experts/import', { rows: [] }, office.token);
    expect([json.status, json.body.code]).toEqual([422, 'IMPORT_FILE_INVALID']);

    for (const grant of [Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert, Role.Committee, { role: Role.Regulator, domain: TradingDomain.Tendering }]) {
      const res = await upload(good, 'good.csv', undefined, (await t.account([grant])).token);
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    const anonymous = await upload(good, 'good.csv', undefined, null);
    expect(anonymous.status).toBe(401);
    const after = await t.snapshot();
    // Only the accounts (and their organisations) made for the role checks were added.
    expect({ ...after, account: 0, account_role: 0, organisation: 0 }).toEqual({ ...before, account: 0, account_role: 0, organisation: 0 });
  });
});
