import { HttpStatus } from '@nestjs/common';

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

export interface ErrorSpec {
  status: RefusalStatus;
  zh: string;
  en: string;
}

/** A refusal the API returns as `{ code, message: { zh, en }, details }` with its HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: RefusalStatus,
    readonly zh: string,
    readonly en: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${en}`);
  }
}

export type ErrorCatalogue<K extends string> = {
  [C in K]: (details?: Record<string, unknown>) => DomainError;
};

/** One catalogue per domain: `const E = defineErrors({ LOT_CLOSED: { status: 409, zh, en } }); throw E.LOT_CLOSED();` */
export function defineErrors<K extends string>(specs: Record<K, ErrorSpec>): ErrorCatalogue<K> & { specs: Record<K, ErrorSpec> } {
  const makers: Record<string, (details?: Record<string, unknown>) => DomainError> = {};
  for (const code of Object.keys(specs) as K[]) {
    const s = specs[code];
    makers[code] = (details) => new DomainError(code, s.status, s.zh, s.en, details);
  }
  return { ...(makers as ErrorCatalogue<K>), specs };
}

export const HTTP_STATUS = HttpStatus;
