import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from './queue-names';
import { redisOptions } from './redis-connection';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.redisUrl),
        prefix: config.redisPrefix,
        defaultJobOptions: { removeOnComplete: { age: 24 * 3600, count: 10000 }, removeOnFail: { age: 7 * 24 * 3600 } },
      }),
    }),
    ...queues,
  ],
  exports: [BullModule],
})
export class QueuesModule {}
