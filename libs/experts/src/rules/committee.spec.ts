import { checkCommittee } from './committee';

const rules = { committeeMinSize: 5, expertShare: { numerator: 2, denominator: 3 } };

describe('committee shape (法 37)', () => {
  it.each([
    [5, 0],
    [4, 1],
    [5, 2],
    [6, 3],
    [9, 0],
  ])('%i experts + %i representatives is lawful', (experts, ownerRepresentatives) => {
    expect(checkCommittee({ experts, ownerRepresentatives }, rules)).toEqual([]);
  });

  it('refuses fewer than the minimum, an even size, and too few experts, saying why in Chinese', () => {
    expect(checkCommittee({ experts: 3, ownerRepresentatives: 0 }, rules)[0].zh).toContain('不少于 5 人');
    expect(checkCommittee({ experts: 6, ownerRepresentatives: 0 }, rules)[0].zh).toContain('单数');
    const p = checkCommittee({ experts: 3, ownerRepresentatives: 2 }, rules);
    expect(p.map((x) => x.field)).toEqual(['ownerRepresentatives']);
    expect(p[0].zh).toContain('2/3');
  });

  it('takes its numbers from the rules (a procurement panel of 3)', () => {
    expect(checkCommittee({ experts: 3, ownerRepresentatives: 0 }, { committeeMinSize: 3, expertShare: rules.expertShare })).toEqual([]);
  });
});
