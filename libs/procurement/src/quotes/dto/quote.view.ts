import { Money } from '@app/platform/money/money';
import { QuoteRow, RequirementItem, RequirementRow } from '../quote.repository';

/** 回执: the server's time, and a digest that proves the quote once it is opened; never the price. */
export interface QuoteReceipt {
  receiptNo: string;
  requirementId: string;
  round: number;
  organisationId: string;
  /** when the server had fully received the quote (the time the deadline is judged on) */
  receivedAt: Date | null;
  submittedAt: Date;
  quoteDigest: string;
  status: string;
  replaces?: string | null;
  /** given once, to the supplier: with its price it reproduces the digest */
  nonce?: string;
}

export interface OpenedQuoteView {
  quoteId: string;
  supplierName: string;
  price: string;
  unitPrices: string[] | null;
  submittedAt: Date;
  quoteDigest: string;
  valid: boolean;
  invalidReason: string | null;
}

export interface RoundView {
  round: number;
  quotes: OpenedQuoteView[];
}

export interface RequirementView {
  id: string;
  /** the kernel's project (中止 and 恢复 act on it); null for requirements made before the e-mall had projects */
  projectId: string | null;
  /** published, suspended (中止), … */
  projectStatus: string | null;
  title: string;
  purchaserName: string;
  categoryCode: string;
  items: RequirementItem[];
  deliveryRegion: string;
  deliveryDate: string;
  maxPrice: string;
  ruleSet: { id: string; version: number; sandbox: boolean; minQuotes: number; quoteWindow: { value: number; unit: string } };
  round: number;
  status: string;
  quoteDeadline: Date;
  closedAt: Date | null;
  switchReason: string | null;
  /** after the deadline only: every opened quote of every round */
  rounds: RoundView[];
  winner: { quoteId: string; supplierName: string; price: string; submittedAt: Date } | null;
  orderId: string | null;
}

export function receiptOf(q: QuoteRow, requirementId: string): QuoteReceipt {
  return { receiptNo: q.id, requirementId, round: q.round, organisationId: q.organisationId, receivedAt: q.receivedAt, submittedAt: q.submittedAt, quoteDigest: q.quoteDigest, status: q.status };
}

const yuan = (fen: string) => Money.ofFen(fen).toYuan();

export function openedQuoteView(q: QuoteRow): OpenedQuoteView {
  return {
    quoteId: q.id,
    supplierName: q.organisationName,
    price: yuan(q.totalFen!),
    unitPrices: q.itemPrices?.map(yuan) ?? null,
    submittedAt: q.submittedAt,
    quoteDigest: q.quoteDigest,
    valid: q.valid === true,
    invalidReason: q.invalidReason,
  };
}

/** The public record: the requirement always; quotes only once opened (the column is NULL before), live ones only. */
export function requirementView(r: RequirementRow, quotes: QuoteRow[]): RequirementView {
  const opened = quotes.filter((q) => q.openedAt !== null && q.status === 'submitted');
  const rounds = [...new Set(opened.map((q) => q.round))].sort().map((round) => ({ round, quotes: opened.filter((q) => q.round === round).map(openedQuoteView) }));
  const w = r.winnerQuoteId ? opened.find((q) => q.id === r.winnerQuoteId) : undefined;
  return {
    id: r.id,
    projectId: r.projectId,
    projectStatus: r.projectStatus,
    title: r.title,
    purchaserName: r.purchaserName,
    categoryCode: r.categoryCode,
    items: r.items,
    deliveryRegion: r.deliveryRegion,
    deliveryDate: r.deliveryDate,
    maxPrice: yuan(r.maxPriceFen),
    ruleSet: { id: r.ruleSetId, version: r.ruleSetVersion, sandbox: r.ruleSandbox, minQuotes: r.rules.minQuotes, quoteWindow: r.rules.quoteWindow },
    round: r.round,
    status: r.status,
    quoteDeadline: r.quoteDeadline,
    closedAt: r.closedAt,
    switchReason: r.switchReason,
    rounds,
    winner: w ? { quoteId: w.id, supplierName: w.organisationName, price: yuan(w.totalFen!), submittedAt: w.submittedAt } : null,
    orderId: r.orderId,
  };
}
