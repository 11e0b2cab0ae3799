import { OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { AppConfig } from '@app/platform/config/app-config';
import { redisOptions } from '@app/platform/queues/redis-connection';
import { FeedSink, LIVE_NAMESPACE } from './feed-pump';
import { LotEvent } from './lot.repository';

/** The adapter's channel prefix, shared by the api's Redis adapter and the worker's emitter. */
export const socketIoKey = (config: AppConfig) => `${config.redisPrefix}:socket.io`;

/** The worker's side of the feed: results and phase changes published into the api processes' rooms via Redis. */
export class EmitterFeedSink implements FeedSink, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly emitter: Emitter;

  constructor(config: AppConfig) {
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 3 });
    this.emitter = new Emitter(this.redis, { key: socketIoKey(config) });
  }

  emit(room: string, event: LotEvent & { lotId: string }): void {
    this.emitter.of(LIVE_NAMESPACE).to(room).emit('event', event);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
