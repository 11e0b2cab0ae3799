import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '@app/platform/config/app-config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const port = Number(process.env.WORKER_HEALTH_PORT ?? 3001);
  await app.listen(port, '127.0.0.1');
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`配置错误 / configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
