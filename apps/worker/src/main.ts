import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@app/platform/config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  // Loaded after the configuration is known good: the processors read it when their classes are defined.
  const { WorkerModule } = await import('./worker.module');
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const port = Number(process.env.WORKER_HEALTH_PORT ?? 3001);
  await app.listen(port, config.metricsHost);
  const address = app.getHttpServer().address() as { port: number };
  app.get(Logger).log(`worker ${process.pid} ready; health and metrics on ${config.metricsHost}:${address.port}`);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`配置错误 / configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
