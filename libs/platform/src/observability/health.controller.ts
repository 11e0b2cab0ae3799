import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { Public } from '../auth/decorators';
import { coveredYears } from '../calendar/holiday-schedule';
import { QueueName } from '../queues/queue-names';

@ApiTags('health 运行状态')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @InjectQueue(QueueName.Milestones) private readonly milestones: Queue,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: '健康检查:数据库、Redis、队列,及本进程已载入的日历年度 / Health of database, Redis and queue, and the calendar years this process has loaded' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => this.redis(),
      () => this.queue(),
      () => this.indicator.check('calendar').up(coveredYears()),
    ]);
  }

  private async redis() {
    const check = this.indicator.check('redis');
    try {
      const client = await this.milestones.client;
      const pong = await (client as unknown as { ping(): Promise<string> }).ping();
      return pong === 'PONG' ? check.up() : check.down({ message: pong });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }

  private async queue() {
    const check = this.indicator.check('queue');
    try {
      const counts = await this.milestones.getJobCounts('waiting', 'active', 'delayed', 'failed');
      return check.up(counts);
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}
