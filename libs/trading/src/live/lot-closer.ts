import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { IntakeService } from '@app/platform/intake/intake.service';
import { JobName, QueueName } from '@app/platform/queues/queue-names';
import { FeedPump } from './feed-pump';
import { LiveBiddingService, LOT_SUBJECT } from './live-bidding.service';
import { LotEndSummary, LotOutcome } from './live.types';
import { LotRepository } from './lot.repository';

const RECONCILE_MS = Number(process.env.LOT_RECONCILE_MS ?? 1000);

export type CloseResult = 'closed' | 'busy' | 'missing' | 'not_open' | 'stale' | 'suspended' | { early: number };

/** With no domain rule: the highest bid wins if it meets the reserve; no bid, nobody wins. */
export function defaultOutcome(s: LotEndSummary): LotOutcome {
  if (s.highestFen === null) return 'unsold';
  return s.reserveFen !== null && s.highestFen < s.reserveFen ? 'reserve_not_met' : 'sold';
}

/**
 * Closes a lot's phase when its time is up, once: the row is locked (SKIP LOCKED: another worker has it), the job's
 * version must still be the lot's (a later bid made a newer job), and the database clock must be past `ends_at`.
 * Redis only wakes this; a scan of overdue lots every second closes whatever a lost job left open.
 */
@Processor(QueueName.LotClosings)
export class LotCloser extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LotCloser.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly txr: TransactionRunner,
    private readonly lots: LotRepository,
    private readonly live: LiveBiddingService,
    private readonly feed: FeedPump,
    private readonly intake: IntakeService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), RECONCILE_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async process(job: Job, token?: string): Promise<CloseResult> {
    if (job.name !== JobName.CloseLot) throw new Error(`unknown job ${job.name}`);
    const { lotId, version } = job.data as { lotId: string; version: number };
    const result = await this.close(lotId, version);
    if (typeof result === 'object') {
      await job.moveToDelayed(Date.now() + result.early + 5, token);
      throw new DelayedError();
    }
    return result;
  }

  async reconcile(): Promise<void> {
    try {
      for (const { id } of await this.lots.overdue(this.txr.dataSource.manager)) await this.close(id);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'lot reconciliation failed');
    }
  }

  async close(lotId: string, version?: number): Promise<CloseResult> {
    const result = await this.txr.run(async (tx): Promise<CloseResult> => {
      // A listing's end waits (bounded) for applications fully received before it whose write has not committed yet.
      const seen = await this.lots.byId(tx.em, lotId);
      if (seen?.phase === 'listing' && seen.endsAt) await this.intake.settle(tx.em, { type: LOT_SUBJECT, id: lotId }, seen.endsAt);
      const lot = await this.lots.byId(tx.em, lotId, 'skip');
      if (!lot) return (await this.lots.byId(tx.em, lotId)) ? 'busy' : 'missing';
      if (lot.phase !== 'listing' && lot.phase !== 'live') return 'not_open';
      if (version !== undefined && version !== lot.version) return 'stale';
      // A suspended project's lot neither ends, sells nor fails: the resumption gives it a new end and a new job.
      if (lot.suspendedAt !== null || (await this.lots.projectSuspended(tx.em, lotId))) return 'suspended';
      const [{ remaining }] = await tx.em.query(`SELECT GREATEST(0, EXTRACT(EPOCH FROM ($1::timestamptz - now())) * 1000)::int AS remaining`, [lot.endsAt]);
      if (remaining > 0) return { early: remaining };
      const summary = await this.live.summary(tx, lotId);
      const handler = this.live.endHandler(lot.domain);
      if (handler) await handler(tx, lot, summary);
      const after = await this.lots.byId(tx.em, lotId);
      if (after && after.version === lot.version) await this.live.end(tx, lotId, defaultOutcome(summary), SYSTEM_ACTOR);
      return 'closed';
    });
    if (result === 'closed') await this.feed.pump(lotId);
    return result;
  }
}
