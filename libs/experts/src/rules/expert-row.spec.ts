import { organisationCodeCheckChar, usccCheckChar } from '@app/platform/identity/uscc';
import { ExpertRowInput, parseDate, splitSpecialties, validateExpertPatch, validateExpertRow } from './expert-row';
import { idNumberCheckChar } from './id-number';

const ctx = { specialties: new Set(['A01', 'A01.01', 'A01.01.01', 'B01.03']), today: '2026-11-24' };
const uscc = (() => {
  const body = '12345678';
  const first17 = `91350100${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
})();
const idNumber = '35010219850615123' + idNumberCheckChar('35010219850615123');

const good: ExpertRowInput = {
  name: '陈建国',
  idNumber,
  phone: '13905912345',
  employerUscc: uscc,
  employerName: '福州市建筑设计研究院有限公司',
  region: '350102',
  title: '高级工程师',
  qualification: '一级注册结构工程师',
  specialties: 'A01.01.01;B01.03',
  status: '在库',
  suspendedUntil: '',
};

describe('one expert row', () => {
  it('gives the clean value of a good row, trimming and normalising', () => {
    const r = validateExpertRow({ ...good, name: ' 陈建国 ', idNumber: ` ${idNumber.toLowerCase()} `, phone: '+86 13905912345', specialties: 'a01.01.01，B01.03；A01.01.01' }, ctx);
    expect(r).toEqual({
      ok: true,
      value: { name: '陈建国', idNumber, phone: '13905912345', employerUscc: uscc, employerName: good.employerName, region: '350102', title: '高级工程师', qualification: '一级注册结构工程师', specialties: ['A01.01.01', 'B01.03'], status: 'active', suspendedUntil: null },
    });
    const minimal = validateExpertRow({ ...good, qualification: '', status: '' }, ctx);
    expect(minimal.ok && minimal.value).toMatchObject({ qualification: null, status: 'active' });
  });

  it('lists every problem of a bad row, by field, in Chinese and English', () => {
    const r = validateExpertRow({ name: '陈', idNumber: '350102198506151230', phone: '12905912345', employerUscc: '91350100123456789X', employerName: '', region: '35010', title: '', specialties: 'A01;Z99', status: '在岗' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['name', 'idNumber', 'phone', 'employerUscc', 'employerName', 'region', 'title', 'specialties', 'status']);
    for (const p of r.problems) {
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message.en).toMatch(/[A-Za-z]{3}/);
    }
    expect(r.problems.find((p) => p.field === 'specialties')!.message.zh).toBe('专业代码不在专业目录中:Z99');
  });

  it('needs a future 暂停至 date with 暂停, and none otherwise', () => {
    expect(validateExpertRow({ ...good, status: '暂停', suspendedUntil: '2027/3/1' }, ctx)).toMatchObject({ ok: true, value: { status: 'suspended', suspendedUntil: '2027-03-01' } });
    expect(validateExpertRow({ ...good, status: 'suspended', suspendedUntil: '2027-02-30' }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'suspendedUntil' }] });
    expect(validateExpertRow({ ...good, status: '暂停' }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'suspendedUntil' }] });
    expect(validateExpertRow({ ...good, status: '暂停', suspendedUntil: '2026-11-24' }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'suspendedUntil' }] });
    expect(validateExpertRow({ ...good, status: '退出', suspendedUntil: '2027-01-01' }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'suspendedUntil' }] });
    expect(validateExpertRow({ ...good, status: 'Retired' }, ctx)).toMatchObject({ ok: true, value: { status: 'retired', suspendedUntil: null } });
  });

  it('checks only the fields a change gives, status against the current one', () => {
    expect(validateExpertPatch({ phone: '13800000000' }, { status: 'active' }, ctx)).toEqual({ ok: true, value: { phone: '13800000000' } });
    expect(validateExpertPatch({ qualification: null, specialties: ['a01'] }, { status: 'active' }, ctx)).toEqual({ ok: true, value: { qualification: null, specialties: ['A01'] } });
    expect(validateExpertPatch({ suspendedUntil: '2027-01-01' }, { status: 'active' }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'suspendedUntil' }] });
    expect(validateExpertPatch({ suspendedUntil: '2027-01-01' }, { status: 'suspended' }, ctx)).toEqual({ ok: true, value: { status: 'suspended', suspendedUntil: '2027-01-01' } });
    expect(validateExpertPatch({ status: 'active' }, { status: 'suspended' }, ctx)).toEqual({ ok: true, value: { status: 'active', suspendedUntil: null } });
    expect(validateExpertPatch({ region: '0123', specialties: [] }, { status: 'active' }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'region' }, { field: 'specialties' }] });
  });

  it('reads dates and specialty lists the ways people write them', () => {
    expect(parseDate('2026-1-5')).toBe('2026-01-05');
    expect(parseDate('2026.12.31')).toBe('2026-12-31');
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('明天')).toBeNull();
    expect(splitSpecialties('A01, A01.01、B01.03 ; ')).toEqual(['A01', 'A01.01', 'B01.03']);
    expect(splitSpecialties(null)).toEqual([]);
  });
});
