import { MallProduct } from '../../api/mall-types';
import { addToCart, certificateState, differingFields, groupBySupplier, lineAmount, MAX_COMPARE, precheck, refreshCart, removeFromCart, setQuantity, sumYuan, toggleCompare } from './cart';
import { regionName } from './regions';

const p = (id: string, price: string, supplierId = 's1', over: Partial<MallProduct> = {}): MallProduct => ({
  id,
  categoryCode: 'A02.02.04',
  categoryName: '打印机',
  name: `商品${id}`,
  brand: '惠普',
  model: 'M126a',
  specs: 'A4',
  unit: '台',
  price,
  stock: 10,
  regions: ['350100'],
  certificateNo: null,
  certificateValidUntil: null,
  packingUnit: null,
  supplierId,
  supplierName: supplierId === 's1' ? '福州办公设备有限公司' : '厦门科技有限公司',
  rating: null,
  ratingCount: 0,
  ...over,
});

describe('the purchaser’s cart', () => {
  it('sums exactly in fen, however many cents add up (no float drift)', () => {
    expect(lineAmount('0.10', 3)).toBe('0.30');
    expect(lineAmount('1299.99', 7)).toBe('9099.93');
    expect(sumYuan(['0.10', '0.20'])).toBe('0.30');
    expect(sumYuan(['99999999999999.99', '0.01'])).toBe('100000000000000.00');
  });

  it('adds, merges, changes and removes lines; quantities stay whole and at least one', () => {
    let cart = addToCart([], p('a', '10.00'));
    cart = addToCart(cart, p('a', '10.00'), 2);
    cart = addToCart(cart, p('b', '5.50'), 0.4);
    expect(cart.map((l) => [l.productId, l.quantity])).toEqual([['a', 3], ['b', 1]]);
    expect(setQuantity(cart, 'a', 0).find((l) => l.productId === 'a')!.quantity).toBe(1);
    expect(setQuantity(cart, 'a', 12.7).find((l) => l.productId === 'a')!.quantity).toBe(12);
    expect(removeFromCart(cart, ['a']).map((l) => l.productId)).toEqual(['b']);
  });

  it('splits into one order per supplier, each with its exact total', () => {
    const cart = [p('a', '1299.00'), p('x', '25.50', 's2'), p('b', '899.00')].reduce((c, x, i) => addToCart(c, x, i + 1), [] as ReturnType<typeof addToCart>);
    const groups = groupBySupplier(cart);
    expect(groups.map((g) => [g.supplierName, g.lines.map((l) => l.productId), g.total])).toEqual([
      ['福州办公设备有限公司', ['a', 'b'], '3996.00'],
      ['厦门科技有限公司', ['x'], '51.00'],
    ]);
  });

  it('takes the current price and state of each product when re-read', () => {
    const cart = addToCart([], p('a', '1299.00'), 2);
    const now = refreshCart(cart, new Map([['a', { ...p('a', '1199.00'), onSale: false }]]));
    expect(now[0].product).toMatchObject({ price: '1199.00', onSale: false });
    expect(groupBySupplier(now)[0].total).toBe('2398.00');
  });

  it('tells over the threshold and over the budget before asking, equal being allowed', () => {
    expect(precheck('1000000.00', '1000000.00', '1000000.00')).toEqual({ overThreshold: false, overBudget: false });
    expect(precheck('1000000.01', '1000000.00', '2000000.00')).toEqual({ overThreshold: true, overBudget: false });
    expect(precheck('500.00', null, '499.99')).toEqual({ overThreshold: false, overBudget: true });
  });
});

describe('comparison and certificates', () => {
  it('compares at most four products; a fifth is refused, a second click removes', () => {
    let list: MallProduct[] = [];
    for (const id of ['a', 'b', 'c', 'd']) list = toggleCompare(list, p(id, '1.00')).list;
    expect(list).toHaveLength(MAX_COMPARE);
    expect(toggleCompare(list, p('e', '1.00'))).toEqual({ list, full: true });
    expect(toggleCompare(list, p('b', '1.00')).list.map((x) => x.id)).toEqual(['a', 'c', 'd']);
  });

  it('marks only the rows where the compared products differ', () => {
    const d = differingFields([p('a', '1.00'), p('b', '2.00', 's1', { regions: ['350100'] })], ['price', 'brand', 'regions', 'certificateNo']);
    expect([...d]).toEqual(['price']);
  });

  it('reads a certificate as valid, expiring within 90 days, or expired, by Beijing day', () => {
    expect(certificateState(null, '2026-12-07')).toBeNull();
    expect(certificateState('2027-12-31', '2026-12-07')).toEqual({ state: 'valid', daysLeft: 389 });
    expect(certificateState('2027-03-07', '2026-12-07')).toEqual({ state: 'expiring', daysLeft: 90 });
    expect(certificateState('2026-12-07', '2026-12-07')).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(certificateState('2026-12-06', '2026-12-07')).toEqual({ state: 'expired', daysLeft: -1 });
  });

  it('names delivery regions, a district with its city, an unknown code as itself', () => {
    expect(regionName('350000')).toBe('福建省');
    expect(regionName('350100')).toBe('福州市');
    expect(regionName('350102')).toBe('福州市鼓楼区');
    expect(regionName('110101')).toBe('110101');
  });
});
