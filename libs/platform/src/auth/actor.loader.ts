import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PlatformErrors } from '../errors/platform-errors';
import { ActorCache } from './actor-cache';
import { Actor, Role, TradingDomain } from './roles';

interface Row {
  id: string;
  username: string;
  organisation_id: string | null;
  disabled_at: Date | null;
  role: Role | null;
  domain: TradingDomain | null;
}

/**
 * Loads the account behind a token: a disabled account or a revoked role takes effect on the next request. Actors are
 * kept for `ACTOR_CACHE_MS` (10 s) and dropped the moment PostgreSQL notifies a change of the account (ActorCache); the
 * platform's own changes drop them in this process before they answer (`forget`).
 */
@Injectable()
export class ActorLoader implements OnModuleDestroy {
  readonly cache: ActorCache;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new ActorCache(config.databaseUrl, config.actorCacheMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }

  async load(accountId: string): Promise<Actor> {
    const cached = this.cache.get(accountId);
    if (cached) return cached;
    const mark = this.cache.mark();
    const rows: Row[] = await this.ds.query(
      `SELECT a.id, a.username, a.organisation_id, a.disabled_at, r.role, r.domain
       FROM account a LEFT JOIN account_role r ON r.account_id = a.id
       WHERE a.id = $1 ORDER BY r.granted_at`,
      [accountId],
    );
    if (rows.length === 0) throw PlatformErrors.TOKEN_INVALID();
    if (rows[0].disabled_at) throw PlatformErrors.ACCOUNT_DISABLED();
    const actor: Actor = {
      kind: 'account',
      accountId: rows[0].id,
      username: rows[0].username,
      organisationId: rows[0].organisation_id,
      roles: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role as Role, domain: r.domain })),
    };
    this.cache.set(accountId, actor, mark);
    return actor;
  }

  /** This process changed the account: the next request reads it again (other processes hear it from PostgreSQL). */
  forget(accountId: string): void {
    this.cache.forget(accountId);
  }
}
