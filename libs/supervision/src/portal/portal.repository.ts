import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export type NoticeKind = 'announcement' | 'amendment' | 'candidates' | 'result' | 'contract' | 'suspension' | 'resumption';

export interface NoticeRow {
  kind: NoticeKind;
  domain: string;
  region: string | null;
  projectId: string | null;
  subjectId: string;
  sectionNo: number | null;
  code: string | null;
  title: string;
  publishedAt: Date;
  outcome: 'success' | 'failed' | null;
  amountFen: string | null;
  organisationName: string | null;
  buyerName: string | null;
  link: string | null;
  detail: { reason?: string; suspendedAt?: string; resumedAt?: string; times?: { label: string; from: string; to: string }[] } | null;
}

export interface NoticeFilter {
  kinds?: NoticeKind[];
  domain?: string;
  region?: string;
  keyword?: string;
  from?: Date;
  to?: Date;
  projectId?: string;
}

export interface PublicProjectRow {
  id: string;
  code: string;
  domain: string;
  name: string;
  region: string;
  status: string;
  publishedAt: Date;
  ownerName: string;
  agentName: string | null;
  /** an e-mall project: the online quote it is the project of */
  requirementId?: string | null;
}

export interface SectionRow {
  no: number;
  name: string;
  estimateFen: string;
  status: string;
  openedAt: Date | null;
  bidCount: number | null;
  publicityUntil: Date | null;
  candidates: { rank: number; bidderName: string; priceFen: string }[] | null;
  winner: string | null;
  awardFen: string | null;
  awardedAt: Date | null;
  contractSignedAt: Date | null;
  contractAmountFen: string | null;
}

export interface OpenedBidRow {
  no: number;
  bidderName: string;
  priceFen: string;
}

export interface DocumentRow {
  id: string;
  kind: string;
  fileName: string;
  sha256: string;
  size: number;
  createdAt: Date;
}

