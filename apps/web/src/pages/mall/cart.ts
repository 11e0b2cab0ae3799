/**
 * The purchaser's cart and comparison list: pure functions over plain data (unit-tested in cart.spec.ts) and a small
 * store in localStorage per account. Amounts stay yuan strings; sums are BigInt fen, never floats.
 */
import { MallProduct } from '../../api/mall-types';

/** Side by side fits four products at 1440 px; a fifth is refused with a message. */
export const MAX_COMPARE = 4;

export interface CartLine {
  productId: string;
  quantity: number;
  /** what the purchaser saw when adding it; the cart re-reads the current price before ordering */
  product: MallProduct;
}

export interface SupplierGroup {
  supplierId: string;
  supplierName: string;
  lines: CartLine[];
  /** yuan string, exact */
  total: string;
}

/** "1299.5" → 129950n; null when the text is not yuan with at most two decimals. */
export function toFen(yuan: string): bigint | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt(((m[2] ?? '') + '00').slice(0, 2));
}

/** 129950n → "1299.50". */
export function fenToYuanString(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** unit price × quantity, exact. */
export function lineAmount(price: string, quantity: number): string {
  return fenToYuanString((toFen(price) ?? 0n) * BigInt(quantity));
}

export function sumYuan(values: string[]): string {
  return fenToYuanString(values.reduce((s, v) => s + (toFen(v) ?? 0n), 0n));
}

/** Adds a product (or more of it). Quantities stay whole and at least 1. */
export function addToCart(cart: CartLine[], product: MallProduct, quantity = 1): CartLine[] {
  const q = Math.max(1, Math.floor(quantity));
  const at = cart.findIndex((l) => l.productId === product.id);
  if (at < 0) return [...cart, { productId: product.id, quantity: q, product }];
  return cart.map((l, i) => (i === at ? { ...l, quantity: l.quantity + q, product } : l));
}

export function setQuantity(cart: CartLine[], productId: string, quantity: number): CartLine[] {
  const q = Math.max(1, Math.floor(quantity || 1));
  return cart.map((l) => (l.productId === productId ? { ...l, quantity: q } : l));
}

export function removeFromCart(cart: CartLine[], productIds: string[]): CartLine[] {
  return cart.filter((l) => !productIds.includes(l.productId));
}

/** The current record of each product replaces what was seen when it was added. */
export function refreshCart(cart: CartLine[], current: Map<string, MallProduct>): CartLine[] {
  return cart.map((l) => (current.has(l.productId) ? { ...l, product: current.get(l.productId)! } : l));
}

/** One order per supplier (the API refuses mixed suppliers): the cart is split by supplier, in the order added. */
export function groupBySupplier(cart: CartLine[]): SupplierGroup[] {
  const groups = new Map<string, SupplierGroup>();
  for (const l of cart) {
    const g = groups.get(l.product.supplierId) ?? { supplierId: l.product.supplierId, supplierName: l.product.supplierName, lines: [], total: '0.00' };
    g.lines.push(l);
    groups.set(l.product.supplierId, g);
  }
  return [...groups.values()].map((g) => ({ ...g, total: sumYuan(g.lines.map((l) => lineAmount(l.product.price, l.quantity))) }));
}

/** What the page can tell before asking the API: over the direct-purchase threshold, over the budget line's remainder. */
export function precheck(total: string, threshold: string | null, remaining: string | null): { overThreshold: boolean; overBudget: boolean } {
  const t = toFen(total) ?? 0n;
  return {
    overThreshold: threshold !== null && t > (toFen(threshold) ?? 0n),
    overBudget: remaining !== null && t > (toFen(remaining) ?? 0n),
  };
}

/** Toggles a product in the comparison; refuses a fifth (returns the list unchanged and `full`). */
export function toggleCompare(list: MallProduct[], product: MallProduct): { list: MallProduct[]; full: boolean } {
  if (list.some((p) => p.id === product.id)) return { list: list.filter((p) => p.id !== product.id), full: false };
  if (list.length >= MAX_COMPARE) return { list, full: true };
  return { list: [...list, product], full: false };
}

/** The rows of a comparison where the products differ (shown highlighted). */
export function differingFields(list: MallProduct[], fields: (keyof MallProduct)[]): Set<keyof MallProduct> {
  const out = new Set<keyof MallProduct>();
  for (const f of fields) if (new Set(list.map((p) => JSON.stringify(p[f] ?? null))).size > 1) out.add(f);
  return out;
}

/** Certificate state of a consumable on a given Beijing day: valid, expiring within `soonDays`, expired; null without one. */
export function certificateState(validUntil: string | null, today: string, soonDays = 90): { state: 'valid' | 'expiring' | 'expired'; daysLeft: number } | null {
  if (!validUntil) return null;
  const days = Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { state: days < 0 ? 'expired' : days <= soonDays ? 'expiring' : 'valid', daysLeft: days };
}

const key = (accountId: string) => `yg.mall.cart.${accountId}`;

/** The cart survives a reload and a new tab of the same account (it holds no secret: product ids and quantities). */
export const cartStore = {
  load(accountId: string): CartLine[] {
    try {
      const raw = localStorage.getItem(key(accountId));
      const v = raw ? (JSON.parse(raw) as CartLine[]) : [];
      return Array.isArray(v) ? v.filter((l) => l && typeof l.productId === 'string' && Number.isInteger(l.quantity) && l.product) : [];
    } catch {
      return [];
    }
  },
  save(accountId: string, cart: CartLine[]): void {
    localStorage.setItem(key(accountId), JSON.stringify(cart));
  },
};
