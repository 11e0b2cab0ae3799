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
import { AppConfig, loadConfig } from '@app/platform/config/app-config';
import { serveMetrics } from '@app/platform/observability/metrics-server';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the api (used by main.ts, the integration tests and the demo seed, so all run the same application). */
export async function createApiApp(module: Type<unknown> = AppModule): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // X-Forwarded-For counts only when the TCP peer is one of TRUSTED_PROXIES: request.ip (stored with bids and
    // quotes, counted by the login throttle, logged at login) is otherwise the peer's own address.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
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

/** Listens on the public port and serves /metrics on the internal one; closing the app closes both. */
export async function listenApi(
  app: NestFastifyApplication,
  at: Pick<AppConfig, 'port' | 'host' | 'metricsPort' | 'metricsHost'>,
): Promise<{ port: number; metricsPort: number }> {
  const metrics = await serveMetrics(at.metricsHost, at.metricsPort);
  app.getHttpAdapter().getInstance().addHook('onClose', async () => metrics.close());
  try {
    await app.listen(at.port, at.host);
  } catch (e) {
    await metrics.close();
    throw e;
  }
  return { port: (app.getHttpServer().address() as { port: number }).port, metricsPort: metrics.port };
}
