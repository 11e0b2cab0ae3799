import { QueryFailedError } from 'typeorm';
import type { Sealer } from '@app/platform/crypto/sealer';
import { ExpertDraft } from '../rules/expert-row';
import { maskIdNumber } from '../rules/id-number';
import { SealedExpert } from './expert.repository';

/** Purpose and associated data of the sealed ID number: the row id is unknown before insert, so the aad is constant. */
export const ID_NUMBER_PURPOSE = 'expert-id-number';

export type IdNumberSealer = Pick<Sealer, 'seal' | 'blindIndex'>;

export const idNumberIndex = (sealer: IdNumberSealer, idNumber: string): string => sealer.blindIndex(ID_NUMBER_PURPOSE, idNumber);

export function sealExpert(sealer: IdNumberSealer, d: ExpertDraft, index = idNumberIndex(sealer, d.idNumber)): SealedExpert {
  return {
    name: d.name,
    idNumberSealed: sealer.seal(ID_NUMBER_PURPOSE, d.idNumber, ID_NUMBER_PURPOSE),
    idNumberIndex: index,
    idNumberMasked: maskIdNumber(d.idNumber),
    phone: d.phone,
    employerUscc: d.employerUscc,
    employerName: d.employerName,
    region: d.region,
    title: d.title,
    qualification: d.qualification,
    status: d.status,
    suspendedUntil: d.suspendedUntil,
    specialties: d.specialties,
  };
}

/** What an audit entry may say about a new expert: everything but the ID number, which appears masked. */
export function auditableExpert(d: ExpertDraft): Record<string, unknown> {
  const { idNumber, ...rest } = d;
  return { ...rest, idNumberMasked: maskIdNumber(idNumber) };
}

export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const driver = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}
