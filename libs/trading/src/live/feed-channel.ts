import { Emitter } from '@socket.io/redis-emitter';
import { AppConfig } from '@app/platform/config/app-config';
import { LotEvent } from './lot.repository';

export const LIVE_NAMESPACE = '/live';
export const lotRoom = (lotId: string) => `lot:${lotId}`;

/** The adapter's channel prefix, shared by the api's Redis adapter and every process that publishes feed events. */
export const socketIoKey = (config: AppConfig) => `${config.redisPrefix}:socket.io`;

export interface FeedMessage {
  channel: string;
  bytes: Buffer;
}

/**
 * A feed event as the socket.io Redis adapter expects it on its channel (the emitter's msgpack format), built once per
 * event: every api process decodes it once and writes the same encoded packet to each watcher in the lot's room.
 */
export class FeedChannel {
  private captured: FeedMessage | null = null;
  private readonly emitter: Emitter;

  constructor(config: AppConfig) {
    const capture = { publish: (channel: string, bytes: Buffer) => (this.captured = { channel, bytes }) };
    this.emitter = new Emitter(capture as never, { key: socketIoKey(config) }).of(LIVE_NAMESPACE);
  }

  message(lotId: string, event: LotEvent): FeedMessage {
    this.emitter.to(lotRoom(lotId)).emit('event', { lotId, ...event });
    const m = this.captured!;
    this.captured = null;
    return m;
  }
}
