// 电子招标投标办法: the platform refuses unencrypted bids and nobody decrypts before the deadline.
import { createHash } from 'node:crypto';
import { openWith, sealWith } from '@app/platform/crypto/sealer';

export interface SealedBid {
  priceSealed: Buffer;
  documentsSealed: Buffer;
  fileNameSealed: Buffer;
  documentsSha256: string;
  bidDigest: string;
}

const aad = (bidId: string, part: 'price' | 'documents' | 'file-name') => `tender-bid:${bidId}:${part}`;

/**
 * The receipt's digest binds the price to the documents: SHA-256 over the documents, the section and the price. A
 * digest of the price alone could be reversed by trying prices; with megabytes of sealed documents it cannot.
 */
export function bidDigest(documents: Buffer, sectionId: string, priceFen: bigint): string {
  return createHash('sha256').update(documents).update(`\nsection:${sectionId}\nprice-fen:${priceFen}`).digest('hex');
}

export function sealBid(dataKey: Buffer, bidId: string, sectionId: string, priceFen: bigint, documents: Buffer, fileName: string): SealedBid {
  return {
    priceSealed: sealWith(dataKey, Buffer.from(priceFen.toString()), aad(bidId, 'price')),
    documentsSealed: sealWith(dataKey, documents, aad(bidId, 'documents')),
    fileNameSealed: sealWith(dataKey, Buffer.from(fileName), aad(bidId, 'file-name')),
    documentsSha256: createHash('sha256').update(documents).digest('hex'),
    bidDigest: bidDigest(documents, sectionId, priceFen),
  };
}

export function openPrice(dataKey: Buffer, bidId: string, sealed: Buffer): bigint {
  return BigInt(openWith(dataKey, sealed, aad(bidId, 'price')).toString());
}

export function openDocuments(dataKey: Buffer, bidId: string, sealed: Buffer): Buffer {
  return openWith(dataKey, sealed, aad(bidId, 'documents'));
}

export function openFileName(dataKey: Buffer, bidId: string, sealed: Buffer): string {
  return openWith(dataKey, sealed, aad(bidId, 'file-name')).toString();
}
