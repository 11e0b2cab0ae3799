import { avoidedText, drawFrom, drawRule, membersCommitment, poolDigest, seedCommitment, sortIds, uniformIndex } from './draw-algorithm';

const seed = 'a1'.repeat(32);
const pool = Array.from({ length: 50 }, (_, i) => String(i + 1));

describe('yg-draw-v1', () => {
  it('draws the same experts from the same seed and pool, and different ones from another seed', () => {
    const a = drawFrom(seed, 0, 'A01', pool, 7);
    expect(drawFrom(seed, 0, 'A01', pool, 7)).toEqual(a);
    expect(new Set(a).size).toBe(7);
    expect(a.every((id) => pool.includes(id))).toBe(true);
    expect(drawFrom('b2'.repeat(32), 0, 'A01', pool, 7)).not.toEqual(a);
    expect(drawFrom(seed, 1, 'A01', pool, 7)).not.toEqual(a);
  });

  it('is a prefix: drawing more keeps the first ones (reserves follow the committee)', () => {
    expect(drawFrom(seed, 0, 'A01', pool, 9).slice(0, 5)).toEqual(drawFrom(seed, 0, 'A01', pool, 5));
  });

  it('draws the whole pool when asked, and refuses more', () => {
    expect(sortIds(drawFrom(seed, 0, 'A01', pool, 50))).toEqual(pool);
    expect(() => drawFrom(seed, 0, 'A01', pool, 51)).toThrow(RangeError);
  });

  it('is close to uniform: each of 10 candidates first about 1/10 of the time over 5,000 seeds', () => {
    const counts = new Array(10).fill(0);
    const ten = pool.slice(0, 10);
    for (let s = 0; s < 5000; s++) counts[Number(drawFrom(s.toString(16).padStart(64, '0'), 0, 'X', ten, 1)[0]) - 1]++;
    for (const c of counts) expect(c).toBeGreaterThan(400);
    for (const c of counts) expect(c).toBeLessThan(600);
  });

  it('uniformIndex stays inside its bound', () => {
    for (let b = 1; b < 40; b++) expect(uniformIndex(seed, `t${b}`, b)).toBeLessThan(b);
  });

  it('digests change with one id, commitments with the seed', () => {
    expect(poolDigest(0, 'A01', pool)).not.toBe(poolDigest(0, 'A01', [...pool.slice(0, 49), '99']));
    expect(seedCommitment(seed)).toMatch(/^[0-9a-f]{64}$/);
    expect(membersCommitment(seed, 0, 'A01', ['1', '2'])).not.toBe(membersCommitment('b2'.repeat(32), 0, 'A01', ['1', '2']));
  });

  it('sorts bigint ids numerically', () => {
    expect(sortIds(['10', '9', '100', '11'])).toEqual(['9', '10', '11', '100']);
  });
});

describe('yg-draw-v2', () => {
  const rule = drawRule('yg-draw-v2', 'draw-1')!;
  const avoided = [{ expertId: '10', reasons: ['same_region' as const, 'employer_is_owner' as const] }, { expertId: '9', reasons: ['suspended' as const] }];

  it('keeps v1’s shape (same experts from the same inputs, a prefix for reserves) but draws per draw id', () => {
    const a = rule.draw(seed, 0, 'A01', pool, 7);
    expect(rule.draw(seed, 0, 'A01', pool, 7)).toEqual(a);
    expect(rule.draw(seed, 0, 'A01', pool, 9).slice(0, 7)).toEqual(a);
    expect(drawRule('yg-draw-v2', 'draw-2')!.draw(seed, 0, 'A01', pool, 7)).not.toEqual(a);
    expect(a).not.toEqual(drawFrom(seed, 0, 'A01', pool, 7));
  });

  it('writes the avoided list in one order-free text and binds it and the draw id into the pool digest', () => {
    expect(avoidedText(avoided)).toBe('9:suspended,10:employer_is_owner+same_region');
    const d = rule.avoidedDigest(0, 'A01', avoided);
    expect(rule.avoidedDigest(0, 'A01', [...avoided].reverse())).toBe(d);
    expect(rule.avoidedDigest(0, 'A01', avoided.slice(1))).not.toBe(d);
    expect(drawRule('yg-draw-v2', 'draw-2')!.avoidedDigest(0, 'A01', avoided)).not.toBe(d);
    const p = rule.poolDigest(0, 'A01', pool, d);
    expect(rule.poolDigest(0, 'A01', pool, rule.avoidedDigest(0, 'A01', avoided.slice(1)))).not.toBe(p);
    expect(drawRule('yg-draw-v2', 'draw-2')!.poolDigest(0, 'A01', pool, d)).not.toBe(p);
    expect(rule.membersCommitment(seed, 0, 'A01', ['1'])).not.toBe(drawRule('yg-draw-v2', 'draw-2')!.membersCommitment(seed, 0, 'A01', ['1']));
  });

  it('knows v1 and v2 only', () => {
    expect(drawRule('yg-draw-v1', 'x')?.bindsDrawAndAvoided).toBe(false);
    expect(drawRule('yg-draw-v3', 'x')).toBeNull();
  });
});
