import { organisationCodeCheckChar } from '@app/platform/identity/uscc';
import { validateExpertRow } from '../rules/expert-row';
import { SPECIALTY_CATALOGUE } from './specialty-catalogue';
import { demoEmployerUscc, demoLinkedExpert, generatedExpert } from './demo-experts';

describe('generated demo experts', () => {
  const ctx = { specialties: new Set(SPECIALTY_CATALOGUE.map((s) => s.code)), today: '2026-11-24' };

  it('are valid library rows with distinct ID numbers, the same every time', () => {
    const ids = new Set<string>();
    const statuses: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const cells = generatedExpert(i, ctx.today);
      const r = validateExpertRow(cells, ctx);
      if (!r.ok) throw new Error(`row ${i}: ${JSON.stringify(r.problems)}`);
      ids.add(r.value.idNumber);
      statuses[r.value.status] = (statuses[r.value.status] ?? 0) + 1;
      expect(r.value.region).toMatch(/^3501\d\d$/);
    }
    expect(ids.size).toBe(5000);
    expect(statuses.suspended).toBeGreaterThan(100);
    expect(statuses.retired).toBeGreaterThan(50);
    expect(generatedExpert(42, ctx.today)).toEqual(generatedExpert(42, ctx.today));
    expect(generatedExpert(0, ctx.today, 100_000).idNumber).toBe(generatedExpert(100_000, ctx.today).idNumber);
    expect(validateExpertRow(demoLinkedExpert(ctx.today), ctx).ok).toBe(true);
  });

  it('give employers stable valid USCCs', () => {
    const a = demoEmployerUscc('福建农林大学', true);
    expect(a).toBe(demoEmployerUscc('福建农林大学', true));
    expect(a.startsWith('12350100')).toBe(true);
    expect(organisationCodeCheckChar(a.slice(8, 16))).toBe(a[16]);
  });
});
