import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { LandRules } from '@app/platform/rules/defaults';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { ProjectService } from '@app/trading/projects/project.service';
import { ScheduleNotices } from '@app/trading/schedule/schedule-notices';
import { RuleSnapshot } from '@app/trading/rules/rule-snapshot';
import { LiveBiddingService } from '@app/trading/live/live-bidding.service';
import { AnnounceParcelDto, IncrementDto, ParcelDeskQuery, RegisterParcelDto } from '../dto/parcel.dto';
import { ParcelDeskPage, parcelDeskItemView, ParcelView, parcelView, PublicParcelDetailView, PublicParcelView, publicParcelView } from '../dto/parcel.view';
import { LandErrors } from '../land-errors';
import { checkSchedule } from '../rules/land-schedule';
import { IncrementFen, incrementProblem, maxTermYears } from '../rules/parcel-terms';
import { isOwner, operates, supervises } from './land-access';
import { ParcelRepository } from './parcel.repository';
import { ParcelRow } from './parcel.types';

export const PARCEL_SUBJECT = 'land_parcel';
export const LISTING_START_KIND = 'land.listing_start';
export const AUCTION_START_KIND = 'land.auction_start';
const RESERVE_PURPOSE = 'land-reserve';
const reserveAad = (projectId: string) => `${PARCEL_SUBJECT}:${projectId}`;

const DECIMAL_POSITIVE = (text: string) => /[1-9]/.test(text);

