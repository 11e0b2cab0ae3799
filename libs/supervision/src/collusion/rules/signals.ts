// 招标投标法实施条例 40: identical documents, the same payer of deposits and 投标报价呈规律性差异 are deemed collusion; the rest are indicators for review.

/** One opened bid of a section, as the signals need it. */
export interface BidFacts {
  /** the bid's id, or the quote's on an e-mall round */
  bidId: string;
  organisationId: string;
  /** null for quotes, which carry no documents */
  documentsSha256: string | null;
  clientIp: string | null;
  deviceId?: string | null;
  /** the bid tool's serial as the client declared it */
  toolSerial?: string | null;
  /** authoring fields read from the documents at the opening */
  documentsMeta?: { author?: string; lastModifiedBy?: string } | null;
  /** fen; null only for a bid not opened (never passed in by the scan) */
  priceFen: bigint | null;
}

export interface DepositFacts {
  depositId: string;
  organisationId: string;
  payerAccount: string | null;
}

export type SignalKind = 'same_documents' | 'same_document_metadata' | 'same_ip' | 'same_device' | 'same_payer_account' | 'price_progression' | 'price_cluster';
export const SIGNAL_KINDS: readonly SignalKind[] = ['same_documents', 'same_document_metadata', 'same_ip', 'same_device', 'same_payer_account', 'price_progression', 'price_cluster'];
/** The authoring fields compared across bidders: who wrote the documents, and the serial of the tool that made them. */
export type MetadataField = 'author' | 'lastModifiedBy' | 'toolSerial';

export interface BidRef {
  bidId: string;
  organisationId: string;
}
export interface PricedBidRef extends BidRef {
  priceFen: string;
}

export type Signal =
  | { kind: 'same_documents'; evidence: { documentsSha256: string; bids: BidRef[] } }
  | { kind: 'same_document_metadata'; evidence: { field: MetadataField; value: string; bids: BidRef[] } }
  | { kind: 'same_ip'; evidence: { clientIp: string; bids: BidRef[] } }
  | { kind: 'same_device'; evidence: { deviceId: string; bids: BidRef[] } }
  | { kind: 'same_payer_account'; evidence: { payerAccount: string; deposits: { depositId: string; organisationId: string }[] } }
  | { kind: 'price_progression'; evidence: { bids: PricedBidRef[]; differencesFen: string[]; maxMinRatio: number; tolerance: number } }
  | { kind: 'price_cluster'; evidence: { bids: PricedBidRef[]; meanFen: string; stddevFen: string; cv: number; threshold: number } };

/** R1 progression: at least this many prices… */
export const PROGRESSION_MIN_BIDS = 3;
/** R1 …whose successive sorted differences differ by no more than this factor (largest / smallest). */
export const PROGRESSION_MAX_MIN_RATIO = 1.05;
/** R2 cluster: at least this many prices… */
export const CLUSTER_MIN_BIDS = 3;
/**
 * R2 …with a coefficient of variation (population standard deviation / mean) below this. 1.5 %: four prices one
 * per cent apart (CV 1.1 %) count as clustered; competitive tenders usually spread several per cent.
 */
export const CLUSTER_MAX_CV = 0.015;
/** Ratios and CVs are rounded in the evidence so that the same bids always give the same evidence digest. */
const DIGITS = 6;

const round = (x: number) => Number(x.toFixed(DIGITS));
const ref = (b: BidFacts): BidRef => ({ bidId: b.bidId, organisationId: b.organisationId });
const priced = (b: BidFacts): PricedBidRef => ({ ...ref(b), priceFen: String(b.priceFen) });
const byBidId = (a: { bidId: string }, b: { bidId: string }) => (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0);

/** Groups of items sharing a key across at least two organisations, in key order. */
function shared<T extends { organisationId: string }>(items: T[], key: (t: T) => string | null): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (!k) continue;
    groups.set(k, [...(groups.get(k) ?? []), it]);
  }
  return [...groups.entries()]
    .filter(([, g]) => new Set(g.map((x) => x.organisationId)).size >= 2)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The same bid documents (by SHA-256) submitted by different bidders. */
export function sameDocuments(bids: BidFacts[]): Signal[] {
  return shared(bids, (b) => b.documentsSha256?.toLowerCase() ?? null).map(([documentsSha256, g]) => ({
    kind: 'same_documents' as const,
    evidence: { documentsSha256, bids: g.map(ref).sort(byBidId) },
  }));
}

/** Bids of different bidders submitted from the same IP address. */
export function sameIp(bids: BidFacts[]): Signal[] {
  return shared(bids, (b) => b.clientIp?.trim().toLowerCase() || null).map(([clientIp, g]) => ({
    kind: 'same_ip' as const,
    evidence: { clientIp, bids: g.map(ref).sort(byBidId) },
  }));
}

