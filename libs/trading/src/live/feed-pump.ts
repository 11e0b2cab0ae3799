import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { redisOptions } from '@app/platform/queues/redis-connection';
import { LotEvent, LotRepository } from './lot.repository';

/** Where feed events go: the api's socket.io server, or the worker's Redis emitter (the same rooms either way). */
export interface FeedSink {
  emit(room: string, event: LotEvent & { lotId: string }): void;
}

export const FEED_SINK = Symbol('FEED_SINK');
export const LIVE_NAMESPACE = '/live';
export const lotRoom = (lotId: string) => `lot:${lotId}`;

/**
 * Sends a lot's committed events to its room strictly in sequence order, from whichever process committed them: one
 * pump per lot at a time (a Redis lock), the last sequence sent kept in Redis, and a "dirty" mark so that events
 * committed while another process pumps are sent by that process or by the next pump. A watcher that reconnects
 * asks for the events after its last sequence, so a mark lost with Redis costs nothing but latency.
 */
@Injectable()
export class FeedPump implements OnModuleDestroy {
  private readonly logger = new Logger(FeedPump.name);
  private readonly redis: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FEED_SINK) private readonly sink: FeedSink,
    private readonly lots: LotRepository,
    private readonly txr: TransactionRunner,
  ) {
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 3, lazyConnect: true });
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private readonly pumping = new Set<string>();
  private readonly again = new Set<string>();

  /** Coalesces within the process: while this process pumps a lot, more requests only ask it to go round once more. */
  async pump(lotId: string): Promise<void> {
    if (this.pumping.has(lotId)) {
      this.again.add(lotId);
      return;
    }
    this.pumping.add(lotId);
    try {
      do {
        this.again.delete(lotId);
        await this.pumpShared(lotId);
      } while (this.again.has(lotId));
    } finally {
      this.pumping.delete(lotId);
    }
  }

  private async pumpShared(lotId: string): Promise<void> {
    const keys = this.keys(lotId);
    try {
      for (let round = 0; round < 50; round++) {
        const token = randomUUID();
        if ((await this.redis.set(keys.lock, token, 'PX', 5000, 'NX')) !== 'OK') {
          await this.redis.set(keys.dirty, '1', 'PX', 60000);
          if ((await this.redis.set(keys.lock, token, 'PX', 5000, 'NX')) !== 'OK') return;
        }
        await this.redis.del(keys.dirty);
        await this.sendPending(lotId, keys.sent);
        if ((await this.redis.get(keys.lock)) === token) await this.redis.del(keys.lock);
        if (!(await this.redis.get(keys.dirty))) return;
      }
    } catch (err) {
      this.logger.warn({ lotId, err: (err as Error).message }, 'feed pump failed; watchers catch up on reconnect');
    }
  }

  private async sendPending(lotId: string, sentKey: string): Promise<void> {
    let sent = Number((await this.redis.get(sentKey)) ?? 0);
    for (;;) {
      const events = await this.lots.events(this.txr.dataSource.manager, lotId, sent);
      if (!events.length) return;
      for (const e of events) this.sink.emit(lotRoom(lotId), { lotId, ...e });
      sent = events[events.length - 1].seq;
      await this.redis.set(sentKey, String(sent), 'EX', 7 * 86400);
    }
  }

  private keys(lotId: string) {
    const base = `${this.config.redisPrefix}:feed:${lotId}`;
    return { lock: `${base}:lock`, dirty: `${base}:dirty`, sent: `${base}:sent` };
  }
}
