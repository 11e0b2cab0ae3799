// 网上竞价 quotes are sealed like tender bids (电子招标投标办法): encrypted on arrival, opened after the deadline only.
import { createHash, randomBytes } from 'node:crypto';
import { openWith, sealWith } from '@app/platform/crypto/sealer';

export interface QuoteContent {
  totalFen: bigint;
  /** unit prices per requirement line, in the requirement's order; null when only a total was quoted */
  unitPricesFen: bigint[] | null;
}

const aad = (quoteId: string) => `procurement-quote:${quoteId}`;
export const requirementKeyAad = (requirementId: string) => `procurement_requirement:${requirementId}`;

/**
 * The receipt's digest binds the price to a random nonce sealed beside it: a digest of a price alone could be reversed
 * by trying prices, and the digest sits in the audit chain that supervisors read before the deadline.
 */
export function quoteDigest(quoteId: string, requirementId: string, round: number, nonce: string, content: QuoteContent): string {
  const items = content.unitPricesFen ? content.unitPricesFen.join(',') : '-';
  return createHash('sha256').update(`procurement-quote:${quoteId}\nrequirement:${requirementId}\nround:${round}\nnonce:${nonce}\ntotal-fen:${content.totalFen}\nitems-fen:${items}`).digest('hex');
}

export function sealQuote(dataKey: Buffer, quoteId: string, requirementId: string, round: number, content: QuoteContent): { sealed: Buffer; digest: string; nonce: string } {
  const nonce = randomBytes(16).toString('hex');
  const body = JSON.stringify({ totalFen: content.totalFen.toString(), unitPricesFen: content.unitPricesFen?.map(String) ?? null, nonce });
  return { sealed: sealWith(dataKey, Buffer.from(body), aad(quoteId)), digest: quoteDigest(quoteId, requirementId, round, nonce, content), nonce };
}

export function openQuote(dataKey: Buffer, quoteId: string, sealed: Buffer): QuoteContent & { nonce: string } {
  const body = JSON.parse(openWith(dataKey, sealed, aad(quoteId)).toString()) as { totalFen: string; unitPricesFen: string[] | null; nonce: string };
  return { totalFen: BigInt(body.totalFen), unitPricesFen: body.unitPricesFen?.map((p) => BigInt(p)) ?? null, nonce: body.nonce };
}
