import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { dataSourceOptions } from '@app/platform/database/data-source-options';
import { redisOptions } from '@app/platform/queues/redis-connection';
import { FeedChannel } from './feed-channel';
import { LotRepository } from './lot.repository';

export { LIVE_NAMESPACE, lotRoom } from './feed-channel';

/**
 * Publishes [channel, sent key TTL, seq1, message1, seq2, message2, …] in order, each only if it is the next after the
 * lot's last published sequence; returns that sequence. Redis runs a script alone, so whichever processes offer the same
 * events, each is published once and every subscriber receives them in sequence order. With the mark lost (a Redis
 * flush) the first run offered starts it again: watchers may get a repeat (applied once by seq), never a hole.
 */
const PUBLISH_IN_ORDER = `
local sent = tonumber(redis.call('GET', KEYS[1]) or (tonumber(ARGV[3]) - 1))
for i = 3, #ARGV, 2 do
  if tonumber(ARGV[i]) == sent + 1 then
    redis.call('PUBLISH', ARGV[1], ARGV[i + 1])
    sent = sent + 1
  end
end
redis.call('SET', KEYS[1], sent, 'EX', ARGV[2])
return sent`;

const SENT_TTL_SECONDS = 7 * 86400;
const BATCH = 500;

type ScriptRedis = Redis & { feedPublishInOrder(sentKey: string, ...args: (string | number | Buffer)[]): Promise<number> };

/**
 * Sends a lot's committed events to its socket.io room strictly in sequence order, from whichever process committed
 * them (api or worker): after a commit, read the events after the lot's last published sequence and offer them to one
 * Redis script that publishes only the next ones in order. No lock and no second reader: two processes offering
 * overlapping runs publish each event once. The message is encoded once per event here, not per watcher. A watcher
 * that reconnects asks for the events after its last sequence, and each event carries its `seq`, so a client can see a
 * gap (e.g. after Redis lost the last published sequence) and fill it from `GET /public/lots/:id/events`.
 */
@Injectable()
export class FeedPump implements OnModuleDestroy {
  private readonly logger = new Logger(FeedPump.name);
  private readonly redis: ScriptRedis;
  private readonly channel: FeedChannel;
  /**
   * The feed's own two connections: under a burst of bids the shared pool's queue holds the requests, and a pump
   * waiting in it behind them made watchers wait seconds for events already committed (bench/live-feed.ts).
   */
  private readonly db: DataSource;
  private ready: Promise<DataSource> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lots: LotRepository,
  ) {
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 3, lazyConnect: true }) as ScriptRedis;
    this.redis.defineCommand('feedPublishInOrder', { numberOfKeys: 1, lua: PUBLISH_IN_ORDER });
    this.channel = new FeedChannel(config);
    const shared = dataSourceOptions(config.databaseUrl);
    this.db = new DataSource({ ...shared, extra: { ...(shared as { extra: object }).extra, max: 2, application_name: 'yangguang-feed' } } as typeof shared);
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
    if (this.ready) await (await this.ready.catch(() => null))?.destroy();
  }

  private connection(): Promise<DataSource> {
    this.ready ??= this.db.initialize().catch((err) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  private readonly pumping = new Set<string>();
  private readonly again = new Set<string>();
  /** The last published sequence of each lot this process pumped, as the script last answered (one Redis read saved) */
  private readonly lastSent = new Map<string, number>();

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
        await this.publishPending(lotId);
      } while (this.again.has(lotId));
    } catch (err) {
      this.logger.warn({ lotId, err: (err as Error).message }, 'feed pump failed; watchers catch up on reconnect');
    } finally {
      this.pumping.delete(lotId);
    }
  }

  private remember(lotId: string, sent: number): void {
    this.lastSent.delete(lotId); // re-inserted last: the map keeps the lots pumped most recently
    this.lastSent.set(lotId, sent);
    if (this.lastSent.size > 10000) this.lastSent.delete(this.lastSent.keys().next().value!);
  }

  private async publishPending(lotId: string): Promise<void> {
    const sentKey = `${this.config.redisPrefix}:feed:${lotId}:sent`;
    // Another process may have published more since: reading from an older mark only offers events the script skips.
    let sent = this.lastSent.get(lotId) ?? Number((await this.redis.get(sentKey)) ?? 0);
    for (let round = 0; round < 50; round++) {
      const events = await this.lots.events((await this.connection()).manager, lotId, sent, BATCH);
      if (!events.length) return;
      const args: (string | number | Buffer)[] = [];
      let channel = '';
      for (const e of events) {
        const m = this.channel.message(lotId, e);
        channel = m.channel;
        args.push(e.seq, m.bytes);
      }
      const published = Number(await this.redis.feedPublishInOrder(sentKey, channel, SENT_TTL_SECONDS, ...args));
      this.remember(lotId, published);
      const last = events[events.length - 1].seq;
      // Published up to `last` (by us or another process): done unless the page was full. Behind the events read
      // (the sent mark was lost with Redis): read again from where Redis stands.
      if (published >= last && events.length < BATCH) return;
      sent = published;
    }
  }
}
