import { Injectable } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { SupervisionErrors } from '../supervision-errors';
import { PortalProjectPage, PortalRuralView, PortalSectionView } from './dto/portal-project.view';
import { PortalContractPage, PortalContractQuery, PortalNoticePage, PortalNoticeQuery, PortalNoticeView } from './dto/portal.dto';
import { PortalErrors } from './portal-errors';
import { NoticeFilter, NoticeRow, PortalRepository } from './portal.repository';

const yuan = (fen: string | null | undefined) => (fen === null || fen === undefined ? null : Money.ofFen(fen).toYuan());
/** Every notice of one project fits one page: a project has a handful of sections and rounds. */
const PROJECT_NOTICES = 200;
export const COMPLAINT_DECISIONS_ROUTE = '/public/complaints/decisions';

function noticeView(n: NoticeRow): PortalNoticeView {
  return {
    id: [n.kind, n.domain, n.subjectId, n.sectionNo].filter((x) => x !== null).join(':'),
    kind: n.kind,
    domain: n.domain as TradingDomain,
    region: n.region,
    projectId: n.projectId,
    subjectId: n.subjectId,
    sectionNo: n.sectionNo,
    code: n.code,
    title: n.title,
    publishedAt: n.publishedAt,
    outcome: n.outcome,
    amount: yuan(n.amountFen),
    organisationName: n.organisationName,
    buyerName: n.buyerName,
    link: n.link,
    detail: n.detail ? { ...n.detail, times: n.detail.times ? distinctTimes(n.detail.times) : undefined } as unknown as PortalNoticeView['detail'] : null,
  };
}

/** A period the domain and the engine both keep (a listing's end) is said once. */
function distinctTimes<T extends { label: string; to: string }>(times: T[]): T[] {
  const seen = new Set<string>();
  return times.filter((t) => !seen.has(`${t.label}|${t.to}`) && seen.add(`${t.label}|${t.to}`));
}

