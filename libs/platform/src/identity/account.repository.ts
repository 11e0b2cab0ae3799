import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role, TradingDomain } from '../auth/roles';
import { AccountView } from './dto/identity.dto';

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  organisation_id: string | null;
  disabled_at: Date | null;
  password_hash: string;
  roles: { role: Role; domain: TradingDomain | null }[];
}

/** The account queries of identity; each runs on the entity manager of the caller's transaction. */
@Injectable()
export class AccountRepository {
  private readonly select = `
    SELECT a.id, a.username, a.display_name, a.organisation_id, a.disabled_at, a.password_hash,
           coalesce(json_agg(json_build_object('role', r.role, 'domain', r.domain) ORDER BY r.granted_at) FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
    FROM account a LEFT JOIN account_role r ON r.account_id = a.id`;

  async byUsername(em: EntityManager, username: string): Promise<AccountRow | undefined> {
    const [row] = await em.query(`${this.select} WHERE a.username = $1 GROUP BY a.id`, [username]);
    return row;
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<AccountRow | undefined> {
    if (lock) await em.query(`SELECT 1 FROM account WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await em.query(`${this.select} WHERE a.id = $1 GROUP BY a.id`, [id]);
    return row;
  }

  async ofOrganisation(em: EntityManager, organisationId: string): Promise<AccountRow[]> {
    return em.query(`${this.select} WHERE a.organisation_id = $1 GROUP BY a.id ORDER BY a.username`, [organisationId]);
  }

  /** The side of the trading desk the organisation took (centre or bidder), locked until the grant commits. */
  async organisationSide(em: EntityManager, organisationId: string | null): Promise<Role.Centre | Role.Bidder | null> {
    if (!organisationId) return null;
    const [row] = await em.query(`SELECT trading_side FROM organisation WHERE id = $1 FOR UPDATE`, [organisationId]);
    return row?.trading_side ?? null;
  }

  async insert(em: EntityManager, a: { username: string; displayName: string; passwordHash: string; organisationId: string | null }): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [a.username, a.displayName, a.passwordHash, a.organisationId],
    );
    return row?.id;
  }

  async grant(em: EntityManager, accountId: string, role: Role, domain: TradingDomain | null, grantedBy: string | null): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO account_role (account_id, role, domain, granted_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [accountId, role, domain, grantedBy],
    );
    return rows.length === 1;
  }

  async revoke(em: EntityManager, accountId: string, role: Role): Promise<number> {
    const [, count] = await em.query(`DELETE FROM account_role WHERE account_id = $1 AND role = $2`, [accountId, role]);
    return count;
  }

  async setDisabled(em: EntityManager, accountId: string, disabled: boolean): Promise<void> {
    await em.query(`UPDATE account SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END WHERE id = $1`, [accountId, disabled]);
  }

  view(row: AccountRow): AccountView {
    return { id: row.id, username: row.username, displayName: row.display_name, organisationId: row.organisation_id, disabledAt: row.disabled_at, roles: row.roles };
  }
}
