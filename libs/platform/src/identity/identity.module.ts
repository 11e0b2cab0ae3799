import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisOptions } from '../queues/redis-connection';
import { AccountRepository } from './account.repository';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { IdentityService } from './identity.service';
import { THROTTLE_REDIS_TIMEOUT_MS } from './login-throttler.guard';

/** Organisations, accounts, login and role grants (一号申请). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginAttemptsPerMinute }],
        // Given options (not a client), the storage owns its connection and closes it on shutdown. With Redis down a
        // count fails within THROTTLE_REDIS_TIMEOUT_MS and the login guard answers 503 SERVICE_UNAVAILABLE (fails closed).
        storage: new ThrottlerStorageRedisService({
          ...redisOptions(config.redisUrl),
          maxRetriesPerRequest: 1,
          commandTimeout: THROTTLE_REDIS_TIMEOUT_MS,
          keyPrefix: `${config.redisPrefix}:throttle:`,
        }),
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [IdentityService, AccountRepository],
  exports: [IdentityService],
})
export class IdentityModule {}
