import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { PlatformErrors } from '../errors/platform-errors';

/** How long a login waits for the attempt count before it is refused as unavailable. */
export const THROTTLE_REDIS_TIMEOUT_MS = 1000;

/** Login attempts are counted per username and client address, in Redis so all api processes share the count. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  /** Fails closed: an attempt that cannot be counted (Redis down) is refused with 503, never let through unthrottled. */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(context);
    } catch (err) {
      if (err instanceof ThrottlerException) throw err;
      throw PlatformErrors.SERVICE_UNAVAILABLE();
    }
  }

  protected override async getTracker(req: { ip?: string; body?: { username?: unknown } }): Promise<string> {
    const username = typeof req.body?.username === 'string' ? req.body.username.slice(0, 64).toLowerCase() : '';
    return `${req.ip ?? 'unknown'}|${username}`;
  }
}
