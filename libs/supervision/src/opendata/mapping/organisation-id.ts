// org-id.guide lists CN-SAIC (the SAIC register, now SAMR) for China; no list there covers the whole GB 32100-2015 code.
import { OcdsIdentifier } from './ocds-types';

/** Registration authority '9' (工商 / 市场监管) issues the codes of companies, sole traders and co-operatives: CN-SAIC. */
export const SAIC_SCHEME = 'CN-SAIC';
/**
 * Codes of other authorities (机构编制 1, 民政 5, 农业 N …: government bodies, social organisations, collectives) are in
 * no org-id.guide list yet; they keep the code under this scheme until the publisher has one registered there.
 */
export const USCC_SCHEME = 'CN-USCC';

export function identifierScheme(uscc: string): string {
  return uscc.startsWith('9') ? SAIC_SCHEME : USCC_SCHEME;
}

export function organisationIdentifier(uscc: string, legalName: string): OcdsIdentifier {
  return { scheme: identifierScheme(uscc), id: uscc, legalName };
}

/** {scheme}-{id}, as the schema recommends for Organization.id. */
export function partyId(uscc: string): string {
  return `${identifierScheme(uscc)}-${uscc}`;
}
