import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfig } from '@app/platform/config/app-config';
import { redisOptions } from '@app/platform/queues/redis-connection';
import { socketIoKey } from '@app/trading/live/feed-channel';

/** socket.io across api processes: every room broadcast goes through Redis, so a watcher on any process sees it. */
export class RedisIoAdapter extends IoAdapter {
  private clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    const pub = new Redis({ ...redisOptions(this.config.redisUrl), maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: socketIoKey(this.config) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // QUIT lets the adapter's pending (un)subscribe replies arrive first; a hard disconnect rejected them, unhandled.
    await Promise.allSettled(this.clients.splice(0).map((c) => c.quit()));
  }
}