/** 信息公开门户: one feed of every domain's notices, a page per project, the contracts; read-only, anonymous. */
@Injectable()
export class PortalService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: PortalRepository,
  ) {}

  private filter(q: PortalNoticeQuery | PortalContractQuery): NoticeFilter {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from > to) throw PortalErrors.PORTAL_RANGE_INVALID({ from: q.from, to: q.to });
    return { domain: q.domain, region: q.region, keyword: q.keyword, from, to };
  }

  async notices(q: PortalNoticeQuery): Promise<PortalNoticePage> {
    const f = { ...this.filter(q), kinds: q.kind?.length ? q.kind : undefined };
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.repo.notices(this.txr.dataSource.manager, f, pageSize, (page - 1) * pageSize);
    return { items: items.map(noticeView), total, page, pageSize };
  }

  async contracts(q: PortalContractQuery): Promise<PortalContractPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.repo.notices(this.txr.dataSource.manager, { ...this.filter(q), kinds: ['contract'] }, pageSize, (page - 1) * pageSize);
    return {
      items: items.map((n) => ({
        domain: n.domain as TradingDomain,
        region: n.region,
        projectId: n.projectId,
        subjectId: n.subjectId,
        sectionNo: n.sectionNo,
        code: n.code,
        title: n.title,
        signedAt: n.publishedAt,
        amount: yuan(n.amountFen),
        buyerName: n.buyerName,
        supplierName: n.organisationName,
        link: n.link,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** A published project's public page; one snapshot so the parts agree. */
  async project(id: string): Promise<PortalProjectPage> {
    return this.txr.dataSource.transaction('REPEATABLE READ', async (em) => {
      const p = await this.repo.project(em, id);
      if (!p) throw SupervisionErrors.PROJECT_NOT_FOUND({ id });
      const notices = (await this.repo.notices(em, { projectId: id }, PROJECT_NOTICES, 0)).items.map(noticeView);
      const suspensions = (await this.repo.suspensions(em, id)).map((x) => ({
        suspendedAt: x.suspendedAt,
        reason: x.reason,
        resumedAt: x.resumedAt,
        times: distinctTimes(x.shifted ?? []).map((t) => ({ label: t.label, from: new Date(t.from), to: new Date(t.to) })),
      }));
      const documents = (await this.repo.documents(em, id, p.domain)).map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, sha256: d.sha256.trim(), size: d.size, publishedAt: d.createdAt }));
      let sections: PortalSectionView[] | null = null;
      let land: PortalProjectPage['land'] = null;
      let rural: PortalRuralView | null = null;
      let lotId: string | null = null;
      if (p.domain === TradingDomain.Tendering) {
        const bids = await this.repo.openedBids(em, id);
        sections = (await this.repo.sections(em, id)).map((s) => ({
          no: s.no,
          name: s.name,
          estimate: yuan(s.estimateFen)!,
          status: s.status,
          openedAt: s.openedAt,
          bidCount: s.bidCount,
          opening: bids.filter((b) => b.no === s.no).map((b) => ({ bidderName: b.bidderName, price: yuan(b.priceFen)! })),
          candidates: (s.candidates ?? []).map((c) => ({ rank: Number(c.rank), bidderName: c.bidderName, price: yuan(String(c.priceFen))! })),
          publicityUntil: s.publicityUntil,
          award: s.winner && s.awardFen && s.awardedAt ? { winner: s.winner, price: yuan(s.awardFen)!, awardedAt: s.awardedAt } : null,
          contract: s.contractSignedAt ? { signedAt: s.contractSignedAt, amount: yuan(s.contractAmountFen) } : null,
        }));
      } else if (p.domain === TradingDomain.Land) {
        const l = await this.repo.land(em, id);
        if (l) {
          lotId = (l.lotId as string | null) ?? null;
          land = {
            mode: l.mode as string,
            status: l.status as string,
            startPrice: yuan(l.startPriceFen as string)!,
            lotId,
            outcome: (l.outcome as string | null) ?? null,
            winnerPaddle: (l.winnerPaddle as number | null) ?? null,
            winnerName: (l.winnerName as string | null) ?? null,
            price: yuan(l.priceFen as string | null),
            endedAt: (l.endedAt as Date | null) ?? null,
            publicityUntil: (l.publicityUntil as Date | null) ?? null,
            confirmedAt: (l.confirmedAt as Date | null) ?? null,
          };
        }
      } else if (p.domain === TradingDomain.Rural) {
        const d = await this.repo.rural(em, id);
        if (d) {
          lotId = (d.lotId as string | null) ?? null;
          rural = {
            status: d.status as string,
            round: d.round as number,
            listingPrice: yuan(d.listingPriceFen as string)!,
            method: (d.method as string | null) ?? null,
            buyer: (d.buyer as string | null) ?? null,
            price: yuan(d.dealPriceFen as string | null),
            concludedAt: (d.concludedAt as Date | null) ?? null,
            publicityUntil: (d.publicityUntil as Date | null) ?? null,
            contract: d.contractSignedAt ? { signedAt: d.contractSignedAt as Date, amount: yuan(d.contractAmountFen as string | null), no: (d.contractNo as string | null) ?? null } : null,
          };
        }
      }
      const domainRoute: Record<string, string> = {
        tendering: `/public/tenders/${id}`,
        land: `/public/land/parcels/${id}`,
        rural: `/public/rural/deals/${id}`,
        procurement: p.requirementId ? `/public/procurement/requirements/${p.requirementId}` : `/public/projects?domain=procurement`,
      };
      const serverTime = await this.repo.now(em);
      return {
        serverTime,
        project: {
          id: p.id,
          code: p.code,
          domain: p.domain as TradingDomain,
          name: p.name,
          region: p.region,
          status: p.status,
          publishedAt: p.publishedAt,
          owner: { name: p.ownerName },
          agent: p.agentName === null ? null : { name: p.agentName },
        },
        notices,
        suspensions,
        documents,
        sections,
        land,
        rural,
        links: {
          domain: domainRoute[p.domain],
          ...(p.domain === TradingDomain.Tendering ? { opening: `/public/tenders/${id}/opening`, results: `/public/tenders/${id}/results` } : {}),
          ...(lotId ? { lot: `/public/lots/${lotId}` } : {}),
          complaints: `${COMPLAINT_DECISIONS_ROUTE}?projectId=${id}`,
          statistics: `/public/statistics?domain=${p.domain}&region=${p.region}`,
        },
      };
    });
  }
}
