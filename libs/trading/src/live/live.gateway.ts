import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { FeedSink, LIVE_NAMESPACE, lotRoom } from './feed-pump';
import { LotEvent, LotRepository } from './lot.repository';
import { TransactionRunner } from '@app/platform/database/transaction-runner';

/** The api's side of the feed: sends into socket.io rooms (through the Redis adapter, to every api process). */
export class SocketFeedSink implements FeedSink {
  namespace: Namespace | null = null;

  emit(room: string, event: LotEvent & { lotId: string }): void {
    this.namespace?.to(room).emit('event', event);
  }
}

/**
 * Watchers (anyone, no login: only paddle numbers travel) join `lot:<id>` with `watch { lotId, after }`; the events
 * after `after` come first from the database, then live ones. Each event has its `seq`: a client applies each once.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true } })
export class LiveGateway implements OnGatewayInit {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly sink: SocketFeedSink,
    private readonly lots: LotRepository,
    private readonly txr: TransactionRunner,
  ) {}

  afterInit(namespace: Namespace): void {
    this.sink.namespace = namespace;
  }

  @SubscribeMessage('watch')
  async watch(@ConnectedSocket() client: Socket, @MessageBody() body: { lotId?: unknown; after?: unknown }): Promise<{ ok: boolean; replayed: number }> {
    const lotId = typeof body?.lotId === 'string' && /^[0-9a-f-]{36}$/.test(body.lotId) ? body.lotId : null;
    const after = Number.isSafeInteger(body?.after) && (body.after as number) >= 0 ? (body.after as number) : 0;
    if (!lotId) return { ok: false, replayed: 0 };
    await client.join(lotRoom(lotId));
    const missed = await this.lots.events(this.txr.dataSource.manager, lotId, after);
    for (const e of missed) client.emit('event', { lotId, ...e });
    return { ok: true, replayed: missed.length };
  }
}
