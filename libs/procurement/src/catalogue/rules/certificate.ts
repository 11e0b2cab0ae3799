// 医疗器械注册管理办法: a registration certificate is valid through its expiry date; after it, the device may not be sold.

/** 国械注准/国械注进/国械注许 (imported, HK/Macau/Taiwan) or a province's 械注准, then year + class + serial (11 digits). */
const CERTIFICATE_NO = /^[\u4e00-\u9fff]{1,4}械注[准进许]\d{11}$/;

export const isCertificateNo = (text: string) => CERTIFICATE_NO.test(text);

/** The platform's calendar day is Beijing time (UTC+8, no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The instant a certificate valid until `date` (YYYY-MM-DD, inclusive) stops being valid: the next midnight in Shanghai. */
export function certificateExpiresAt(date: string): Date {
  const startOfDayUtc = Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
  return new Date(startOfDayUtc + 24 * 3600 * 1000);
}

/** The Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Still valid at `now`: valid until today (inclusive) or later. */
export const certificateValid = (validUntil: string, now: Date) => validUntil >= shanghaiDate(now);
