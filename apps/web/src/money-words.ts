/**
 * 人民币大写 (as on cheques and bid forms: 壹万贰仟叁佰肆拾伍元陆角柒分, 整 when there are no fen) and what people type
 * as an amount ("85,000,000", "8 500.5", "￥1,000"): both by string operations, never a float.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** One group of four digits ("0305" → 叁佰零伍), with the zeros people write. */
function group(four: string): string {
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i += 1) {
    const d = Number(four[i]);
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL[3 - i];
  }
  return out;
}

/** "1234567.8" → 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整; "0" → 零元整; null when the text is not an amount in yuan. */
export function yuanInWords(value: string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, sign, rawInt, rawFrac = ''] = m;
  const int = rawInt.replace(/^0+(?=\d)/, '');
  if (int.length > 16) return null;
  const jiao = Number((rawFrac + '00')[0]);
  const fen = Number((rawFrac + '00')[1]);
  let words = '';
  if (int !== '0') {
    const padded = int.padStart(Math.ceil(int.length / 4) * 4, '0');
    const groups = padded.match(/\d{4}/g)!;
    let pendingZero = false;
    groups.forEach((g, i) => {
      const unit = BIG[groups.length - 1 - i];
      if (g === '0000') {
        pendingZero = words.length > 0;
        return;
      }
      if (words && (pendingZero || g[0] === '0')) words += '零';
      pendingZero = false;
      words += group(g) + unit;
    });
    words += '元';
  }
  if (!jiao && !fen) return `${sign ? '负' : ''}${words || '零元'}整`;
  if (jiao) words += DIGITS[jiao] + '角';
  else if (words) words += '零';
  if (fen) words += DIGITS[fen] + '分';
  else words += '整';
  return `${sign ? '负' : ''}${words}`;
}

/**
 * An amount as typed, as the API wants it: thousands separators (",", "，", spaces), a leading ¥/￥ and surrounding
 * spaces dropped. Returns null when what is left is not yuan with at most two decimals.
 */
export function typedYuan(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const s = String(input).trim().replace(/^[¥￥]\s*/, '');
  if (!/^\d{1,3}([,，\s]?\d{3})*(\.\d{1,2})?$/.test(s) && !/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const plain = s.replace(/[,，\s]/g, '');
  return /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/.test(plain) ? plain : null;
}

/** A signed amount as typed ("-1,000.00", "−500"): the sign kept, the rest read by typedYuan; null when not one. */
export function typedSignedYuan(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const s = String(input).trim();
  const negative = /^[-−]/.test(s);
  const amount = typedYuan(negative ? s.slice(1) : s);
  if (amount === null) return null;
  return negative && !/^0(\.0{1,2})?$/.test(amount) ? `-${amount}` : amount;
}
