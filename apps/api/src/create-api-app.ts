import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { mountBullBoard } from './bull-board';
import { mountHttpMetrics } from './http-metrics';
import { mountSwagger } from './swagger';
import { mountWeb } from './web';
import { RedisIoAdapter } from './redis-io.adapter';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { installBodyReceipts } from '@app/platform/http/received-at';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the api (used by main.ts, the integration tests and the demo seed, so all run the same application). */
export async function createApiApp(module: Type<unknown> = AppModule): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Uploads (the expert import) are read as a stream of one file, up to 50 MB; JSON bodies keep BODY_LIMIT_BYTES.
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  app.useWebSocketAdapter(new RedisIoAdapter(app, app.get(APP_CONFIG)));
  // Time of receipt: when each body's last byte was read (docs/decisions.md).
  installBodyReceipts(app.getHttpAdapter().getInstance());
  mountHttpMetrics(app);
  mountSwagger(app);
  await mountBullBoard(app);
  await mountWeb(app);
  return app;
}
