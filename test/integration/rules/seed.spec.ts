import { seedRuleSets } from '../../../apps/api/src/seed/seeders/rule-sets.seeder';
import { startTestApp, TestApp } from '../../support/test-app';

describe('seeding rule sets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('rules-seed');
  });

  afterAll(() => t.close());

  it('changes nothing on a fresh database: the migration put the legal defaults in force', async () => {
    const before = await t.snapshot();
    await seedRuleSets(t.ds);
    expect(await t.snapshot()).toEqual(before);
  });

  it('puts the legal defaults back in force where a line has none, once, audited', async () => {
    await t.ds.query(`UPDATE rule_set SET status = 'retired' WHERE domain = 'rural' AND NOT is_sandbox AND status = 'active'`);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await seedRuleSets(t.ds);
    expect(log).toHaveBeenCalledWith('seed: put 1 rule set(s) with the legal defaults in force');
    log.mockRestore();
    const [row] = await t.ds.query(`SELECT id, version, params FROM rule_set WHERE domain = 'rural' AND NOT is_sandbox AND status = 'active'`);
    expect(row.version).toBe(2);
    expect(row.params.periods.listing).toEqual({ value: 10, unit: 'wd' });
    expect((await t.ds.query(`SELECT action FROM audit_event WHERE subject_id = $1`, [row.id]))[0].action).toBe('rule_set.seeded');
    const after = await t.snapshot();
    await seedRuleSets(t.ds);
    expect(await t.snapshot()).toEqual(after);
  });
});
