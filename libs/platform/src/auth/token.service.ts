import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PlatformErrors } from '../errors/platform-errors';

export interface AccessClaims {
  sub: string;
  typ: 'access';
}

/** Short-lived HS256 access tokens; what an account may do is read fresh from the database on every request. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(accountId: string): { accessToken: string; expiresIn: number } {
    const accessToken = this.jwt.sign({ sub: accountId, typ: 'access' } satisfies AccessClaims, {
      secret: this.config.jwtSecret,
      expiresIn: this.config.jwtTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds };
  }

  verify(token: string): AccessClaims {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, { secret: this.config.jwtSecret, algorithms: ['HS256'] });
      if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new Error('wrong token type');
      return claims;
    } catch {
      throw PlatformErrors.TOKEN_INVALID();
    }
  }
}
