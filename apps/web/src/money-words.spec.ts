import { typedSignedYuan, typedYuan, yuanInWords } from './money-words';

// 大写 as written on bid forms and cheques; typed amounts as people type them. Strings only, never floats.
describe('人民币大写 and typed amounts', () => {
  it('writes amounts in words with the zeros people write', () => {
    expect(yuanInWords('388000000')).toBe('叁亿捌仟捌佰万元整');
    expect(yuanInWords('1234567.8')).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整');
    expect(yuanInWords('10005.07')).toBe('壹万零伍元零柒分');
    expect(yuanInWords('100000001')).toBe('壹亿零壹元整');
    expect(yuanInWords('85000000')).toBe('捌仟伍佰万元整');
    expect(yuanInWords('1010')).toBe('壹仟零壹拾元整');
    expect(yuanInWords('0')).toBe('零元整');
    expect(yuanInWords('0.5')).toBe('伍角整');
    expect(yuanInWords('0.05')).toBe('伍分');
    expect(yuanInWords('9007199254740993.99')).toBe('玖仟零柒万亿壹仟玖佰玖拾贰亿伍仟肆佰柒拾肆万零玖佰玖拾叁元玖角玖分');
    expect(yuanInWords('12.345')).toBeNull();
    expect(yuanInWords('abc')).toBeNull();
  });

  it('accepts thousands separators and a yuan sign, refuses what is not an amount', () => {
    expect(typedYuan('85,000,000')).toBe('85000000');
    expect(typedYuan(' ¥1,234.50 ')).toBe('1234.50');
    expect(typedYuan('8 500 000')).toBe('8500000');
    expect(typedYuan('85，000')).toBe('85000');
    expect(typedYuan('1000')).toBe('1000');
    expect(typedYuan('1,00,0')).toBeNull();
    expect(typedYuan('12.345')).toBeNull();
    expect(typedYuan('-5')).toBeNull();
    expect(typedYuan('')).toBeNull();
    expect(typedYuan('01')).toBeNull();
  });

  it('reads a signed typed amount (a price adjustment) with its sign', () => {
    expect(typedSignedYuan('-1,000.00')).toBe('-1000.00');
    expect(typedSignedYuan('−500')).toBe('-500');
    expect(typedSignedYuan('2,500.5')).toBe('2500.5');
    expect(typedSignedYuan('-0')).toBe('0');
    expect(typedSignedYuan('--5')).toBeNull();
    expect(typedSignedYuan('-1.234')).toBeNull();
  });
});
