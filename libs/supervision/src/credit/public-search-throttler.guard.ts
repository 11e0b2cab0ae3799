import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { PlatformErrors } from '@app/platform/errors/platform-errors';

/**
 * The anonymous name search: `PUBLIC_SEARCH_PER_MINUTE` a minute per client address, counted in Redis (the platform's
 * throttler storage) so every api process shares the count; the key is this route's own, apart from the login count.
 * Over the limit → 429 TOO_MANY_REQUESTS; a count that cannot be taken (Redis down) → 503, never let through uncounted.
 */
@Injectable()
export class PublicSearchThrottlerGuard extends ThrottlerGuard {
  @Inject(APP_CONFIG) private readonly config!: AppConfig;

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(context);
    } catch (err) {
      if (err instanceof ThrottlerException) throw err;
      throw PlatformErrors.SERVICE_UNAVAILABLE();
    }
  }

  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({ ...props, limit: this.config.publicSearchPerMinute, ttl: 60_000, blockDuration: 60_000 });
  }

  protected override async getTracker(req: { ip?: string }): Promise<string> {
    return req.ip ?? 'unknown';
  }
}
