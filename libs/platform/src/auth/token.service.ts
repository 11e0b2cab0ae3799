import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
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
  // A KeyObject: given a string, jsonwebtoken first tries it as a public key and throws, on every verify (~1 ms).
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  issue(accountId: string): { accessToken: string; expiresIn: number } {
    const accessToken = this.jwt.sign({ sub: accountId, typ: 'access' } satisfies AccessClaims, {
      secret: this.key as unknown as string,
      expiresIn: this.config.jwtTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds };
  }

  verify(token: string): AccessClaims {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, { secret: this.key as unknown as string, algorithms: ['HS256'] });
      if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new Error('wrong token type');
      return claims;
    } catch {
      throw PlatformErrors.TOKEN_INVALID();
    }
  }
}
