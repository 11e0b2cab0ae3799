import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenService } from '@app/platform/auth/token.service';
import { DemoHttp, demoPdf } from '@app/platform/demo/demo-http';
import { Money } from '@app/platform/money/money';
import { DemoLiveLotConfig } from './demo-config';

export const DEMO_CONFIG = Symbol('DEMO_CONFIG');

/** The demo's recurring live lot: one rural deal relisted round after round, each round ending in 限时竞价. */
export const DEMO_LIVE_DEAL = {
  name: '西洋村集体仓库五年租赁权(限时竞价演示)',
  kind: 'collective_assets',
  region: '350121',
  description: '西洋村村部东侧集体仓库一栋,砖混结构,建筑面积 860 平方米,限仓储物流用途;演示项目,按沙箱规则循环挂牌与限时竞价',
  quantity: '860',
  unit: '平方米',
  termMonths: 60,
  listingPrice: '150000.00',
  increment: '1000.00',
  deposit: '5000.00',
} as const;

/** Every demo bidder applies and is admitted to each round, so whoever logs in as one of them may bid. */
export const DEMO_LIVE_BIDDERS = ['bidder1', 'bidder2', 'bidder3'] as const;

const LOCK = `hashtext('demo-live-lot')`;

export interface DemoLiveLotResult {
  /** skipped: another worker holds the turn; waiting: a round is listed or live; created / relisted: a new round was made; completed: a half-made round was finished */
  action: 'skipped' | 'waiting' | 'created' | 'relisted' | 'completed';
  projectId?: string;
  round?: number;
  lotId?: string | null;
  listingEndsAt?: string | null;
  refunded?: number;
}

interface Current {
  id: string;
  status: string;
  round: number;
  listingPriceFen: string;
  hasResolution: boolean;
  hasApproval: boolean;
  lotId: string | null;
  open: boolean;
}

/**
 * 演示循环竞价 (docs/demo-data.md): whenever the demo's live lot has ended, or none is listed, the next round is made
 * through the api as the demo accounts — the collective (owner) relists at the same price, the centre lists it for
 * DEMO_LIVE_LOT_LEAD_S and records the refunds of the round before, the three demo bidders apply and the centre
 * admits them — so that its live bidding starts within minutes. Every write is the domain's own, audited as usual.
 * One worker at a time (an advisory lock), and each turn looks at the database first: a round listed or live means
 * nothing to do, a half-made one is finished, so a second worker, a retried job or a crash in between adds no second lot.
 */
