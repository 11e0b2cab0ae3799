import { checkCommittee, seatingShortfall } from './committee';

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

describe('what a committee lacks before it sits', () => {
  const draw = { requirements: [{ specialty: 'A01', count: 3 }, { specialty: 'B02', count: 2 }], committee: { experts: 5, ownerRepresentatives: 0 } };
  const seats = (a: number, b: number) => [...Array(a).fill({ specialty: 'A01' }), ...Array(b).fill({ specialty: 'B02' })];

  it('is nothing when every specialty has its count', () => {
    expect(seatingShortfall(draw, seats(3, 2), rules)).toBeNull();
  });

  it('names the specialty and how many are missing (4 of 5 accepted)', () => {
    const short = seatingShortfall(draw, seats(3, 1), rules)!;
    expect(short).toMatchObject({ missing: 1, required: 5, accepted: 4, specialties: [{ specialty: 'B02', needed: 2, accepted: 1, missing: 1 }] });
    expect(short.problems[0].zh).toContain('不少于 5 人');
  });

  it('holds a draw without requirements to the rules: 5 or more, odd, experts ≥ 2/3', () => {
    const bare = { requirements: [], committee: {} };
    expect(seatingShortfall(bare, seats(4, 0), rules)).toMatchObject({ missing: 1, required: 5, specialties: [] });
    expect(seatingShortfall(bare, seats(5, 0), rules)).toBeNull();
    // with 2 representatives, 4 experts make 6 (even): 5 experts are needed
    expect(seatingShortfall({ requirements: [], committee: { ownerRepresentatives: 2 } }, seats(4, 0), rules)).toMatchObject({ missing: 1, required: 5 });
    expect(seatingShortfall(bare, seats(3, 0), { ...rules, committeeMinSize: 3 })).toBeNull();
  });
});
