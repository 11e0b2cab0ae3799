/**
 * A bare BullMQ Worker doing nothing with its job: the floor for a delayed job's lateness on this machine's Redis.
 * Spawned twice by bench/closings.ts. Usage: node dist/bench/support/bare-worker.js <queue> <prefix> [concurrency=8]
 * (port of a tiny /health from WORKER_HEALTH_PORT, so the bench knows it is ready).
 */
import { Worker } from 'bullmq';
import { createServer } from 'node:http';
import { redisOptions } from '../../libs/platform/src/queues/redis-connection';

const [queue, prefix, concurrency = '8'] = process.argv.slice(2);
const worker = new Worker(queue, async () => null, { connection: redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix, concurrency: Number(concurrency) });
const health = createServer((_, res) => res.end('ok')).listen(Number(process.env.WORKER_HEALTH_PORT), '127.0.0.1');
worker.waitUntilReady().catch((err) => {
  console.error(err);
  process.exit(1);
});
process.on('SIGTERM', () => {
  health.close();
  worker.close().finally(() => process.exit(0));
});
