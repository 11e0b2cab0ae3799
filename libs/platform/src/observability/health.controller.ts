import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, OnModuleDestroy, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { Public } from '../auth/decorators';
import { coveredYears } from '../calendar/holiday-schedule';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from '../queues/queue-names';
import { redisOptions } from '../queues/redis-connection';

/** Each indicator answers within this, so /health answers 503 within a second naming what is down. */
export const HEALTH_INDICATOR_TIMEOUT_MS = 800;

@ApiTags('health 运行状态')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  /** Its own connection: a command to a dead Redis fails after the timeout instead of waiting in the queue's offline queue. */
  private readonly redisClient: Redis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @InjectQueue(QueueName.Milestones) private readonly milestones: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redisClient = new Redis({ ...redisOptions(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 0, commandTimeout: HEALTH_INDICATOR_TIMEOUT_MS, connectTimeout: 2000 });
    this.redisClient.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.redisClient.disconnect();
  }

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      '健康检查:数据库、Redis、队列,及本进程已载入的日历年度;任一不可用时 1 秒内答 503 并指明 / Health of database, Redis and queue, and the calendar years this process has loaded; 503 within a second naming what is down',
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: HEALTH_INDICATOR_TIMEOUT_MS }),
        () => this.redis(),
        () => this.queue(),
        () => this.indicator.check('calendar').up(coveredYears()),
      ]);
    } catch (e) {
      // Terminus throws a 503 carrying { status, info, error, details }: answer with that body, not the generic error shape.
      if (!(e instanceof ServiceUnavailableException)) throw e;
      void reply.status(503);
      return e.getResponse();
    }
  }

  private async redis(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('redis');
    try {
      const pong = await within(this.redisClient.ping());
      return pong === 'PONG' ? check.up() : check.down({ message: pong });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }

  private async queue(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('queue');
    try {
      const client = (await within(this.milestones.client)) as unknown as Redis;
      // A queue command on a dead Redis would wait for the reconnection: say so instead.
      if (client.status !== 'ready') return check.down({ message: `Redis connection is ${client.status}` });
      return check.up(await within(this.milestones.getJobCounts('waiting', 'active', 'delayed', 'failed')));
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}

function within<T>(work: Promise<T>, ms = HEALTH_INDICATOR_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
