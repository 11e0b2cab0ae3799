/**
 * Display formats. Money stays a decimal yuan string as the API sends it ("1234567.80"): it is grouped by
 * string operations, never parsed into a float.
 */
const YUAN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1234567.8" → "1,234,567.80" (null/invalid → "—"). */
export function yuan(value: string | null | undefined, withSymbol = true): string {
  if (value === null || value === undefined) return '—';
  const m = YUAN.exec(String(value).trim());
  if (!m) return String(value);
  const [, sign, int, frac = ''] = m;
  const grouped = int.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${withSymbol ? '¥' : ''}${grouped}.${(frac + '00').slice(0, 2)}`;
}

/** Large amounts the way people read them: "12,345.67 万元" for ≥ 100,000 yuan, by moving the decimal point. */
export function wan(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const m = YUAN.exec(String(value).trim());
  if (!m) return String(value);
  const [, sign, int, frac = ''] = m;
  if (int.length <= 5) return yuan(value);
  const w = int.slice(0, -4);
  const rest = (int.slice(-4) + frac).slice(0, 2);
  return `${sign}${yuan(`${w}.${rest}`, false)} 万元`;
}

const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const dayFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const clockFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

function parts(fmt: Intl.DateTimeFormat, d: Date): Record<string, string> {
  return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
}

/** Beijing time, "2026-12-01 09:30:00". */
export function time(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  const p = parts(timeFmt, d);
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}

export function day(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(dayFmt, new Date(value));
  return `${p.year}-${p.month}-${p.day}`;
}

export function clock(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(clockFmt, new Date(value));
  return `${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}

/** The Beijing calendar day of an instant as YYYY-MM-DD (for API day parameters). */
export function beijingDay(d: Date = new Date()): string {
  return day(d);
}

/** Seconds as "mm:ss" (or "h:mm:ss"). */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export const DOMAIN_LABEL: Record<string, string> = { tendering: '工程建设', land: '土地使用权', procurement: '政府采购', rural: '农村产权' };
export const ROLE_LABEL: Record<string, string> = {
  committee: '管委会',
  office: '管理办公室',
  regulator: '行业监管部门',
  centre: '交易中心',
  owner: '招标人/出让人',
  agent: '招标代理',
  bidder: '投标人/竞买人',
  expert: '评标专家',
  system: '系统',
};

/** Integer fen as a string ("1020000000") → yuan string ("10200000.00"), by moving the decimal point. */
export function fenToYuan(fen: string | number | null | undefined): string | null {
  if (fen === null || fen === undefined) return null;
  const s = String(fen);
  const neg = s.startsWith('-');
  const digits = (neg ? s.slice(1) : s).padStart(3, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function shortHash(h: string | null | undefined, n = 12): string {
  return h ? `${h.slice(0, n)}…` : '—';
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A label the API sends either as a string or as `{ zh, en }`: the Chinese text (React cannot render the object). */
export type ApiLabel = string | { zh: string; en?: string } | null | undefined;
export function zh(label: ApiLabel, fallback = '—'): string {
  if (label === null || label === undefined) return fallback;
  if (typeof label === 'string') return label || fallback;
  return label.zh || label.en || fallback;
}
