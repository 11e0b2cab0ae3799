import { sortIds } from '../rules/draw-algorithm';
import { ascendingIds } from './draw.repository';

describe('ascendingIds', () => {
  it('dedupes and orders numerically, as sortIds does', () => {
    expect(ascendingIds('12,3,12,7,100,99')).toEqual(['3', '7', '12', '99', '100']);
    expect(ascendingIds(null)).toEqual([]);
    const ids = Array.from({ length: 500 }, (_, i) => String((i * 7919) % 100003));
    expect(ascendingIds(ids.join(','))).toEqual(sortIds(new Set(ids)));
  });
});