@Injectable()
export class DemoLiveLot {
  private readonly logger = new Logger(DemoLiveLot.name);
  private readonly http: DemoHttp;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    tokens: TokenService,
    @Inject(DEMO_CONFIG) private readonly config: DemoLiveLotConfig,
  ) {
    this.http = new DemoHttp(ds, tokens, config.apiUrl);
  }

  async tick(): Promise<DemoLiveLotResult> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      const [{ got }] = await runner.query(`SELECT pg_try_advisory_lock(${LOCK}) AS got`);
      if (!got) return { action: 'skipped' };
      try {
        const result = await this.step();
        if (result.action !== 'waiting') this.logger.log({ ...result }, 'demo live lot');
        return result;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  private async current(): Promise<Current | null> {
    const [d] = await this.ds.query(
      `SELECT d.project_id AS id, d.status, d.round, d.listing_price_fen::text AS "listingPriceFen",
              d.resolution_document_id IS NOT NULL AS "hasResolution", d.approval_document_id IS NOT NULL AS "hasApproval",
              l.lot_id AS "lotId", coalesce(l.ends_at > clock_timestamp() + interval '5 seconds', false) AS open
       FROM rural_deal d JOIN trading_project p ON p.id = d.project_id
       JOIN account a ON a.username = 'owner' AND a.organisation_id = p.owner_organisation_id
       LEFT JOIN rural_listing l ON l.project_id = d.project_id AND l.round = d.round
       WHERE p.name = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT 1`,
      [DEMO_LIVE_DEAL.name],
    );
    return d ?? null;
  }

  private async step(): Promise<DemoLiveLotResult> {
    const d = await this.current();
    // None yet, or the last one sold (a visitor won it) or went to agreement: the next deal.
    if (!d || ['agreement', 'concluded', 'contracted'].includes(d.status)) return this.newDeal();
    switch (d.status) {
      case 'live':
        return { action: 'waiting', projectId: d.id, round: d.round, lotId: d.lotId };
      case 'listing': {
        // Usually all three are in: read that in the database rather than ask the api every turn.
        const [{ n }] = await this.ds.query(
          `SELECT count(*)::int AS n FROM rural_application r JOIN account a ON a.organisation_id = r.organisation_id AND a.username = ANY($3)
           WHERE r.project_id = $1 AND r.round = $2 AND r.status = 'qualified'`,
          [d.id, d.round, [...DEMO_LIVE_BIDDERS]],
        );
        if (n >= DEMO_LIVE_BIDDERS.length || !(await this.admit(d.id, d.round, d.open))) return { action: 'waiting', projectId: d.id, round: d.round, lotId: d.lotId };
        return { action: 'completed', projectId: d.id, round: d.round, lotId: d.lotId };
      }
      case 'draft':
        await this.documents(d);
        return { ...(await this.list(d.id)), action: 'completed' };
      case 'relisting':
        return { ...(await this.list(d.id)), action: 'completed' };
      case 'failed': {
        const refunded = await this.refunds(d.id);
        if (d.round >= this.config.maxRounds) return { ...(await this.newDeal()), refunded };
        await this.http.post('owner', `/rural/deals/${d.id}/relist`, { listingPrice: Money.ofFen(d.listingPriceFen).toYuan() });
        return { ...(await this.list(d.id)), action: 'relisted', refunded };
      }
      default:
        throw new Error(`the demo live deal ${d.id} is ${d.status}`);
    }
  }

  private async newDeal(): Promise<DemoLiveLotResult> {
    const { name, kind, region, description, quantity, unit, termMonths, listingPrice, increment, deposit } = DEMO_LIVE_DEAL;
    const reg = await this.http.post('owner', '/rural/deals', { name, kind, region, description, quantity, unit, termMonths, listingPrice, increment, deposit, ruleSet: 'sandbox' });
    await this.documents({ id: reg.id, hasResolution: false, hasApproval: false });
    return { ...(await this.list(reg.id)), action: 'created' };
  }

  private async documents(d: Pick<Current, 'id' | 'hasResolution' | 'hasApproval'>): Promise<void> {
    const [{ today }] = await this.ds.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS today`);
    if (!d.hasResolution)
      await this.http.form('owner', `/rural/deals/${d.id}/resolution`, { body: 'villagers_meeting', votesFor: '52', votesTotal: '61', date: today }, { name: '村民会议决议.pdf', content: demoPdf('西洋村 村民会议决议 同意出租集体仓库 52 票 / 应到 61 人') });
    if (!d.hasApproval) await this.http.form('owner', `/rural/deals/${d.id}/approval`, { authority: '闽侯县西洋镇人民政府', date: today }, { name: '镇政府审核意见.pdf', content: demoPdf('同意出租') });
  }

  /** The centre lists the round until DEMO_LIVE_LOT_LEAD_S from now, then the demo bidders are admitted. */
  private async list(projectId: string): Promise<DemoLiveLotResult> {
    const [{ now }] = await this.ds.query(`SELECT clock_timestamp() AS now`);
    const endsAt = new Date(Math.ceil((new Date(now).getTime() + this.config.leadSeconds * 1000) / 1000) * 1000);
    const listed = await this.http.post('centre', `/rural/deals/${projectId}/list`, { endsAt: endsAt.toISOString() });
    const listing = listed.listings.find((l: { round: number }) => l.round === listed.round);
    await this.admit(projectId, listed.round, true);
    return { action: 'created', projectId, round: listed.round, lotId: listing?.lotId ?? null, listingEndsAt: listing?.endsAt ?? null };
  }

  /** Each demo bidder applies (declaring the deposit) and the centre confirms it, giving a paddle; only what is missing. */
  private async admit(projectId: string, round: number, open: boolean): Promise<boolean> {
    if (!open) return false;
    const orgs = new Map<string, string>(
      (await this.ds.query(`SELECT username, organisation_id FROM account WHERE username = ANY($1)`, [[...DEMO_LIVE_BIDDERS]])).map((r: { username: string; organisation_id: string }) => [r.username, r.organisation_id]),
    );
    const apps: { id: string; round: number; organisationId: string; status: string }[] = await this.http.get('centre', `/rural/deals/${projectId}/applications`);
    let changed = false;
    for (const who of DEMO_LIVE_BIDDERS) {
      let app = apps.find((a) => a.round === round && a.organisationId === orgs.get(who));
      if (!app) {
        app = await this.http.post<{ id: string; round: number; organisationId: string; status: string }>(who, `/rural/deals/${projectId}/applications`, {
          method: 'transfer',
          reference: `XY-${who}-${round}-${projectId.slice(0, 8)}`,
          payerAccount: '6222020200112233445',
          amount: DEMO_LIVE_DEAL.deposit,
        });
        changed = true;
      }
      if (app.status === 'declared') {
        await this.http.post('centre', `/rural/applications/${app.id}/confirm`);
        changed = true;
      }
    }
    return changed;
  }

  /** The centre records the refund of every deposit of the failed rounds that fell due. */
  private async refunds(projectId: string): Promise<number> {
    const apps: { id: string; status: string }[] = await this.http.get('centre', `/rural/deals/${projectId}/applications`);
    let n = 0;
    for (const a of apps.filter((x) => x.status === 'refund_due')) {
      await this.http.post('centre', `/rural/applications/${a.id}/refund`, { reference: `TK-${a.id.slice(0, 8)}` });
      n += 1;
    }
    return n;
  }
}
