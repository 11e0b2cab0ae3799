import fc from 'fast-check';
import { gridAt } from '@app/trading/live/rules/increment-grid';
import { startTestApp, TestApp } from '../../support/test-app';

// One rule, two places: lot_on_grid() decides inside the bid's atomic write, gridAt() answers the bidder first.
// They must agree on every increment the engine can hold (fixed steps and rising ladders).
describe('the increment grid in SQL and in TypeScript', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('increment-grid');
  });

  afterAll(() => t.close());

  const fixed = fc.integer({ min: 1, max: 5000 }).map((s) => ({ fixedFen: String(s) }));
  const ladder = fc
    .array(fc.record({ gap: fc.integer({ min: 1, max: 3000 }), step: fc.integer({ min: 1, max: 700 }) }), { minLength: 1, maxLength: 5 })
    .map((bands) => {
      let from = 0;
      return { ladder: bands.map((b, i) => ({ fromFen: String(i === 0 ? 0 : (from += b.gap)), stepFen: String(b.step) })) };
    });

  it('lot_on_grid() agrees with gridAt() on random increments, starts and prices (seed printed on failure)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fixed, ladder), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 20000 }), async (increment, start, offset) => {
        const price = start + offset - 50;
        const [row] = await t.ds.query(`SELECT lot_on_grid($1::jsonb, $2::bigint, $3::bigint) AS on`, [JSON.stringify(increment), start, price]);
        expect(row.on).toBe(gridAt(increment, BigInt(start), BigInt(price)).onGrid);
      }),
      { numRuns: 400 },
    );
  });

  it('the next price the engine asks for (current + lot_step(current)) is on the grid, walking up from the start', async () => {
    const inc = { ladder: [{ fromFen: '0', stepFen: '10' }, { fromFen: '155', stepFen: '20' }, { fromFen: '300', stepFen: '7' }] };
    const [row] = await t.ds.query(
      `WITH RECURSIVE w(g, n) AS (SELECT 100::bigint, 0 UNION ALL SELECT g + lot_step($1::jsonb, g), n + 1 FROM w WHERE n < 60)
       SELECT bool_and(lot_on_grid($1::jsonb, 100, g)) AS all_on, count(*)::int AS n FROM w`,
      [JSON.stringify(inc)],
    );
    expect(row).toEqual({ all_on: true, n: 61 });
  });

  it('land asks for the grid by default, rural does not; the committee reads both with their labels', async () => {
    const rule = async (domain: string) => (await t.http.get(`/rule-sets?domain=${domain}&sandbox=false&status=active`)).body.items[0];
    const [land, rural] = [await rule('land'), await rule('rural')];
    expect(land.params.numbers.bidsOnIncrementGrid).toBe(1);
    expect(rural.params.numbers.bidsOnIncrementGrid).toBe(0);
    expect(land.labels['numbers.bidsOnIncrementGrid'].zh).toContain('加价幅度');
  });
});
