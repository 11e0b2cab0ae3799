import { randomBytes } from 'node:crypto';
import { bidDigest, openDocuments, openFileName, openPrice, sealBid } from './bid-sealing';

describe('sealed bids', () => {
  const key = randomBytes(32);
  const docs = Buffer.from('投标文件正文……'.repeat(1000));

  it('keeps the price and documents unreadable and opens them with the project key', () => {
    const s = sealBid(key, 'b1', 's1', 123456789n, docs, '投标文件.pdf');
    expect(s.priceSealed.toString('latin1')).not.toContain('123456789');
    expect(s.documentsSealed.includes(docs.subarray(0, 64))).toBe(false);
    expect(openPrice(key, 'b1', s.priceSealed)).toBe(123456789n);
    expect(openDocuments(key, 'b1', s.documentsSealed).equals(docs)).toBe(true);
    expect(openFileName(key, 'b1', s.fileNameSealed)).toBe('投标文件.pdf');
    expect(s.bidDigest).toBe(bidDigest(docs, 's1', 123456789n));
  });

  it('refuses another bid’s box, another key, and a digest with another price', () => {
    const s = sealBid(key, 'b1', 's1', 100n, docs, 'a.pdf');
    expect(() => openPrice(key, 'b2', s.priceSealed)).toThrow();
    expect(() => openPrice(randomBytes(32), 'b1', s.priceSealed)).toThrow();
    expect(bidDigest(docs, 's1', 101n)).not.toBe(s.bidDigest);
  });
});
