import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { ApplicationStatus } from './deal.types';

/** A 受让报名 of the caller's organisation (one per listing round) with the deal and the round it is for. */
export interface MyApplicationRow {
  id: string;
  dealId: string;
  code: string;
  name: string;
  kind: string;
  kindZh: string;
  dealStatus: string;
  dealRound: number;
  round: number;
  lotId: string | null;
  listingStartsAt: Date | null;
  listingEndsAt: Date | null;
  listingOutcome: string | null;
  won: boolean;
  method: string;
  reference: string;
  amountFen: string;
  status: ApplicationStatus;
  paddle: number | null;
  declaredAt: Date;
  confirmedAt: Date | null;
  refundDue: Date | null;
  refundedAt: Date | null;
}

const WHERE = `WHERE r.organisation_id = $1 AND ($2::text IS NULL OR r.status = $2)`;

/** The transferee's side of rural deals, read only: its applications, newest first. */
@Injectable()
export class MyApplicationRepository {
  async page(em: EntityManager, organisationId: string, status: ApplicationStatus | null, page: number, pageSize: number): Promise<{ items: MyApplicationRow[]; total: number }> {
    const items = rowsOf<MyApplicationRow>(
      await em.query(
        `SELECT r.id, r.project_id AS "dealId", p.code, p.name, d.kind, k.name_zh AS "kindZh", d.status AS "dealStatus", d.round AS "dealRound", r.round,
                l.lot_id AS "lotId", l.starts_at AS "listingStartsAt", l.ends_at AS "listingEndsAt", l.outcome AS "listingOutcome",
                coalesce(d.buyer_organisation_id = r.organisation_id, false) AS won, r.method, r.reference, r.amount_fen::text AS "amountFen", r.status, r.paddle,
                r.declared_at AS "declaredAt", r.confirmed_at AS "confirmedAt", r.refund_due AS "refundDue", r.refunded_at AS "refundedAt"
         FROM rural_application r JOIN rural_deal d ON d.project_id = r.project_id JOIN trading_project p ON p.id = r.project_id
         JOIN rural_kind k ON k.code = d.kind JOIN rural_listing l ON l.project_id = r.project_id AND l.round = r.round
         ${WHERE}
         ORDER BY r.declared_at DESC, r.id
         LIMIT $3 OFFSET $4`,
        [organisationId, status, pageSize, (page - 1) * pageSize],
      ),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM rural_application r ${WHERE}`, [organisationId, status]);
    return { items, total };
  }
}