/** LIKE pattern of a keyword, its wildcards taken literally. */
const likeOf = (k: string) => `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const NOTICE = `
  SELECT n.kind, n.domain, n.region, n.project_id AS "projectId", n.subject_id AS "subjectId", n.section_no AS "sectionNo", n.code, n.title,
         n.published_at AS "publishedAt", n.outcome, n.amount_fen::text AS "amountFen", n.organisation_name AS "organisationName",
         coalesce(po.name, bo.name) AS "buyerName", n.link, n.detail
    FROM portal_notice n
    LEFT JOIN trading_project p ON p.id = n.project_id
    LEFT JOIN organisation po ON po.id = p.owner_organisation_id
    LEFT JOIN procurement_order o ON n.project_id IS NULL AND n.kind = 'contract' AND o.id = n.subject_id
    LEFT JOIN procurement_requirement r ON n.project_id IS NULL AND n.kind <> 'contract' AND r.id = n.subject_id
    LEFT JOIN organisation bo ON bo.id = coalesce(o.purchaser_organisation_id, r.purchaser_organisation_id)`;

/**
 * The portal's reads: the portal_notice view (1764000001800 migration) and the public columns of the domain tables.
 * Nothing here writes, and nothing selects a person: organisation names only, never accounts, contacts, experts or IPs.
 */
@Injectable()
export class PortalRepository {
  private where(f: NoticeFilter): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = ['n.published_at IS NOT NULL'];
    if (f.kinds) conds.push(`n.kind = ANY(${p(f.kinds)}::text[])`);
    if (f.domain) conds.push(`n.domain = ${p(f.domain)}`);
    if (f.region) conds.push(`n.region = ${p(f.region)}`);
    if (f.projectId) conds.push(`n.project_id = ${p(f.projectId)}::uuid`);
    if (f.from) conds.push(`n.published_at >= ${p(f.from)}`);
    if (f.to) conds.push(`n.published_at < ${p(f.to)}`);
    if (f.keyword) {
      const k = p(likeOf(f.keyword));
      conds.push(`(n.title ILIKE ${k} OR n.code ILIKE ${k})`);
    }
    return { sql: `WHERE ${conds.join(' AND ')}`, params };
  }

  /** Newest first; ties in a stable order so pages never overlap. */
  async notices(em: EntityManager, f: NoticeFilter, limit: number, offset: number): Promise<{ items: NoticeRow[]; total: number }> {
    const { sql, params } = this.where(f);
    const items = rowsOf<NoticeRow>(
      await em.query(`${NOTICE} ${sql} ORDER BY n.published_at DESC, n.kind, n.subject_id, n.section_no NULLS FIRST LIMIT ${limit} OFFSET ${offset}`, params),
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM portal_notice n ${sql}`, params);
    return { items, total };
  }

  async project(em: EntityManager, id: string): Promise<PublicProjectRow | undefined> {
    return rowsOf<PublicProjectRow>(
      await em.query(
        `SELECT p.id, p.code, p.domain, p.name, p.region, p.status, p.published_at AS "publishedAt", o.name AS "ownerName", a.name AS "agentName",
                (SELECT r.id FROM procurement_requirement r WHERE r.project_id = p.id) AS "requirementId"
           FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id LEFT JOIN organisation a ON a.id = p.agent_organisation_id
          WHERE p.id = $1 AND p.published_at IS NOT NULL`,
        [id],
      ),
    )[0];
  }

  /** The project's suspensions, oldest first, for its page (中止 / 恢复 and the new times). */
  async suspensions(em: EntityManager, projectId: string): Promise<{ suspendedAt: Date; reason: string; resumedAt: Date | null; shifted: { label: string; from: string; to: string }[] | null }[]> {
    return rowsOf(
      await em.query(`SELECT suspended_at AS "suspendedAt", reason, resumed_at AS "resumedAt", shifted FROM project_suspension WHERE project_id = $1 ORDER BY suspended_at`, [projectId]),
    );
  }

  /** Bid counts only once the tender has opened (招标投标法 22: nobody learns how many bid before). */
  async sections(em: EntityManager, projectId: string): Promise<SectionRow[]> {
    return rowsOf<SectionRow>(
      await em.query(
        `SELECT s.no, s.name, s.estimate_fen::text AS "estimateFen", s.status, t.opened_at AS "openedAt",
                CASE WHEN t.opened_at IS NOT NULL THEN (SELECT count(*)::int FROM tender_bid b WHERE b.section_id = s.id AND b.status = 'submitted') END AS "bidCount",
                s.publicity_until AS "publicityUntil",
                CASE WHEN s.status IN ('publicity','awarded') THEN
                  (SELECT jsonb_agg(jsonb_build_object('rank', c->'rank', 'bidderName', c->'bidderName', 'priceFen', c->'priceFen') ORDER BY (c->>'rank')::int)
                     FROM jsonb_array_elements(s.report->'candidates') c) END AS candidates,
                g.name AS winner, w.price_fen::text AS "awardFen", w.awarded_at AS "awardedAt",
                w.contract_signed_at AS "contractSignedAt", w.contract_amount_fen::text AS "contractAmountFen"
           FROM tender_section s
           JOIN tender t ON t.project_id = s.project_id
           LEFT JOIN tender_award w ON w.section_id = s.id
           LEFT JOIN organisation g ON g.id = w.organisation_id
          WHERE s.project_id = $1 ORDER BY s.no`,
        [projectId],
      ),
    );
  }

  /** The opening record (唱标): decrypted prices exist only after the opening (price_fen is NULL before). */
  async openedBids(em: EntityManager, projectId: string): Promise<OpenedBidRow[]> {
    return rowsOf<OpenedBidRow>(
      await em.query(
        `SELECT s.no, o.name AS "bidderName", b.price_fen::text AS "priceFen"
           FROM tender_bid b JOIN tender_section s ON s.id = b.section_id JOIN organisation o ON o.id = b.organisation_id
          WHERE s.project_id = $1 AND b.status = 'submitted' AND b.opened_at IS NOT NULL AND b.price_fen IS NOT NULL
          ORDER BY s.no, b.price_fen, o.name`,
        [projectId],
      ),
    );
  }

  /** The database's time (the clock deadlines are judged on), for the page's countdown. */
  async now(em: EntityManager): Promise<Date> {
    return rowsOf<{ now: Date }>(await em.query(`SELECT now() AS now`))[0].now;
  }

  /** Tender and amendment documents, or the collective's resolution, approval and contract: names and digests, never contents. */
  async documents(em: EntityManager, projectId: string, domain: string): Promise<DocumentRow[]> {
    const table = domain === 'tendering' ? 'tender_document' : domain === 'rural' ? 'rural_document' : null;
    if (!table) return [];
    return rowsOf<DocumentRow>(
      await em.query(`SELECT id, kind, file_name AS "fileName", sha256, size, created_at AS "createdAt" FROM ${table} WHERE project_id = $1 ORDER BY created_at, id`, [projectId]),
    );
  }

  async land(em: EntityManager, projectId: string): Promise<Record<string, unknown> | undefined> {
    return rowsOf<Record<string, unknown>>(
      await em.query(
        `SELECT l.mode, l.status, l.start_price_fen::text AS "startPriceFen", l.announced_at AS "announcedAt", l.listing_starts_at AS "listingStartsAt",
                l.listing_ends_at AS "listingEndsAt", l.auction_at AS "auctionAt", l.lot_id AS "lotId", l.outcome, l.winner_paddle AS "winnerPaddle",
                l.price_fen::text AS "priceFen", l.ended_at AS "endedAt", l.publicity_until AS "publicityUntil", l.confirmed_at AS "confirmedAt",
                CASE WHEN l.outcome = 'sold' THEN w.name END AS "winnerName"
           FROM land_parcel l LEFT JOIN organisation w ON w.id = l.winner_organisation_id WHERE l.project_id = $1`,
        [projectId],
      ),
    )[0];
  }

  async rural(em: EntityManager, projectId: string): Promise<Record<string, unknown> | undefined> {
    return rowsOf<Record<string, unknown>>(
      await em.query(
        `SELECT d.status, d.round, d.listing_price_fen::text AS "listingPriceFen", d.method, g.name AS buyer, d.deal_price_fen::text AS "dealPriceFen",
                d.concluded_at AS "concludedAt", d.publicity_until AS "publicityUntil", d.contract_no AS "contractNo",
                d.contract_signed_at AS "contractSignedAt", d.contract_amount_fen::text AS "contractAmountFen",
                (SELECT l.lot_id FROM rural_listing l WHERE l.project_id = d.project_id AND l.round = d.round) AS "lotId"
           FROM rural_deal d LEFT JOIN organisation g ON g.id = d.buyer_organisation_id WHERE d.project_id = $1`,
        [projectId],
      ),
    )[0];
  }
}