/** Bids of different bidders sent from the same device (as the bidding clients declare it). */
export function sameDevice(bids: BidFacts[]): Signal[] {
  return shared(bids, (b) => b.deviceId?.trim().toUpperCase() || null).map(([deviceId, g]) => ({
    kind: 'same_device' as const,
    evidence: { deviceId, bids: g.map(ref).sort(byBidId) },
  }));
}

const METADATA_FIELDS: readonly MetadataField[] = ['author', 'lastModifiedBy', 'toolSerial'];
const metadataValue = (b: BidFacts, f: MetadataField): string | null =>
  (f === 'toolSerial' ? b.toolSerial : b.documentsMeta?.[f])?.normalize('NFKC').trim().toLowerCase() || null;

/** Documents of different bidders written by the same author, last saved by the same person, or made by the same tool serial. */
export function sameDocumentMetadata(bids: BidFacts[]): Signal[] {
  return METADATA_FIELDS.flatMap((field) =>
    shared(bids, (b) => metadataValue(b, field)).map(([value, g]) => ({
      kind: 'same_document_metadata' as const,
      evidence: { field, value, bids: g.map(ref).sort(byBidId) },
    })),
  );
}

/** Deposits of different bidders paid from the same account (spaces and dashes ignored). */
export function samePayerAccount(deposits: DepositFacts[]): Signal[] {
  return shared(deposits, (d) => d.payerAccount?.replace(/[\s-]/g, '').toUpperCase() || null).map(([payerAccount, g]) => ({
    kind: 'same_payer_account' as const,
    evidence: {
      payerAccount,
      deposits: g.map((d) => ({ depositId: d.depositId, organisationId: d.organisationId })).sort((a, b) => (a.depositId < b.depositId ? -1 : 1)),
    },
  }));
}

/**
 * R1: runs of ≥ PROGRESSION_MIN_BIDS sorted prices whose successive (non-zero) differences stay within
 * PROGRESSION_MAX_MIN_RATIO of each other. Runs are grown greedily and may share their boundary price.
 */
export function priceProgression(bids: BidFacts[]): Signal[] {
  const sorted = bids.filter((b) => b.priceFen !== null).sort((a, b) => (a.priceFen! < b.priceFen! ? -1 : a.priceFen! > b.priceFen! ? 1 : byBidId(a, b)));
  const out: Signal[] = [];
  let start = 0;
  while (start + PROGRESSION_MIN_BIDS <= sorted.length) {
    let end = start + 1; // the run is sorted[start..end]
    let lo = Infinity;
    let hi = 0;
    while (end < sorted.length) {
      const d = Number(sorted[end].priceFen! - sorted[end - 1].priceFen!);
      const nlo = Math.min(lo, d);
      const nhi = Math.max(hi, d);
      if (d <= 0 || nhi > nlo * PROGRESSION_MAX_MIN_RATIO) break;
      lo = nlo;
      hi = nhi;
      end++;
    }
    const run = sorted.slice(start, end);
    if (run.length >= PROGRESSION_MIN_BIDS) {
      out.push({
        kind: 'price_progression',
        evidence: {
          bids: run.map(priced),
          differencesFen: run.slice(1).map((b, i) => String(b.priceFen! - run[i].priceFen!)),
          maxMinRatio: round(hi / lo),
          tolerance: PROGRESSION_MAX_MIN_RATIO,
        },
      });
      start = end - 1;
    } else {
      start++;
    }
  }
  return out;
}

/** R2: all opened prices of the section within CLUSTER_MAX_CV of their mean. */
export function priceCluster(bids: BidFacts[]): Signal[] {
  const p = bids.filter((b) => b.priceFen !== null);
  if (p.length < CLUSTER_MIN_BIDS) return [];
  const xs = p.map((b) => Number(b.priceFen));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  if (mean <= 0) return [];
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  const cv = sd / mean;
  if (cv >= CLUSTER_MAX_CV) return [];
  return [
    {
      kind: 'price_cluster',
      evidence: { bids: p.map(priced).sort(byBidId), meanFen: Math.round(mean).toString(), stddevFen: Math.round(sd).toString(), cv: round(cv), threshold: CLUSTER_MAX_CV },
    },
  ];
}

/** Every signal of one opened section or quote round. Only bids of distinct organisations are compared (one current bid each). */
export function collusionSignals(bids: BidFacts[], deposits: DepositFacts[]): Signal[] {
  return [
    ...sameDocuments(bids),
    ...sameDocumentMetadata(bids),
    ...sameIp(bids),
    ...sameDevice(bids),
    ...samePayerAccount(deposits),
    ...priceProgression(bids),
    ...priceCluster(bids),
  ];
}
