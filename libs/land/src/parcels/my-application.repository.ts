import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

/** A 竞买申请 of the caller's organisation with the parcel it is for; the paddle is the applicant's own to see. */
export interface MyApplicationRow {
  id: string;
  parcelId: string;
  code: string;
  name: string;
  location: string;
  mode: string;
  parcelStatus: string;
  lotId: string | null;
  lotPhase: string | null;
  listingStartsAt: Date | null;
  listingEndsAt: Date | null;
  auctionAt: Date | null;
  outcome: string | null;
  won: boolean;
  status: string;
  rejectReason: string | null;
  decidedAt: Date | null;
  paddle: number | null;
  continueDeclaredAt: Date | null;
  fileName: string;
  sha256: string;
  depositMethod: string;
  depositReference: string;
  depositAmountFen: string;
  depositStatus: string;
  refundDue: Date | null;
  refundedAt: Date | null;
  appliedAt: Date;
}

const WHERE = `WHERE a.organisation_id = $1 AND ($2::text IS NULL OR a.status = $2)`;

/** The buyer's side of land, read only: its applications, newest first. */
@Injectable()
export class MyApplicationRepository {
  async page(em: EntityManager, organisationId: string, status: string | null, page: number, pageSize: number): Promise<{ items: MyApplicationRow[]; total: number }> {
    const items = rowsOf<MyApplicationRow>(
      await em.query(
        `SELECT a.id, a.project_id AS "parcelId", p.code, p.name, l.location, l.mode, l.status AS "parcelStatus", l.lot_id AS "lotId", lot.phase AS "lotPhase",
                l.listing_starts_at AS "listingStartsAt", l.listing_ends_at AS "listingEndsAt", l.auction_at AS "auctionAt", l.outcome,
                coalesce(l.winner_organisation_id = a.organisation_id, false) AS won, a.status, a.reject_reason AS "rejectReason", a.decided_at AS "decidedAt",
                a.paddle, a.continue_declared_at AS "continueDeclaredAt", a.file_name AS "fileName", a.sha256, a.deposit_method AS "depositMethod",
                a.deposit_reference AS "depositReference", a.deposit_amount_fen::text AS "depositAmountFen", a.deposit_status AS "depositStatus",
                a.refund_due AS "refundDue", a.refunded_at AS "refundedAt", a.applied_at AS "appliedAt"
         FROM land_application a JOIN land_parcel l ON l.project_id = a.project_id JOIN trading_project p ON p.id = a.project_id
         LEFT JOIN lot ON lot.id = l.lot_id
         ${WHERE}
         ORDER BY a.applied_at DESC, a.id
         LIMIT $3 OFFSET $4`,
        [organisationId, status, pageSize, (page - 1) * pageSize],
      ),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM land_application a ${WHERE}`, [organisationId, status]);
    return { items, total };
  }
}
