import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformErrors } from '../errors/platform-errors';
import { Actor, Role, TradingDomain } from './roles';

interface Row {
  id: string;
  username: string;
  organisation_id: string | null;
  disabled_at: Date | null;
  role: Role | null;
  domain: TradingDomain | null;
}

/** Loads the account behind a token: a disabled account or a revoked role takes effect on the next request. */
@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async load(accountId: string): Promise<Actor> {
    const rows: Row[] = await this.ds.query(
      `SELECT a.id, a.username, a.organisation_id, a.disabled_at, r.role, r.domain
       FROM account a LEFT JOIN account_role r ON r.account_id = a.id
       WHERE a.id = $1 ORDER BY r.granted_at`,
      [accountId],
    );
    if (rows.length === 0) throw PlatformErrors.TOKEN_INVALID();
    if (rows[0].disabled_at) throw PlatformErrors.ACCOUNT_DISABLED();
    return {
      kind: 'account',
      accountId: rows[0].id,
      username: rows[0].username,
      organisationId: rows[0].organisation_id,
      roles: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role as Role, domain: r.domain })),
    };
  }
}
