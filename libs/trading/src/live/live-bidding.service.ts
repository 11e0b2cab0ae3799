import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Counting, remainingAt } from '@app/platform/calendar/working-time';
import { Sealer } from '@app/platform/crypto/sealer';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { JobName, QueueName } from '@app/platform/queues/queue-names';
import { FeedPump } from './feed-pump';
import { LiveErrors } from './live-errors';
import { LotEndHandler, LotEndSummary, LotOutcome, LotRow, NewLot } from './live.types';
import { LotEvent, LotRepository } from './lot.repository';
import { gridAt } from './rules/increment-grid';
import { BidAnswerView, PublicLotView } from './dto/lot.view';

export const LOT_SUBJECT = 'lot';
const RESERVE_PURPOSE = 'lot-reserve';
export const closeJobId = (lotId: string, version: number) => `lot-${lotId}-v${version}`;

/**
 * The live-bidding engine (挂牌 and 限时竞价) shared by every domain that bids live. A lot's row is its own milestone:
 * `ends_at` is the due time and `version` the job's version; the closing job only wakes the worker.
 */
@Injectable()
export class LiveBiddingService {
  private static readonly endHandlers = new Map<string, LotEndHandler>();

  constructor(
    private readonly txr: TransactionRunner,
    private readonly lots: LotRepository,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly feed: FeedPump,
    @InjectQueue(QueueName.LotClosings) private readonly closings: Queue,
  ) {}

  /** A domain says what happens when a phase of its lots is over (called once, inside the closing transaction). */
  onEnd(domain: string, handler: LotEndHandler): void {
    LiveBiddingService.endHandlers.set(domain, handler);
  }

  endHandler(domain: string): LotEndHandler | undefined {
    return LiveBiddingService.endHandlers.get(domain);
  }

  async createLot(tx: Tx, lot: NewLot, actor: Actor): Promise<LotRow> {
    const id = randomUUID();
    const reserveSealed = lot.reserveFen == null ? null : this.sealer.seal(RESERVE_PURPOSE, lot.reserveFen.toString(), `${LOT_SUBJECT}:${id}`);
    const bidsOnGrid = lot.bidsOnGrid ?? false;
    await this.lots.insert(tx.em, { id, projectId: lot.projectId, domain: lot.domain, title: lot.title, startPriceFen: lot.startPriceFen, increment: lot.increment, reserveSealed, countdownSeconds: lot.countdownSeconds, bidsOnGrid });
    await this.audit.append(tx.em, {
      actor,
      action: 'lot.created',
      subject: { type: LOT_SUBJECT, id },
      payload: { projectId: lot.projectId, domain: lot.domain, title: lot.title, startPriceFen: lot.startPriceFen.toString(), increment: lot.increment, hasReserve: lot.reserveFen != null, countdownSeconds: lot.countdownSeconds, bidsOnGrid },
    });
    return (await this.lots.byId(tx.em, id))!;
  }

  async admit(tx: Tx, lotId: string, organisationId: string, actor: Actor): Promise<number> {
    const { paddle, created } = await this.lots.admit(tx.em, lotId, organisationId);
    if (created) await this.audit.append(tx.em, { actor, action: 'lot.bidder_admitted', subject: { type: LOT_SUBJECT, id: lotId }, payload: { organisationId, paddle } });
    return paddle;
  }

  /** 挂牌 until `endsAt`; `counting` 'working' when the listing period is counted in working days (a suspension keeps them). */
  startListing(tx: Tx, lotId: string, endsAt: Date, actor: Actor, counting: Counting = 'elapsed'): Promise<LotRow> {
    return this.startPhase(tx, lotId, 'listing', new Date(), endsAt, actor, null, counting);
  }

