import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { deadlineAfter } from '@app/platform/calendar/period';
import { countingOf } from '@app/platform/calendar/working-time';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { LiveBiddingService, ProjectService, RuleSnapshot } from '@app/trading';
import { ApprovalForm, ContractDto, DealDeskQuery, KindDto, PublicDealQuery, RegisterDealDto, ResolutionForm } from '../dto/deal.dto';
import { DealDeskPage, DealView, dealView, PublicDealPage } from '../dto/deal.view';
import { DealEvent, dealTransition } from '../rules/deal-state';
import { listingRefusals, relistFloorFen } from '../rules/listing-checks';
import { RuralErrors } from '../rural-errors';
import { isParty, operates, partyRole, supervises } from './deal-access';
import { DealRepository } from './deal.repository';
import { DealRow, KindRow } from './deal.types';

export const DEAL_SUBJECT = 'rural_deal';
export const LISTING_END_KIND = 'rural.listing_end';

export type RuralSnapshot = RuleSnapshot<TradingDomain.Rural>;

export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

/** 农村产权交易: registration, the collective's resolution and the township's approval, listing, relisting, contract, public result. */
@Injectable()
export class DealService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly deals: DealRepository,
    private readonly projects: ProjectService,
    private readonly live: LiveBiddingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  kinds(): Promise<KindRow[]> {
    return this.deals.kinds(this.txr.dataSource.manager);
  }

  /** The committee extends the catalogue (统一交易规则): a new kind is available to every tier at once. */
  async addKind(actor: Actor, dto: KindDto): Promise<KindRow> {
    return this.txr.run(async (tx) => {
      if (!(await this.deals.insertKind(tx.em, dto, actor.accountId!))) throw RuralErrors.KIND_EXISTS({ code: dto.code });
      await this.audit.append(tx.em, { actor, role: Role.Committee, action: 'rural.kind_added', subject: { type: 'rural_kind', id: dto.code }, payload: { ...dto } });
      return { code: dto.code, nameZh: dto.nameZh, nameEn: dto.nameEn };
    });
  }

  async register(actor: Actor, dto: RegisterDealDto): Promise<DealView> {
    const listingPriceFen = Money.fromYuan(dto.listingPrice).fen;
    const incrementFen = Money.fromYuan(dto.increment).fen;
    const depositFen = Money.fromYuan(dto.deposit).fen;
    if (listingPriceFen <= 0n || incrementFen <= 0n) throw RuralErrors.DEAL_INVALID({ listingPrice: dto.listingPrice, increment: dto.increment });
    return this.txr.run(async (tx) => {
      if (!(await this.deals.kindExists(tx.em, dto.kind))) throw RuralErrors.KIND_UNKNOWN({ kind: dto.kind });
      const project = await this.projects.register(actor, { domain: TradingDomain.Rural, name: dto.name, region: dto.region, ownerOrganisationId: dto.ownerOrganisationId, ruleSet: dto.ruleSet }, tx);
      const fields = { kind: dto.kind, description: dto.description, quantity: dto.quantity, unit: dto.unit, termMonths: dto.termMonths ?? null, listingPriceFen, incrementFen, depositFen };
      await this.deals.insert(tx.em, { projectId: project.id, ...fields });
      const d = (await this.deals.byId(tx.em, project.id))!;
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, d),
        action: 'rural.deal_registered',
        subject: { type: DEAL_SUBJECT, id: project.id },
        payload: { ...fields, listingPriceFen: listingPriceFen.toString(), incrementFen: incrementFen.toString(), depositFen: depositFen.toString() },
      });
      return this.view(tx, d);
    });
  }

  async get(actor: Actor, projectId: string): Promise<DealView> {
    const d = await this.load(projectId);
    if (!isParty(actor, d) && !operates(actor) && !supervises(actor)) throw RuralErrors.DEAL_NOT_FOUND({ id: projectId });
    return this.txr.run((tx) => this.view(tx, d));
  }

  /** 村民会议或村民代表会议决议: the figures and the scanned resolution, its SHA-256 kept; judged against the rules at listing. */
  uploadResolution(actor: Actor, projectId: string, form: ResolutionForm, file: UploadedFile): Promise<DealView> {
    return this.beforeListing(actor, projectId, 'resolution', file, async (tx, documentId) => {
      await this.deals.setResolution(tx.em, projectId, { ...form, documentId });
      return { body: form.body, votesFor: form.votesFor, votesTotal: form.votesTotal, date: form.date };
    });
  }

  /** 乡镇人民政府审核批准: the township's approval document, its SHA-256 kept. */
  uploadApproval(actor: Actor, projectId: string, form: ApprovalForm, file: UploadedFile): Promise<DealView> {
    return this.beforeListing(actor, projectId, 'approval', file, async (tx, documentId) => {
      await this.deals.setApproval(tx.em, projectId, { ...form, documentId });
      return { authority: form.authority, date: form.date };
    });
  }

  /**
   * 挂牌: the centre lists the deal (the first time the rules are frozen into the project). Refused with every reason when
   * the resolution falls short of the rule's share, a document is missing or the increment is below the rule's minimum.
   * The listing's end is a milestone of the project; the round's lot is created now so that confirmed applicants get paddles.
   * The rule's listing period is the shortest: the centre may publish a later end (`endsAt`), never an earlier one.
   */
  async list(actor: Actor, projectId: string, endsAtAsked?: Date): Promise<DealView> {
    return this.txr.run(async (tx) => {
      const d = await this.locked(tx, projectId);
      const move = this.move(d, 'list');
      if (d.status === 'draft') await this.projects.publish(actor, projectId, tx);
      const rules = await this.rulesOf(tx, projectId);
      const reasons = listingRefusals(
        {
          resolution: d.resolutionDocumentId ? { votesFor: d.resolutionVotesFor!, votesTotal: d.resolutionVotesTotal! } : null,
          approval: d.approvalDocumentId !== null,
          incrementFen: BigInt(d.incrementFen),
        },
        { resolutionApproval: rules.params.fractions.resolutionApproval, minIncrementFen: BigInt(rules.params.amountsFen.minIncrement) },
      );
      if (reasons.length) throw RuralErrors.LISTING_REFUSED({ reasons });
      const now = await this.clock.dbNow(tx.em);
      const earliest = deadlineAfter(now, rules.params.periods.listing);
      if (endsAtAsked && endsAtAsked < earliest) throw RuralErrors.LISTING_END_TOO_EARLY({ endsAt: endsAtAsked, earliest, period: rules.params.periods.listing, serverTime: now });
      const endsAt = endsAtAsked ?? earliest;
      const priceFen = BigInt(d.listingPriceFen);
      const lot = await this.live.createLot(
        tx,
        { projectId, domain: TradingDomain.Rural, title: `${d.name}(第 ${d.round} 轮挂牌)`, startPriceFen: priceFen, increment: { fixedFen: d.incrementFen }, reserveFen: null, countdownSeconds: rules.params.numbers.countdownSeconds, bidsOnGrid: rules.params.numbers.bidsOnIncrementGrid === 1 },
        actor,
      );
      const milestone = await this.projects.schedule(tx, projectId, { kind: LISTING_END_KIND, dueAt: endsAt, payload: { projectId, round: d.round }, counting: countingOf(rules.params.periods.listing) }, actor);
      await this.deals.insertListing(tx.em, { projectId, round: d.round, priceFen, lotId: lot.id, startsAt: now, endsAt, milestoneId: milestone.id });
      await this.deals.setStatus(tx.em, projectId, move);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'rural.listed',
        subject: { type: DEAL_SUBJECT, id: projectId },
        payload: { from: d.status, to: move, round: d.round, priceFen: d.listingPriceFen, lotId: lot.id, startsAt: now, endsAt, earliestEnd: earliest, period: rules.params.periods.listing, ruleSetVersion: rules.version },
      });
      return this.view(tx, (await this.deals.byId(tx.em, projectId))!);
    });
  }

  /** 流标后重新挂牌: the collective asks a lower price, cut by no more than the rule set allows; the centre lists the new round. */
  async relist(actor: Actor, projectId: string, listingPrice: string): Promise<DealView> {
    const priceFen = Money.fromYuan(listingPrice).fen;
    return this.txr.run(async (tx) => {
      const d = await this.locked(tx, projectId);
      if (!isParty(actor, d)) throw RuralErrors.DEAL_NOT_YOURS();
      const move = this.move(d, 'relist');
      const rules = await this.rulesOf(tx, projectId);
      const maxBp = rules.params.numbers.relistReductionMaxBp;
      const floorFen = relistFloorFen(BigInt(d.listingPriceFen), maxBp);
      if (priceFen <= 0n) throw RuralErrors.DEAL_INVALID({ listingPrice });
      if (priceFen < floorFen) throw RuralErrors.RELIST_PRICE_TOO_LOW({ previous: Money.ofFen(d.listingPriceFen).toYuan(), lowest: Money.ofFen(floorFen).toYuan(), maxCutBp: maxBp, asked: listingPrice });
      await this.deals.relist(tx.em, projectId, priceFen);
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, d),
        action: 'rural.relisted',
        subject: { type: DEAL_SUBJECT, id: projectId },
        payload: { from: d.status, to: move, round: d.round + 1, previousPriceFen: d.listingPriceFen, priceFen: priceFen.toString(), lowestFen: floorFen.toString(), maxCutBp: maxBp },
      });
      return this.view(tx, (await this.deals.byId(tx.em, projectId))!);
    });
  }

  /** 合同备案: after the result publicity, at the deal price. */
  async contract(actor: Actor, projectId: string, dto: ContractDto): Promise<DealView> {
    const amountFen = Money.fromYuan(dto.amount).fen;
    return this.txr.run(async (tx) => {
      const d = await this.locked(tx, projectId);
      if (!isParty(actor, d)) throw RuralErrors.DEAL_NOT_YOURS();
      const move = this.move(d, 'contract');
      const now = await this.clock.dbNow(tx.em);
      if (now < d.publicityUntil!) throw RuralErrors.CONTRACT_TOO_EARLY({ publicityUntil: d.publicityUntil });
      if (amountFen !== BigInt(d.dealPriceFen!) || dto.signedAt < d.concludedAt! || dto.signedAt > now) {
        throw RuralErrors.CONTRACT_INVALID({ dealPrice: Money.ofFen(d.dealPriceFen!).toYuan(), amount: dto.amount, concludedAt: d.concludedAt, signedAt: dto.signedAt });
      }
      await this.deals.contract(tx.em, projectId, { contractNo: dto.contractNo, signedAt: dto.signedAt, amountFen });
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, d),
        action: 'rural.contract_recorded',
        subject: { type: DEAL_SUBJECT, id: projectId },
        payload: { from: d.status, to: move, contractNo: dto.contractNo, signedAt: dto.signedAt, amountFen: amountFen.toString(), buyerOrganisationId: d.buyerOrganisationId },
      });
      return this.view(tx, (await this.deals.byId(tx.em, projectId))!);
    });
  }

  /** The centre's desk; supervisors read the same list. A regulator of another domain is refused. */
  async desk(actor: Actor, q: DealDeskQuery): Promise<DealDeskPage> {
    if (!operates(actor) && !supervises(actor)) throw RuralErrors.NOT_YOUR_DOMAIN();
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.deals.deskPage(this.txr.dataSource.manager, { status: q.status, waiting: q.waiting }, page, pageSize);
    const views = await this.txr.run((tx) =>
      Promise.all(items.map(async (d) => ({ ...(await this.view(tx, d)), declaredApplications: d.declaredApplications, qualifiedApplications: d.qualifiedApplications, refundsDue: d.refundsDue }))),
    );
    return { items: views, total, page, pageSize };
  }

  async publicList(q: PublicDealQuery): Promise<PublicDealPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.deals.publicPage(this.txr.dataSource.manager, page, pageSize);
    const views = await this.txr.run((tx) => Promise.all(items.map((d) => this.view(tx, d))));
    return { items: views, total, page, pageSize };
  }

  /** 让每一笔交易晒在阳光下: a listed deal, its rounds, document digests and, once concluded, the buyer and the price. */
  async publicOne(projectId: string): Promise<DealView> {
    const d = await this.deals.byId(this.txr.dataSource.manager, projectId);
    if (!d || d.status === 'draft') throw RuralErrors.DEAL_NOT_FOUND({ id: projectId });
    return this.txr.run((tx) => this.view(tx, d));
  }

  async load(projectId: string): Promise<DealRow> {
    const d = await this.deals.byId(this.txr.dataSource.manager, projectId);
    if (!d) throw RuralErrors.DEAL_NOT_FOUND({ id: projectId });
    return d;
  }

  async view(tx: Tx, d: DealRow): Promise<DealView> {
    return dealView(d, await this.deals.listings(tx.em, d.projectId), await this.deals.documents(tx.em, d.projectId));
  }

  private async beforeListing(actor: Actor, projectId: string, kind: 'resolution' | 'approval', file: UploadedFile, apply: (tx: Tx, documentId: string) => Promise<Record<string, unknown>>): Promise<DealView> {
    return this.txr.run(async (tx) => {
      const d = await this.locked(tx, projectId);
      if (!isParty(actor, d)) throw RuralErrors.DEAL_NOT_YOURS();
      if (d.status !== 'draft') throw RuralErrors.DEAL_STATE_CONFLICT({ status: d.status, reason: 'the resolution and the approval come before the first listing' });
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      const doc = await this.deals.insertDocument(tx.em, { projectId, kind, fileName: file.filename, sha256, content: file.buffer, createdBy: actor.accountId! });
      const detail = await apply(tx, doc.id);
      await this.audit.append(tx.em, { actor, role: partyRole(actor, d), action: `rural.${kind}_uploaded`, subject: { type: DEAL_SUBJECT, id: projectId }, payload: { documentId: doc.id, fileName: doc.fileName, sha256, size: doc.size, ...detail } });
      return this.view(tx, (await this.deals.byId(tx.em, projectId))!);
    });
  }

  private move(d: DealRow, event: DealEvent) {
    const t = dealTransition(d.status, event);
    if (!t.ok) throw RuralErrors.DEAL_STATE_CONFLICT({ status: d.status, event, allowed: t.allowed });
    return t.next;
  }

  private async locked(tx: Tx, projectId: string): Promise<DealRow> {
    const d = await this.deals.byId(tx.em, projectId, true);
    if (!d) throw RuralErrors.DEAL_NOT_FOUND({ id: projectId });
    return d;
  }

  private rulesOf(tx: Tx, projectId: string): Promise<RuralSnapshot> {
    return this.projects.rulesOf(projectId, TradingDomain.Rural, tx.em) as Promise<RuralSnapshot>;
  }
}

