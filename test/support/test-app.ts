import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApiApp, listenApi } from '../../apps/api/src/create-api-app';
import { AuditSequencer } from '@app/platform/audit/audit-sequencer';
import { Role, TradingDomain } from '@app/platform/auth/roles';
import { TokenService } from '@app/platform/auth/token.service';
import { organisationCodeCheckChar, usccCheckChar } from '@app/platform/identity/uscc';
import { HttpClient } from './http';
import { createTestDatabase, testRedisPrefix } from './test-database';

export interface TestAccount {
  id: string;
  username: string;
  organisationId: string | null;
  token: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  /** the api's internal Prometheus listener (METRICS_HOST, any free port), e.g. `${metricsUrl}/metrics` */
  metricsUrl: string;
  ds: DataSource;
  databaseUrl: string;
  redisPrefix: string;
  /** An account holding `roles`, in an organisation of its own, with a valid access token. */
  account(roles: (Role | { role: Role; domain: TradingDomain })[], options?: { organisationId?: string | null }): Promise<TestAccount>;
  organisation(name?: string): Promise<string>;
  /**
   * Row counts of every table, to prove a refused request changed nothing. `audit_event` counts only what a request
   * could write: not logins (`account.login`, `account.login_failed`) nor what the platform writes on its own
   * (actor `system`: milestone firings, closings, background scans), which may land between the two snapshots.
   */
  snapshot(): Promise<Record<string, number>>;
  /** Links every audit entry committed so far into the chain (the sequencer does it within ms; this waits for it), and returns the head's seq. */
  linkAudit(): Promise<string>;
  close(): Promise<void>;
}

/** The audit events a refused request could have written: neither logins nor the platform's own (system) work. */
const REQUEST_AUDIT_ONLY = ` WHERE actor_role IS DISTINCT FROM 'system' AND action NOT IN ('account.login', 'account.login_failed')`;

/** A USCC that passes GB 32100-2015 and its GB 11714 organisation code, for test organisations. */
export function validUscc(seed = randomBytes(4).readUInt32BE()): string {
  const orgBody = String(seed % 100000000).padStart(8, '0');
  const first17 = `91110108${orgBody}${organisationCodeCheckChar(orgBody)}`;
  return first17 + usccCheckChar(first17);
}

/** The api in this process on a fresh database of its own (or on env.DATABASE_URL when a test brings its server). */
export async function startTestApp(label: string, env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = env.DATABASE_URL ?? (await createTestDatabase(label));
  const redisPrefix = testRedisPrefix(label);
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await createApiApp();
  const address = await listenApi(app, { port: 0, host: '127.0.0.1', metricsPort: 0, metricsHost: '127.0.0.1' });
  const http = new HttpClient(`http://127.0.0.1:${address.port}`);
  const ds = app.get<DataSource>(getDataSourceToken());
  const tokens = app.get(TokenService);
  let n = 0;

  const organisation = async (name = `测试单位${++n}`): Promise<string> => {
    const [row] = await ds.query(
      `INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张三', '李四', '13800000000') RETURNING id`,
      [name, validUscc()],
    );
    return row.id;
  };

  return {
    app,
    http,
    metricsUrl: `http://127.0.0.1:${address.metricsPort}`,
    ds,
    databaseUrl,
    redisPrefix,
    organisation,
    async account(roles, options = {}) {
      const organisationId = options.organisationId === undefined ? await organisation() : options.organisationId;
      const username = `u${Date.now().toString(36)}${(++n).toString(36)}${randomBytes(2).toString('hex')}`;
      const [row] = await ds.query(
        `INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'not-a-login-account', $2) RETURNING id`,
        [username, organisationId],
      );
      for (const r of roles) {
        const grant = typeof r === 'string' ? { role: r, domain: r === Role.Regulator ? TradingDomain.Tendering : null } : r;
        await ds.query(`INSERT INTO account_role (account_id, role, domain) VALUES ($1, $2, $3)`, [row.id, grant.role, grant.domain]);
      }
      return { id: row.id, username, organisationId, token: tokens.issue(row.id).accessToken };
    },
    async snapshot() {
      const tables: { table_name: string }[] = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      const out: Record<string, number> = {};
      for (const { table_name } of tables) {
        const [c] = await ds.query(`SELECT count(*)::int AS c FROM "${table_name}"${table_name === 'audit_event' ? REQUEST_AUDIT_ONLY : ''}`);
        out[table_name] = c.c;
      }
      return out;
    },
    async linkAudit() {
      return (await app.get(AuditSequencer).linkPending()).lastSeq;
    },
    async close() {
      await app.close();
    },
  };
}