  /**
   * The project's suspension freezes its open lots (the row refuses bids and the closer leaves it) and tells the
   * watchers; the ends they had are the periods the kernel shifts at the resumption.
   */
  async freezeProject(tx: Tx, projectId: string, at: Date): Promise<{ id: string; phase: 'listing' | 'live'; endsAt: Date; counting: Counting }[]> {
    const frozen = await this.lots.freezeOpen(tx.em, projectId);
    for (const l of frozen) {
      const payload = { phase: l.phase, endsAt: l.endsAt, suspended: true, suspendedAt: at, remainingMs: remainingAt(l.endsAt, at, l.counting) };
      await this.lots.insertEvent(tx.em, l.id, l.eventSeq, 'phase', payload);
      await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'lot.suspended', subject: { type: LOT_SUBJECT, id: l.id }, payload: { projectId, ...payload } });
      tx.afterCommit(() => this.feed.pump(l.id));
    }
    return frozen;
  }

  /** The resumption: the lot's phase goes on until `endsAt`, bids are taken again, and a new closing job is set. */
  async resumeLot(tx: Tx, lotId: string, endsAt: Date, at: Date): Promise<void> {
    const resumed = await this.lots.unfreeze(tx.em, lotId, endsAt);
    if (!resumed) return;
    const payload = { phase: resumed.phase, endsAt, resumed: true, resumedAt: at };
    await this.lots.insertEvent(tx.em, lotId, resumed.eventSeq, 'phase', payload);
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'lot.resumed', subject: { type: LOT_SUBJECT, id: lotId }, payload });
    tx.afterCommit(async () => {
      await this.wakeCloser(lotId, resumed.version, endsAt);
      await this.feed.pump(lotId);
    });
  }

  /** 限时竞价 from `startsAt`; `paddles` limits it to those bidders (e.g. who declared they would go on), else all. */
  async startLive(tx: Tx, lotId: string, startsAt: Date, actor: Actor, paddles: number[] | null = null): Promise<LotRow> {
    const lot = await this.lots.byId(tx.em, lotId);
    if (!lot) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    return this.startPhase(tx, lotId, 'live', startsAt, new Date(startsAt.getTime() + lot.countdownSeconds * 1000), actor, paddles);
  }

  /** Ends the lot; the reserve is opened here and only here, and goes into the result with the winner's paddle. */
  async end(tx: Tx, lotId: string, outcome: LotOutcome, actor: Actor): Promise<LotRow> {
    const lot = await this.lots.byId(tx.em, lotId, 'update');
    if (!lot) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    if (lot.phase === 'ended') throw LiveErrors.LOT_STATE_CONFLICT({ id: lotId, phase: lot.phase });
    const reserveFen = await this.reserveOf(tx, lotId);
    const ended = await this.lots.finish(tx.em, lotId, outcome, reserveFen);
    const payload = { outcome, winnerPaddle: ended.winnerPaddle, priceFen: outcome === 'sold' ? ended.currentPriceFen : null, reserveFen: reserveFen?.toString() ?? null };
    await this.lots.insertEvent(tx.em, lotId, ended.eventSeq, 'result', payload);
    await this.audit.append(tx.em, { actor, action: 'lot.ended', subject: { type: LOT_SUBJECT, id: lotId }, payload });
    tx.afterCommit(() => this.feed.pump(lotId));
    return ended;
  }

  async lot(tx: Tx, lotId: string): Promise<LotRow> {
    const lot = await this.lots.byId(tx.em, lotId);
    if (!lot) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    return lot;
  }

  async summary(tx: Tx, lotId: string): Promise<LotEndSummary> {
    const lot = await this.lot(tx, lotId);
    const counts = await this.lots.phaseSummary(tx.em, lotId, lot.phase);
    return { ...counts, highestFen: lot.currentPriceFen === null ? null : BigInt(lot.currentPriceFen), leaderPaddle: lot.leaderPaddle, reserveFen: await this.reserveOf(tx, lotId) };
  }

  /** A bid through HTTP. The same client key from the same bidder returns the first answer and bids nothing. */
  async bid(actor: Actor, lotId: string, priceYuan: string, clientKey: string): Promise<BidAnswerView> {
    const priceFen = Money.fromYuan(priceYuan).fen;
    const pre = await this.lots.precheck(this.txr.dataSource.manager, lotId, actor.organisationId);
    if (!pre) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    if (pre.paddle === null || (pre.phase === 'live' && pre.livePaddles !== null && !pre.livePaddles.includes(pre.paddle))) throw LiveErrors.NOT_ADMITTED({ id: lotId });
    const paddle = pre.paddle;
    const earlier = await this.replay(lotId, actor.organisationId!, clientKey);
    if (earlier) return earlier;
    const early = refusalOf(lotId, pre);
    if (early) throw early;
    if (priceFen < BigInt(pre.minimumFen)) throw LiveErrors.BID_TOO_LOW({ id: lotId, nextMinimum: Money.ofFen(pre.minimumFen).toYuan() });
    // The grid is fixed when the lot is created, so this unlocked check cannot race; the write re-checks it in SQL.
    if (pre.bidsOnGrid) {
      const grid = gridAt(pre.increment, BigInt(pre.startPriceFen), priceFen);
      if (!grid.onGrid) throw LiveErrors.BID_OFF_GRID({ id: lotId, price: Money.ofFen(priceFen).toYuan(), startPrice: Money.ofFen(pre.startPriceFen).toYuan(), nextOnGrid: Money.ofFen(grid.nextFen).toYuan() });
    }
    try {
      return await this.txr.run(async (tx) => {
        const accepted = await this.lots.accept(tx.em, { lotId, priceFen, paddle, clientKey, organisationId: actor.organisationId!, accountId: actor.accountId! });
        if (!accepted) throw await this.refusal(tx, lotId);
        await this.audit.append(tx.em, {
          actor,
          role: Role.Bidder,
          action: 'lot.bid_accepted',
          subject: { type: LOT_SUBJECT, id: lotId },
          payload: { bidSeq: accepted.bidSeq, paddle, organisationId: actor.organisationId, priceFen: priceFen.toString(), phase: accepted.phase, endsAt: accepted.endsAt, clientKey },
        });
        tx.afterCommit(async () => {
          void this.feed.pump(lotId); // first: the watchers need not wait for the closing job's add; the answer waits for neither
          if (accepted.phase === 'live') await this.wakeCloser(lotId, accepted.version, accepted.endsAt);
        });
        return { lotId, bidSeq: accepted.bidSeq, paddle, price: Money.ofFen(priceFen).toYuan(), phase: accepted.phase, endsAt: accepted.endsAt, acceptedAt: accepted.acceptedAt, replayed: false };
      });
    } catch (err) {
      // The same key raced itself: the other request's bid stands, and this one answers with it.
      if ((err as { code?: string; constraint?: string }).code === '23505' && String((err as { constraint?: string }).constraint).includes('client_key')) {
        const first = await this.replay(lotId, actor.organisationId!, clientKey);
        if (first) return first;
      }
      throw err;
    }
  }

  async publicLot(lotId: string): Promise<PublicLotView> {
    const em = this.txr.dataSource.manager;
    const lot = await this.lots.byId(em, lotId);
    if (!lot) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    const refusal = await this.lots.refusal(em, lotId);
    return {
      id: lot.id,
      title: lot.title,
      domain: lot.domain,
      phase: lot.phase,
      startPrice: Money.ofFen(lot.startPriceFen).toYuan(),
      currentPrice: lot.currentPriceFen === null ? null : Money.ofFen(lot.currentPriceFen).toYuan(),
      nextMinimum: lot.phase === 'ended' ? null : Money.ofFen(refusal!.minimumFen).toYuan(),
      leaderPaddle: lot.leaderPaddle,
      bids: lot.bidSeq,
      lastSeq: lot.eventSeq,
      startsAt: lot.startsAt,
      endsAt: lot.endsAt,
      countdownSeconds: lot.countdownSeconds,
      outcome: lot.outcome,
      winnerPaddle: lot.winnerPaddle,
      suspendedAt: lot.suspendedAt,
      remainingMs: lot.suspendedAt && lot.endsAt ? remainingAt(lot.endsAt, lot.suspendedAt, lot.counting) : null,
      serverTime: refusal!.now,
    };
  }

  async events(lotId: string, after: number): Promise<LotEvent[]> {
    const em = this.txr.dataSource.manager;
    if (!(await this.lots.byId(em, lotId))) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    return this.lots.events(em, lotId, after);
  }

  async myPaddle(actor: Actor, lotId: string): Promise<{ paddle: number }> {
    const paddle = await this.lots.paddleOf(this.txr.dataSource.manager, lotId, actor.organisationId);
    if (paddle === undefined) throw LiveErrors.NOT_ADMITTED({ id: lotId });
    return { paddle };
  }

  /** Who held which paddle: to the centre after the end, to supervisors always (they read the audit trail anyway). */
  async bidders(actor: Actor, lotId: string) {
    const em = this.txr.dataSource.manager;
    const lot = await this.lots.byId(em, lotId);
    if (!lot) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    const supervisor = hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, lot.domain as never);
    if (!supervisor && lot.phase !== 'ended') throw LiveErrors.LOT_IDENTITIES_SEALED({ id: lotId });
    return this.lots.bidders(em, lotId);
  }

  wakeCloser(lotId: string, version: number, endsAt: Date): Promise<unknown> {
    return this.closings.add(JobName.CloseLot, { lotId, version }, { jobId: closeJobId(lotId, version), delay: Math.max(0, endsAt.getTime() - Date.now()), attempts: 5, backoff: { type: 'exponential', delay: 500 } });
  }

  private async startPhase(tx: Tx, lotId: string, phase: 'listing' | 'live', startsAt: Date, endsAt: Date, actor: Actor, paddles: number[] | null = null, counting: Counting = 'elapsed'): Promise<LotRow> {
    const lot = await this.lots.byId(tx.em, lotId, 'update');
    if (!lot) throw LiveErrors.LOT_NOT_FOUND({ id: lotId });
    if (lot.phase === 'ended' || (phase === 'listing' && lot.phase !== 'pending')) throw LiveErrors.LOT_STATE_CONFLICT({ id: lotId, phase: lot.phase, to: phase });
    const { eventSeq, version } = await this.lots.setPhase(tx.em, lotId, phase, startsAt, endsAt, paddles, counting);
    await this.lots.insertEvent(tx.em, lotId, eventSeq, 'phase', { phase, startsAt, endsAt, countdownSeconds: lot.countdownSeconds, paddles });
    await this.audit.append(tx.em, { actor, action: `lot.${phase}_started`, subject: { type: LOT_SUBJECT, id: lotId }, payload: { from: lot.phase, startsAt, endsAt, paddles } });
    tx.afterCommit(async () => {
      await this.wakeCloser(lotId, version, endsAt);
      await this.feed.pump(lotId);
    });
    return (await this.lots.byId(tx.em, lotId))!;
  }

  private async replay(lotId: string, organisationId: string, clientKey: string): Promise<BidAnswerView | undefined> {
    const b = await this.lots.bidByKey(this.txr.dataSource.manager, lotId, organisationId, clientKey);
    return b && { lotId, bidSeq: b.seq, paddle: b.paddle, price: Money.ofFen(b.priceFen).toYuan(), phase: b.phase, endsAt: b.endsAt, acceptedAt: b.acceptedAt, replayed: true };
  }

  private async refusal(tx: Tx, lotId: string) {
    const r = await this.lots.refusal(tx.em, lotId);
    if (!r) return LiveErrors.LOT_NOT_FOUND({ id: lotId });
    return refusalOf(lotId, r) ?? LiveErrors.BID_TOO_LOW({ id: lotId, nextMinimum: Money.ofFen(r.minimumFen).toYuan() });
  }

  private async reserveOf(tx: Tx, lotId: string): Promise<bigint | null> {
    const sealed = await this.lots.reserveSealed(tx.em, lotId);
    return sealed ? BigInt(this.sealer.open(RESERVE_PURPOSE, sealed, `${LOT_SUBJECT}:${lotId}`).toString()) : null;
  }
}

/** Closed or not yet open, by the database clock; undefined when the lot takes bids. */
function refusalOf(lotId: string, r: { phase: string; started: boolean; ended: boolean; suspended: boolean; now: Date }) {
  if (r.suspended && r.phase !== 'ended') return LiveErrors.LOT_SUSPENDED({ id: lotId, serverTime: r.now });
  if (r.ended) return LiveErrors.LOT_CLOSED({ id: lotId, serverTime: r.now });
  if (r.phase === 'pending' || !r.started) return LiveErrors.LOT_NOT_OPEN({ id: lotId, serverTime: r.now });
  return undefined;
}
