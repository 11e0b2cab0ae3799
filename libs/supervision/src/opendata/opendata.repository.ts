import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { LandRows, ProjectRow, RequirementRows, RuralRows, TenderRows } from './mapping/domains';
import { OrgFact, ProcessFacts } from './mapping/releases';

/** A process in the bulk export's order: by publication time, then id descending (the order the indexes give). */
export interface ExportKey {
  kind: 'project' | 'requirement';
  id: string;
  /** the publication time at microsecond precision (UTC, ISO 8601), for the next cursor */
  at: string;
}

const org = (uscc: string | null, name: string | null): OrgFact | null => (uscc && name ? { uscc: uscc.trim(), name } : null);
const big = (v: string | null): bigint | null => (v === null ? null : BigInt(v));
const AT = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * All SQL of open data. Reads (never writes) trading_project, organisation and the domain tables, only columns that are
 * public at the time of reading: bid rows only once opened, land winners only once confirmed (docs/open-data-ocds.md).
 */
@Injectable()
export class OpenDataRepository {
  async project(em: EntityManager, id: string): Promise<ProjectRow | undefined> {
    const [r] = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT p.id, p.code, p.domain, p.name, p.status, p.published_at AS "publishedAt", p.updated_at AS "updatedAt",
                o.uscc AS "ownerUscc", o.name AS "ownerName", a.uscc AS "agentUscc", a.name AS "agentName"
         FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id LEFT JOIN organisation a ON a.id = p.agent_organisation_id
         WHERE p.id = $1 AND p.published_at IS NOT NULL`,
        [id],
      ),
    );
    if (!r) return undefined;
    return { id: r.id, code: r.code, domain: r.domain, name: r.name, status: r.status, publishedAt: r.publishedAt, updatedAt: r.updatedAt, owner: org(r.ownerUscc, r.ownerName)!, agent: org(r.agentUscc, r.agentName) };
  }

  /** The published project with this code (a tender, land or rural process's ocid names it). */
  async projectIdByCode(em: EntityManager, code: string): Promise<string | undefined> {
    const [row] = rowsOf<{ id: string }>(await em.query(`SELECT id FROM trading_project WHERE code = $1 AND published_at IS NOT NULL`, [code]));
    return row?.id;
  }

  /** The project's suspensions as the kernel records them (the 中止公告 and 恢复公告 are public). */
  async suspensions(em: EntityManager, projectId: string): Promise<NonNullable<ProcessFacts['suspensions']>> {
    const rows = rowsOf<{ suspendedAt: Date; reason: string; resumedAt: Date | null; shifted: { label: string; to: string }[] | null }>(
      await em.query(`SELECT suspended_at AS "suspendedAt", reason, resumed_at AS "resumedAt", shifted FROM project_suspension WHERE project_id = $1 ORDER BY suspended_at`, [projectId]),
    );
    return rows.map((r) => {
      const seen = new Set<string>();
      const times = (r.shifted ?? []).filter((t) => !seen.has(`${t.label}|${t.to}`) && seen.add(`${t.label}|${t.to}`)).map((t) => ({ label: t.label, to: new Date(t.to) }));
      return { suspendedAt: r.suspendedAt, reason: r.reason, resumedAt: r.resumedAt, times };
    });
  }

  /**
   * 修改 of a tender, from the audit trail (`tender.amended`, written in the amendment's transaction): when, which file,
   * and the deadline before and after. The note is the public one of the amendment document.
   */
  async tenderAmendments(em: EntityManager, projectId: string): Promise<{ at: Date; documentId: string; fileName: string; sha256: string; note: string | null; previousDeadline: Date | null; bidDeadline: Date | null; moved: boolean }[]> {
    const rows = rowsOf<{ at: Date; payload: Record<string, any>; note: string | null }>(
      await em.query(
        `SELECT e.occurred_at AS at, e.payload, d.note FROM audit_event e LEFT JOIN tender_document d ON d.id::text = e.payload->>'documentId'
         WHERE e.subject_type = 'tender' AND e.subject_id = $1 AND e.action = 'tender.amended' ORDER BY e.id`,
        [projectId],
      ),
    );
    const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
    return rows.map((r) => ({
      at: r.at,
      documentId: String(r.payload?.documentId ?? ''),
      fileName: String(r.payload?.fileName ?? ''),
      sha256: String(r.payload?.sha256 ?? ''),
      note: r.note,
      previousDeadline: date(r.payload?.previousDeadline),
      bidDeadline: date(r.payload?.bidDeadline),
      moved: r.payload?.moved === true,
    }));
  }

  /** Resumptions that moved the tender's bid deadline: when, and the deadline before (`project_suspension.shifted`). */
  async tenderDeadlineShifts(em: EntityManager, projectId: string): Promise<{ at: Date; from: Date }[]> {
    return rowsOf<{ at: Date; from: Date }>(
      await em.query(
        `SELECT s.resumed_at AS at, (x->>'from')::timestamptz AS "from"
         FROM project_suspension s CROSS JOIN LATERAL jsonb_array_elements(s.shifted) x
         WHERE s.project_id = $1 AND s.resumed_at IS NOT NULL AND x->>'key' = 'tender.bid_deadline' ORDER BY s.resumed_at`,
        [projectId],
      ),
    );
  }

  /** Stores each release not stored yet (never replaces one: the table refuses updates), then reads the stored copies. */
  async storeReleases(em: EntityManager, releases: { ocid: string; id: string; date: string; tag: string[] }[]): Promise<void> {
    if (!releases.length) return;
    await em.query(
      `INSERT INTO ocds_release (release_id, ocid, date, tag, release)
       SELECT r->>'id', r->>'ocid', (r->>'date')::timestamptz, ARRAY(SELECT json_array_elements_text(r->'tag')), r
       FROM json_array_elements($1::json) r
       ON CONFLICT (release_id) DO NOTHING`,
      [JSON.stringify(releases)],
    );
  }

  /** Every stored release of the processes, by process in the given order, oldest first within each. */
  async storedReleases<T>(em: EntityManager, ocids: string[]): Promise<T[]> {
    if (!ocids.length) return [];
    return rowsOf<{ release: T }>(
      await em.query(
        `SELECT r.release FROM ocds_release r JOIN unnest($1::text[]) WITH ORDINALITY o(ocid, n) ON o.ocid = r.ocid ORDER BY o.n, r.date, r.release_id`,
        [ocids],
      ),
    ).map((r) => r.release);
  }

  async tender(em: EntityManager, project: ProjectRow): Promise<TenderRows | undefined> {
    const [t] = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT t.kind, t.estimate_fen::text AS "estimateFen", t.evaluation_method AS "evaluationMethod", t.status,
                t.documents_available_at AS "documentsAvailableAt", t.bid_deadline AS "bidDeadline", t.opened_at AS "openedAt", rp.code AS "retenderOfCode"
         FROM tender t LEFT JOIN trading_project rp ON rp.id = t.retender_of WHERE t.project_id = $1`,
        [project.id],
      ),
    );
    if (!t) return undefined;
    const sections = rowsOf<{ no: number; name: string; status: string; reportedAt: Date | null }>(
      await em.query(`SELECT no, name, status, reported_at AS "reportedAt" FROM tender_section WHERE project_id = $1 ORDER BY no`, [project.id]),
    );
    let bidders: TenderRows['bidders'] = null;
    // Sealed means sealed: who bid, and how many, only once the deadline has passed and the bids were opened (or failed).
    if (t.openedAt) {
      const [{ n }] = await em.query(
        `SELECT count(DISTINCT b.organisation_id)::int AS n FROM tender_bid b JOIN tender_section s ON s.id = b.section_id WHERE s.project_id = $1 AND b.status = 'submitted'`,
        [project.id],
      );
      const opened = rowsOf<{ uscc: string; name: string }>(
        await em.query(
          `SELECT DISTINCT o.uscc, o.name FROM tender_bid b JOIN tender_section s ON s.id = b.section_id JOIN organisation o ON o.id = b.organisation_id
           WHERE s.project_id = $1 AND b.status = 'submitted' AND b.opened_at IS NOT NULL ORDER BY o.uscc`,
          [project.id],
        ),
      );
      bidders = { count: n, opened: opened.map((o) => org(o.uscc, o.name)!) };
    }
    const awards = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT s.no, s.name, a.awarded_at AS "awardedAt", a.price_fen::text AS "priceFen", o.uscc, o.name AS "winnerName",
                a.contract_signed_at AS "contractSignedAt", a.contract_amount_fen::text AS "contractAmountFen"
         FROM tender_award a JOIN tender_section s ON s.id = a.section_id JOIN organisation o ON o.id = a.organisation_id
         WHERE s.project_id = $1 ORDER BY s.no`,
        [project.id],
      ),
    );
    return {
      project,
      tender: { ...t, estimateFen: BigInt(t.estimateFen) } as TenderRows['tender'],
      sections,
      bidders,
      awards: awards.map((a) => ({
        no: a.no,
        name: a.name,
        awardedAt: a.awardedAt,
        priceFen: BigInt(a.priceFen),
        winner: org(a.uscc, a.winnerName)!,
        contractSignedAt: a.contractSignedAt,
        contractAmountFen: big(a.contractAmountFen),
      })),
    };
  }

  async land(em: EntityManager, project: ProjectRow): Promise<LandRows | undefined> {
    const [l] = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT l.location, l.area_m2::text AS "areaM2", l.land_use AS "landUse", l.term_years AS "termYears", l.plot_ratio::text AS "plotRatio", l.mode,
                l.start_price_fen::text AS "startPriceFen", l.listing_starts_at AS "listingStartsAt", l.listing_ends_at AS "listingEndsAt",
                l.auction_at AS "auctionAt", l.outcome, l.price_fen::text AS "priceFen", l.ended_at AS "endedAt", l.lot_id AS "lotId",
                l.confirmation_no AS "confirmationNo", l.confirmed_at AS "confirmedAt",
                CASE WHEN l.confirmed_at IS NOT NULL THEN w.uscc END AS "winnerUscc", CASE WHEN l.confirmed_at IS NOT NULL THEN w.name END AS "winnerName"
         FROM land_parcel l LEFT JOIN organisation w ON w.id = l.winner_organisation_id WHERE l.project_id = $1`,
        [project.id],
      ),
    );
    if (!l) return undefined;
    let bidderCount: number | null = null;
    if (l.endedAt && l.lotId) {
      bidderCount = (await em.query(`SELECT count(DISTINCT organisation_id)::int AS n FROM lot_bid WHERE lot_id = $1`, [l.lotId]))[0].n;
    }
    const { winnerUscc, winnerName, lotId: _lot, ...parcel } = l;
    return {
      project,
      parcel: { ...parcel, startPriceFen: BigInt(l.startPriceFen), priceFen: big(l.priceFen) } as LandRows['parcel'],
      bidderCount,
      winner: org(winnerUscc, winnerName),
    };
  }

  async rural(em: EntityManager, project: ProjectRow): Promise<RuralRows | undefined> {
    const [d] = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT k.name_zh AS "kindName", d.description, d.quantity::text AS quantity, d.unit, d.term_months AS "termMonths",
                d.listing_price_fen::text AS "listingPriceFen", d.status, d.method, d.deal_price_fen::text AS "dealPriceFen",
                d.concluded_at AS "concludedAt", d.contract_no AS "contractNo", d.contract_signed_at AS "contractSignedAt",
                d.contract_amount_fen::text AS "contractAmountFen", d.updated_at AS "updatedAt",
                CASE WHEN d.concluded_at IS NOT NULL THEN b.uscc END AS "buyerUscc", CASE WHEN d.concluded_at IS NOT NULL THEN b.name END AS "buyerName"
         FROM rural_deal d JOIN rural_kind k ON k.code = d.kind LEFT JOIN organisation b ON b.id = d.buyer_organisation_id WHERE d.project_id = $1`,
        [project.id],
      ),
    );
    if (!d) return undefined;
    const [listing] = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT round, price_fen::text AS "priceFen", starts_at AS "startsAt", ends_at AS "endsAt", closed_at AS "closedAt", qualified
         FROM rural_listing WHERE project_id = $1 ORDER BY round DESC LIMIT 1`,
        [project.id],
      ),
    );
    const { buyerUscc, buyerName, ...deal } = d;
    return {
      project,
      deal: { ...deal, listingPriceFen: BigInt(d.listingPriceFen), dealPriceFen: big(d.dealPriceFen), contractAmountFen: big(d.contractAmountFen) } as RuralRows['deal'],
      listing: listing ? { ...listing, priceFen: BigInt(listing.priceFen) } as RuralRows['listing'] : null,
      buyer: org(buyerUscc, buyerName),
    };
  }

  async requirement(em: EntityManager, id: string): Promise<RequirementRows | undefined> {
    const [r] = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT r.id, r.title, r.category_code AS "categoryCode", r.items, r.max_price_fen::text AS "maxPriceFen", r.round, r.status,
                r.created_at AS "createdAt", r.closed_at AS "closedAt", r.winner_quote_id AS "winnerQuoteId", r.order_id AS "orderId", r.project_id AS "projectId",
                o.uscc, o.name AS "purchaserName", b.code AS "budgetCode", b.name AS "budgetName"
         FROM procurement_requirement r JOIN organisation o ON o.id = r.purchaser_organisation_id JOIN budget_line b ON b.id = r.budget_line_id
         WHERE r.id = $1`,
        [id],
      ),
    );
    if (!r) return undefined;
    const rounds = rowsOf<{ round: number; openedAt: Date; deadline: Date }>(
      await em.query(
        `SELECT DISTINCT ON ((payload->>'round')::int) (payload->>'round')::int AS round, created_at AS "openedAt", due_at AS deadline
         FROM milestone
         WHERE ((subject_type = 'procurement_requirement' AND subject_id = $1::text)
                OR (subject_type = 'trading_project' AND subject_id = (SELECT project_id::text FROM procurement_requirement WHERE id = $1::uuid)))
           AND kind = 'procurement.quote_deadline' AND status <> 'cancelled'
         ORDER BY (payload->>'round')::int, created_at DESC`,
        [id],
      ),
    );
    // Opened quotes only: a quote's price and supplier are public once its round's deadline has passed.
    const quotes = rowsOf<Record<string, any>>(
      await em.query(
        `SELECT q.id, q.round, q.total_fen::text AS "totalFen", q.opened_at AS "openedAt", o.uscc, o.name
         FROM procurement_quote q JOIN organisation o ON o.id = q.organisation_id
         WHERE q.requirement_id = $1 AND q.status = 'submitted' AND q.opened_at IS NOT NULL ORDER BY q.round, q.submitted_at, q.id`,
        [id],
      ),
    );
    const [order] = r.orderId
      ? rowsOf<Record<string, any>>(
          await em.query(`SELECT no, status, total_fen::text AS "totalFen", confirmed_at AS "confirmedAt", paid_at AS "paidAt" FROM procurement_order WHERE id = $1`, [r.orderId]),
        )
      : [];
    return {
      requirement: {
        id: r.id,
        title: r.title,
        categoryCode: r.categoryCode,
        items: (r.items as { description: string; quantity: number; unit: string }[]).map((i) => ({ description: i.description, quantity: i.quantity, unit: i.unit })),
        maxPriceFen: BigInt(r.maxPriceFen),
        round: r.round,
        status: r.status,
        createdAt: r.createdAt,
        closedAt: r.closedAt,
        winnerQuoteId: r.winnerQuoteId,
        projectId: r.projectId ?? null,
      },
      purchaser: org(r.uscc, r.purchaserName)!,
      budgetLine: { code: r.budgetCode, name: r.budgetName },
      rounds,
      quotes: quotes.map((q) => ({ id: q.id, round: q.round, supplier: org(q.uscc, q.name)!, totalFen: BigInt(q.totalFen), openedAt: q.openedAt })),
      order: order ? { no: order.no, status: order.status, totalFen: BigInt(order.totalFen), confirmedAt: order.confirmedAt, paidAt: order.paidAt } : null,
    };
  }

  /**
   * One page of the bulk export over published projects and e-mall requirements, after the cursor. Each branch walks its
   * index (trading_project_public_idx, procurement_requirement_public_idx) backwards from the cursor's time.
   */
  async exportPage(em: EntityManager, after: { at: string; id: string } | null, limit: number): Promise<ExportKey[]> {
    const params: unknown[] = [limit];
    const since = (col: string, idCol: string) => {
      if (!after) return '';
      return `AND ${col} >= $2::timestamptz AND (${col} > $2::timestamptz OR ${idCol} < $3::uuid)`;
    };
    if (after) params.push(after.at, after.id);
    return rowsOf<ExportKey>(
      await em.query(
        `SELECT kind, id, ${AT('at')} AS at FROM (
           (SELECT 'project' AS kind, p.id, p.published_at AS at FROM trading_project p
            WHERE p.published_at IS NOT NULL AND p.domain <> 'procurement' ${since('p.published_at', 'p.id')} ORDER BY p.published_at, p.id DESC LIMIT $1)
           UNION ALL
           (SELECT 'requirement', r.id, r.created_at FROM procurement_requirement r
            WHERE true ${since('r.created_at', 'r.id')} ORDER BY r.created_at, r.id DESC LIMIT $1)
         ) x ORDER BY x.at, x.id DESC LIMIT $1`,
        params,
      ),
    );
  }

  /** The online quote whose kernel project this is (an e-mall project is published as its requirement's process). */
  async requirementOfProject(em: EntityManager, projectId: string): Promise<string | undefined> {
    const [row] = rowsOf<{ id: string }>(await em.query(`SELECT id FROM procurement_requirement WHERE project_id = $1`, [projectId]));
    return row?.id;
  }

  async explainExportPage(em: EntityManager, after: { at: string; id: string }, limit: number): Promise<string> {
    const plan = rowsOf<{ 'QUERY PLAN': string }>(
      await em.query(
        `EXPLAIN SELECT p.id FROM trading_project p WHERE p.published_at IS NOT NULL AND p.published_at >= $1::timestamptz AND (p.published_at > $1::timestamptz OR p.id < $2::uuid)
         ORDER BY p.published_at, p.id DESC LIMIT $3`,
        [after.at, after.id, limit],
      ),
    );
    return plan.map((r) => r['QUERY PLAN']).join('\n');
  }
}