/** A parcel's registration by its owner (出让人) and the announcement (出让公告) by the centre. */
@Injectable()
export class ParcelService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly parcels: ParcelRepository,
    private readonly projects: ProjectService,
    private readonly live: LiveBiddingService,
    private readonly rules: RuleSetService,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notices: ScheduleNotices,
  ) {}

  async register(actor: Actor, dto: RegisterParcelDto): Promise<ParcelView> {
    const startPriceFen = Money.fromYuan(dto.startPrice).fen;
    const depositFen = Money.fromYuan(dto.deposit).fen;
    const reserveFen = dto.reserve === undefined ? null : Money.fromYuan(dto.reserve).fen;
    const increment = incrementOf(dto.increment);
    if (!DECIMAL_POSITIVE(dto.area) || !DECIMAL_POSITIVE(dto.plotRatio) || startPriceFen <= 0n || depositFen <= 0n) {
      throw LandErrors.PARCEL_INVALID({ reason: 'area, plot ratio, start price and deposit must be positive' });
    }
    if (reserveFen !== null && reserveFen < startPriceFen) throw LandErrors.RESERVE_INVALID({ startPrice: dto.startPrice });
    return this.txr.run(async (tx) => {
      const inForce = (await this.rules.inForce(tx.em, TradingDomain.Land, dto.ruleSet === 'sandbox')).params as unknown as LandRules;
      this.checkTerms(dto.use, dto.termYears, increment, startPriceFen, inForce);
      const project = await this.projects.register(actor, { domain: TradingDomain.Land, name: dto.name, region: dto.region, ownerOrganisationId: dto.ownerOrganisationId, ruleSet: dto.ruleSet }, tx);
      const reserveSealed = reserveFen === null ? null : this.sealer.seal(RESERVE_PURPOSE, reserveFen.toString(), reserveAad(project.id));
      await this.parcels.insert(tx.em, { projectId: project.id, location: dto.location, areaM2: dto.area, use: dto.use, termYears: dto.termYears, plotRatio: dto.plotRatio, mode: dto.mode, startPriceFen, increment, depositFen, reserveSealed });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Owner,
        action: 'land.registered',
        subject: { type: PARCEL_SUBJECT, id: project.id },
        payload: { location: dto.location, areaM2: dto.area, use: dto.use, termYears: dto.termYears, plotRatio: dto.plotRatio, mode: dto.mode, startPriceFen: startPriceFen.toString(), increment, depositFen: depositFen.toString(), hasReserve: reserveFen !== null },
      });
      return parcelView((await this.parcels.byId(tx.em, project.id))!);
    });
  }

  /**
   * 出让公告 (规定 10): the rules freeze into the project, the start lies at least the announcement period ahead and a
   * listing lasts at least the listing period; the engine's lot is created with the sealed reserve, and the start is a
   * milestone of the project that opens the listing (or the auction's live bidding).
   */
  async announce(actor: Actor, projectId: string, dto: AnnounceParcelDto): Promise<ParcelView> {
    return this.txr.run(async (tx) => {
      const p = await this.locked(tx, projectId);
      if (p.status !== 'registered') throw LandErrors.PARCEL_STATE_CONFLICT({ status: p.status, allowed: ['registered'] });
      await this.projects.publish(actor, projectId, tx);
      const rules = (await this.projects.rulesOf(projectId, TradingDomain.Land, tx.em)) as RuleSnapshot<TradingDomain.Land>;
      this.checkTerms(p.use, p.termYears, p.increment, BigInt(p.startPriceFen), rules.params);
      const now = await this.clock.dbNow(tx.em);
      const schedule = checkSchedule(p.mode, dto, now, rules.params.periods);
      if (!schedule.ok) {
        if (schedule.refusal === 'SCHEDULE_MODE_MISMATCH') throw LandErrors.SCHEDULE_MODE_MISMATCH({ mode: p.mode });
        throw LandErrors.SCHEDULE_TOO_EARLY({ earliestStart: schedule.earliestStart, earliestEnd: schedule.earliestEnd, announcementBeforeListing: rules.params.periods.announcementBeforeListing, listing: rules.params.periods.listing });
      }
      const reserveFen = p.reserveSealed ? BigInt(this.sealer.open(RESERVE_PURPOSE, p.reserveSealed, reserveAad(projectId)).toString()) : null;
      const lot = await this.live.createLot(
        tx,
        { projectId, domain: TradingDomain.Land, title: p.name, startPriceFen: BigInt(p.startPriceFen), increment: p.increment, reserveFen, countdownSeconds: rules.params.numbers.countdownSeconds, bidsOnGrid: rules.params.numbers.bidsOnIncrementGrid === 1 },
        actor,
      );
      const kind = p.mode === 'listing' ? LISTING_START_KIND : AUCTION_START_KIND;
      const counting = countingOf(rules.params.periods.announcementBeforeListing);
      const milestone = await this.projects.schedule(tx, projectId, { kind, dueAt: schedule.startsAt, payload: { projectId }, counting }, actor);
      await this.parcels.markAnnounced(tx.em, projectId, {
        lotId: lot.id,
        listingStartsAt: p.mode === 'listing' ? schedule.startsAt : null,
        listingEndsAt: schedule.endsAt,
        auctionAt: p.mode === 'auction' ? schedule.startsAt : null,
        startMilestoneId: milestone.id,
      });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'land.announced',
        subject: { type: PARCEL_SUBJECT, id: projectId },
        payload: { lotId: lot.id, mode: p.mode, startsAt: schedule.startsAt, endsAt: schedule.endsAt, ruleSetVersion: rules.version, countdownSeconds: rules.params.numbers.countdownSeconds, bidsOnGrid: lot.bidsOnGrid },
      });
      return parcelView((await this.parcels.byId(tx.em, projectId))!);
    });
  }

  async get(actor: Actor, projectId: string): Promise<ParcelView> {
    const p = await this.load(projectId);
    if (!isOwner(actor, p) && !operates(actor) && !supervises(actor)) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    return parcelView(p);
  }

  /** The centre's desk; supervisors read the same list. A regulator of another domain is refused. */
  async desk(actor: Actor, q: ParcelDeskQuery): Promise<ParcelDeskPage> {
    if (!operates(actor) && !supervises(actor)) throw LandErrors.NOT_YOUR_DOMAIN();
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.parcels.deskPage(this.txr.dataSource.manager, { status: q.status, waiting: q.waiting }, page, pageSize);
    return { items: items.map(parcelDeskItemView), total, page, pageSize };
  }

  async publicList(): Promise<PublicParcelView[]> {
    const em = this.txr.dataSource.manager;
    const rows = await this.parcels.publicPage(em);
    return Promise.all(rows.map(async (p) => publicParcelView(p, await this.phaseOf(p))));
  }

  async publicOne(projectId: string): Promise<PublicParcelDetailView> {
    const p = await this.load(projectId);
    if (p.status === 'registered') throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    const changes = await this.notices.of(this.txr.dataSource.manager, projectId);
    return {
      ...publicParcelView(p, await this.phaseOf(p)),
      scheduleChanges: changes.map((c) => ({ step: c.stepName, previousAt: c.previousAt, newAt: c.newAt, reannounced: c.reannounced, publishedAt: c.publishedAt })),
    };
  }

  async load(projectId: string): Promise<ParcelRow> {
    const p = await this.parcels.byId(this.txr.dataSource.manager, projectId);
    if (!p) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    return p;
  }

  private async phaseOf(p: ParcelRow): Promise<string | null> {
    if (!p.lotId || p.status !== 'announced') return null;
    return this.txr.run(async (tx) => (await this.live.lot(tx, p.lotId!)).phase);
  }

  private async locked(tx: Tx, projectId: string): Promise<ParcelRow> {
    const p = await this.parcels.byId(tx.em, projectId, 'update');
    if (!p) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    return p;
  }

  private checkTerms(use: ParcelRow['use'], termYears: number, increment: IncrementFen, startPriceFen: bigint, rules: LandRules): void {
    const max = maxTermYears(use, rules);
    if (termYears > max) throw LandErrors.TERM_TOO_LONG({ use, termYears, maxYears: max });
    const problem = incrementProblem(increment, startPriceFen, rules);
    if (problem) throw LandErrors.INCREMENT_INVALID({ reason: problem, minIncrement: Money.ofFen(rules.amountsFen.minIncrement).toYuan() });
  }
}

/** Exactly one of a fixed step or a ladder, in fen as the engine keeps it. */
function incrementOf(dto: IncrementDto): IncrementFen {
  if ((dto.fixed === undefined) === (dto.ladder === undefined)) throw LandErrors.INCREMENT_INVALID({ reason: 'give either a fixed step or a ladder' });
  if (dto.fixed !== undefined) return { fixedFen: Money.fromYuan(dto.fixed).fen.toString() };
  return { ladder: dto.ladder!.map((b) => ({ fromFen: Money.fromYuan(b.from).fen.toString(), stepFen: Money.fromYuan(b.step).fen.toString() })) };
}
