import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, mixesSupervisionAndOperation, Role, SYSTEM_ACTOR } from '../auth/roles';
import { PlatformErrors } from '../errors/platform-errors';
import { TokenService } from '../auth/token.service';
import { ActorLoader } from '../auth/actor.loader';
import { TransactionRunner, Tx } from '../database/transaction-runner';
import { AccountRepository } from './account.repository';
import { AccountView, CreateAccountDto, LoginResult, OrganisationInput, PublicOrganisationView, RegisterDto, RoleGrantInput } from './dto/identity.dto';
import { IdentityErrors } from './identity-errors';
import { hashPassword, verifyPassword } from './password';
import { crossesSides, mayGrant, mayManage, sideOf } from './role-policy';
import { usccProblem } from './uscc';

/** One registration for the whole platform (一次注册,全平台通用), login, and role administration. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly actors: ActorLoader,
  ) {}

  async register(dto: RegisterDto): Promise<AccountView> {
    const passwordHash = await hashPassword(dto.account.password);
    return this.txr.run(async (tx) => {
      const organisationId = await this.insertOrganisation(tx, dto.organisation);
      const actor: Actor = { kind: 'account', accountId: null, username: dto.account.username, organisationId, roles: [] };
      const accountId = await this.insertAccount(tx, { ...dto.account, passwordHash, organisationId });
      await this.accounts.grant(tx.em, accountId, Role.Bidder, null, null);
      const view = this.accounts.view((await this.accounts.byId(tx.em, accountId))!);
      await this.audit.append(tx.em, {
        actor: { ...actor, accountId },
        role: Role.Bidder,
        action: 'organisation.registered',
        subject: { type: 'organisation', id: organisationId },
        payload: { organisation: { ...dto.organisation }, account: { id: accountId, username: view.username, roles: view.roles } },
      });
      return view;
    });
  }

  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    // The hash is checked before the transaction opens: no connection waits idle in a transaction through argon2's work.
    const row = await this.accounts.byUsername(this.txr.dataSource.manager, username);
    const ok = await verifyPassword(row?.password_hash ?? null, password);
    return this.txr.run(async (tx) => {
      if (!row || !ok) {
        await this.audit.append(tx.em, {
          actor: row ? { kind: 'account', accountId: row.id, username: row.username, organisationId: row.organisation_id, roles: row.roles } : SYSTEM_ACTOR,
          action: 'account.login_failed',
          subject: { type: 'account', id: row?.id ?? `unknown:${username.slice(0, 64)}` },
          payload: { ip },
        });
        return null;
      }
      if (row.disabled_at) return 'disabled' as const;
      const view = this.accounts.view(row);
      await this.audit.append(tx.em, {
        actor: { kind: 'account', accountId: row.id, username: row.username, organisationId: row.organisation_id, roles: row.roles },
        action: 'account.login',
        subject: { type: 'account', id: row.id },
        payload: { ip },
      });
      return view;
    }).then((account) => {
      if (account === null) throw IdentityErrors.LOGIN_FAILED();
      if (account === 'disabled') throw PlatformErrors.ACCOUNT_DISABLED();
      // Signed once the audit entry has committed: no token without its entry, and the chain head's lock is not held for it.
      return { ...this.tokens.issue(row!.id), account };
    });
  }

  async me(actor: Actor): Promise<AccountView> {
    const row = await this.accounts.byId(this.txr.dataSource.manager, actor.accountId!);
    return this.accounts.view(row!);
  }

  async createAccount(actor: Actor, dto: CreateAccountDto): Promise<AccountView> {
    this.checkGrants(actor, dto.roles, []);
    const passwordHash = await hashPassword(dto.password);
    return this.txr.run(async (tx) => {
      const [org] = await tx.em.query(`SELECT id FROM organisation WHERE id = $1`, [dto.organisationId]);
      if (!org) throw IdentityErrors.ORGANISATION_NOT_FOUND({ id: dto.organisationId });
      await this.checkSides(tx, dto.organisationId, [], dto.roles);
      const accountId = await this.insertAccount(tx, { ...dto, passwordHash });
      for (const g of dto.roles) await this.guardSeparation(() => this.accounts.grant(tx.em, accountId, g.role, g.domain ?? null, actor.accountId));
      const view = this.accounts.view((await this.accounts.byId(tx.em, accountId))!);
      await this.audit.append(tx.em, { actor, action: 'account.created', subject: { type: 'account', id: accountId }, payload: { username: view.username, organisationId: dto.organisationId, roles: view.roles } });
      return view;
    });
  }

  async grantRole(actor: Actor, accountId: string, grant: RoleGrantInput): Promise<AccountView> {
    return this.txr.run(async (tx) => {
      const row = await this.accounts.byId(tx.em, accountId, true);
      if (!row) throw IdentityErrors.ACCOUNT_NOT_FOUND({ id: accountId });
      this.checkGrants(actor, [grant], row.roles.map((r) => r.role));
      await this.checkSides(tx, row.organisation_id, row.roles.map((r) => r.role), [grant]);
      const granted = await this.guardSeparation(() => this.accounts.grant(tx.em, accountId, grant.role, grant.domain ?? null, actor.accountId));
      if (!granted) throw IdentityErrors.ROLE_ALREADY_HELD({ role: grant.role });
      tx.afterCommitAwaited(() => this.actors.forget(accountId));
      await this.audit.append(tx.em, { actor, action: 'account.role_granted', subject: { type: 'account', id: accountId }, payload: { role: grant.role, domain: grant.domain ?? null } });
      return this.accounts.view((await this.accounts.byId(tx.em, accountId))!);
    });
  }

  async revokeRole(actor: Actor, accountId: string, role: Role): Promise<AccountView> {
    return this.txr.run(async (tx) => {
      const row = await this.accounts.byId(tx.em, accountId, true);
      if (!row) throw IdentityErrors.ACCOUNT_NOT_FOUND({ id: accountId });
      if (!mayGrant(actor, role)) throw IdentityErrors.ROLE_NOT_GRANTABLE({ role });
      if ((await this.accounts.revoke(tx.em, accountId, role)) === 0) throw IdentityErrors.ROLE_NOT_HELD({ role });
      tx.afterCommitAwaited(() => this.actors.forget(accountId));
      await this.audit.append(tx.em, { actor, action: 'account.role_revoked', subject: { type: 'account', id: accountId }, payload: { role } });
      return this.accounts.view((await this.accounts.byId(tx.em, accountId))!);
    });
  }

  async setDisabled(actor: Actor, accountId: string, disabled: boolean): Promise<AccountView> {
    return this.txr.run(async (tx) => {
      const row = await this.accounts.byId(tx.em, accountId, true);
      if (!row) throw IdentityErrors.ACCOUNT_NOT_FOUND({ id: accountId });
      if (!mayManage(actor, row.roles.map((r) => r.role))) throw IdentityErrors.ACCOUNT_NOT_MANAGEABLE({ id: accountId });
      await this.accounts.setDisabled(tx.em, accountId, disabled);
      tx.afterCommitAwaited(() => this.actors.forget(accountId));
      await this.audit.append(tx.em, { actor, action: disabled ? 'account.disabled' : 'account.enabled', subject: { type: 'account', id: accountId } });
      return this.accounts.view((await this.accounts.byId(tx.em, accountId))!);
    });
  }

  async organisation(actor: Actor, id: string) {
    const em = this.txr.dataSource.manager;
    const [org] = await em.query(`SELECT id, name, uscc, legal_representative AS "legalRepresentative", contact_name AS "contactName", contact_phone AS "contactPhone", region, created_at AS "createdAt" FROM organisation WHERE id = $1`, [id]);
    const administers = actor.roles.some((g) => g.role === Role.Centre || g.role === Role.Office);
    if (!org || (!administers && actor.organisationId !== id)) throw IdentityErrors.ORGANISATION_NOT_FOUND({ id });
    return { ...org, accounts: (await this.accounts.ofOrganisation(em, id)).map((r) => this.accounts.view(r)) };
  }

  async publicOrganisation(uscc: string): Promise<PublicOrganisationView> {
    const [org] = await this.txr.dataSource.query(`SELECT id, name, uscc, region FROM organisation WHERE uscc = $1`, [uscc]);
    if (!org) throw IdentityErrors.ORGANISATION_NOT_FOUND();
    return org;
  }

  private checkGrants(actor: Actor, grants: RoleGrantInput[], held: Role[]): void {
    for (const g of grants) {
      if ((g.role === Role.Regulator) !== Boolean(g.domain)) throw IdentityErrors.ROLE_DOMAIN_REQUIRED({ role: g.role });
      if (!mayGrant(actor, g.role)) throw IdentityErrors.ROLE_NOT_GRANTABLE({ role: g.role });
    }
    if (mixesSupervisionAndOperation([...held, ...grants.map((g) => g.role)])) throw IdentityErrors.ROLE_SEPARATION_CONFLICT({ held, requested: grants.map((g) => g.role) });
  }

  /** 利益冲突: an organisation that bids never operates the centre, nor the centre's organisation bids. */
  private async checkSides(tx: Tx, organisationId: string | null, held: Role[], grants: RoleGrantInput[]): Promise<void> {
    const requested = grants.map((g) => g.role);
    if (!requested.some(sideOf)) return;
    const side = await this.accounts.organisationSide(tx.em, organisationId);
    if (crossesSides(side, [...held, ...requested])) throw IdentityErrors.ROLE_ORGANISATION_CONFLICT({ organisationId, side, held, requested });
  }

  private async insertOrganisation(tx: Tx, o: OrganisationInput): Promise<string> {
    const problem = usccProblem(o.uscc);
    if (problem) throw IdentityErrors.USCC_INVALID({ uscc: o.uscc, problem });
    const [row] = await tx.em.query(
      `INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone, region) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (uscc) DO NOTHING RETURNING id`,
      [o.name, o.uscc, o.legalRepresentative, o.contactName, o.contactPhone, o.region ?? null],
    );
    if (!row) throw IdentityErrors.ORGANISATION_EXISTS({ uscc: o.uscc });
    return row.id;
  }

  private async insertAccount(tx: Tx, a: { username: string; displayName: string; passwordHash: string; organisationId: string | null }): Promise<string> {
    const id = await this.accounts.insert(tx.em, a);
    if (!id) throw IdentityErrors.USERNAME_TAKEN({ username: a.username });
    return id;
  }

  /** The database triggers back the service's checks; their refusals become the same 409s. */
  private async guardSeparation<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      const constraint = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'account_role_separation') throw IdentityErrors.ROLE_SEPARATION_CONFLICT();
      if (constraint === 'organisation_role_conflict') throw IdentityErrors.ROLE_ORGANISATION_CONFLICT();
      throw e;
    }
  }
}

