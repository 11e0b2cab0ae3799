import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { TenderStatus } from '../rules/tender-state';

/** One registration × section of the caller's organisation, with its deposit and its live (or withdrawn) bid. Never a price. */
export interface MyRegistrationRow {
  projectId: string;
  code: string;
  name: string;
  tenderStatus: string;
  bidDeadline: Date | null;
  openedAt: Date | null;
  registeredAt: Date;
  sectionNo: number;
  sectionName: string;
  sectionStatus: string;
  requiredDepositFen: string;
  depositId: string | null;
  depositMethod: string | null;
  depositReference: string | null;
  depositAmountFen: string | null;
  depositStatus: string | null;
  depositDeclaredAt: Date | null;
  depositConfirmedAt: Date | null;
  depositRefundDue: Date | null;
  depositRefundedAt: Date | null;
  depositReleasedAt: Date | null;
  receiptNo: string | null;
  bidStatus: string | null;
  bidSubmittedAt: Date | null;
  bidDigest: string | null;
  documentsSha256: string | null;
  bidWithdrawnAt: Date | null;
}

const FROM = `
  FROM tender_registration r
  JOIN tender t ON t.project_id = r.project_id
  JOIN tender_section s ON s.project_id = r.project_id`;

const WHERE = `WHERE r.organisation_id = $1 AND ($2::text IS NULL OR t.status = $2)`;

/** The bidder's side of tendering, read only: registrations (per project) spread over the sections, newest first. */
@Injectable()
export class MyRegistrationRepository {
  async page(em: EntityManager, organisationId: string, status: TenderStatus | null, page: number, pageSize: number): Promise<{ items: MyRegistrationRow[]; total: number }> {
    const items = rowsOf<MyRegistrationRow>(
      await em.query(
        `SELECT p.id AS "projectId", p.code, p.name, t.status AS "tenderStatus", t.bid_deadline AS "bidDeadline", t.opened_at AS "openedAt", r.registered_at AS "registeredAt",
                s.no AS "sectionNo", s.name AS "sectionName", s.status AS "sectionStatus", s.deposit_fen::text AS "requiredDepositFen",
                d.id AS "depositId", d.method AS "depositMethod", d.reference AS "depositReference", d.amount_fen::text AS "depositAmountFen", d.status AS "depositStatus",
                d.declared_at AS "depositDeclaredAt", d.confirmed_at AS "depositConfirmedAt", d.refund_due AS "depositRefundDue", d.refunded_at AS "depositRefundedAt", d.released_at AS "depositReleasedAt",
                b.id AS "receiptNo", b.status AS "bidStatus", coalesce(b.received_at, b.submitted_at) AS "bidSubmittedAt", b.bid_digest AS "bidDigest", b.documents_sha256 AS "documentsSha256",
                b.withdrawn_at AS "bidWithdrawnAt"
         ${FROM}
         JOIN trading_project p ON p.id = r.project_id
         LEFT JOIN tender_deposit d ON d.section_id = s.id AND d.organisation_id = r.organisation_id
         LEFT JOIN LATERAL (
           SELECT b.id, b.status, b.submitted_at, b.received_at, b.bid_digest, b.documents_sha256, b.withdrawn_at FROM tender_bid b
           WHERE b.section_id = s.id AND b.organisation_id = r.organisation_id AND b.status <> 'replaced'
           ORDER BY b.submitted_at DESC LIMIT 1) b ON true
         ${WHERE}
         ORDER BY r.registered_at DESC, r.project_id, s.no
         LIMIT $3 OFFSET $4`,
        [organisationId, status, pageSize, (page - 1) * pageSize],
      ),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total ${FROM} ${WHERE}`, [organisationId, status]);
    return { items, total };
  }
}
