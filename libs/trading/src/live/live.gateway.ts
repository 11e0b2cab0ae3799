import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { LIVE_NAMESPACE, lotRoom } from './feed-channel';
import { LotRepository } from './lot.repository';
import { TransactionRunner } from '@app/platform/database/transaction-runner';

/**
 * Watchers (anyone, no login: only paddle numbers travel) join `lot:<id>` with `watch { lotId, after }`; the events
 * after `after` come first from the database, then live ones (published by FeedPump through Redis to every api
 * process). Each event has its `seq`: a client applies each once, in order, and fills a gap from the HTTP events.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true } })
export class LiveGateway {
  constructor(
    private readonly lots: LotRepository,
    private readonly txr: TransactionRunner,
  ) {}

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
