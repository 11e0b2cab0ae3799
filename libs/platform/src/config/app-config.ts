import { isIP } from 'node:net';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './defaults';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /**
   * Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For the api believes (empty: none, the
   * client address is the TCP peer's). Handed to Fastify's `trustProxy`, which every stored client address,
   * the login throttle and the logs read through `request.ip`.
   */
  trustedProxies: string[];
  /** the api's Prometheus endpoint listens here, not on the public port (the worker's /health and /metrics too) */
  metricsHost: string;
  /** port of the api's /metrics (0: any free port) */
  metricsPort: number;
  databaseUrl: string;
  redisUrl: string;
  /** every Redis key this process writes starts with it (BullMQ, throttling, live feeds) */
  redisPrefix: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** 32-byte key (base64) that wraps the per-project keys of sealed contents */
  masterKey: Buffer;
  /** 32-byte Ed25519 seed (base64) that signs audit exports; null: derived from MASTER_KEY (docs/supervision-audit.md) */
  auditSigningKey: Buffer | null;
  logLevel: string;
  /** write logs to this file instead of standard output (tests read it to prove nothing sealed is logged) */
  logFile: string | null;
  loginAttemptsPerMinute: number;
  /** anonymous searches (信用查询 by name) one client address may make a minute, on every api process together */
  publicSearchPerMinute: number;
  milestoneReconcileMs: number;
  /** how often a worker looks for opened tender sections and quote rounds not yet scanned for collusion */
  collusionScanMs: number;
  /** how often the worker judges the watched steps for red and yellow cards */
  cardScanMs: number;
  /** how often a process looks for calendar years the committee entered (until then it refuses to count in them) */
  calendarRefreshMs: number;
  /** how long an api process may reuse an account's roles and disabled flag; a committed change drops it at once (0: off) */
  actorCacheMs: number;
  workerConcurrency: number;
  /** how long a worker may hold a job before another takes it over (BullMQ lock) */
  jobLockMs: number;
  /**
   * The longest a closing waits for submissions whose body was fully received before the deadline but whose write has
   * not committed yet (a crashed request blocks no closing beyond it). docs/decisions.md "time of receipt".
   */
  intakeWaitMs: number;
  /** how long after the deadline a closing looks for in-time submissions not yet registered (the edge → database hop) */
  intakeSettleMs: number;
  /** test and fault drills only (refused in production): a pause after a submission is registered, to make its processing slow on purpose */
  intakeDelayMs: number;
  /** whether this process takes part in electing the audit sequencer (AUDIT_SEQUENCER=off: it never links, others do) */
  auditSequencer: boolean;
  /** the longest the audit sequencer waits between looks for unlinked entries when there were none (it backs off up to it) */
  auditLinkPollMs: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function str(env: Env, name: string, fallback?: string): string {
  const v = env[name];
  if (v === undefined || v === '') {
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${name} is missing (缺少配置 ${name})`);
  }
  return v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}" (配置 ${name} 无效)`);
  }
  return Number(raw);
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const v = str(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${v}" (配置 ${name} 不是有效地址)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}" (配置 ${name} 协议无效)`);
  }
  return v;
}

/** proxy-addr's names for the reserved ranges, beside plain addresses and CIDRs */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function proxies(env: Env, name: string): string[] {
  const entries = (env[name] ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const e of entries) {
    const [address, bits, extra] = e.split('/');
    const family = isIP(address);
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_RANGE_NAMES.includes(e) && (family === 0 || !okBits || extra !== undefined)) {
      throw new ConfigError(`${name} must list addresses or CIDR ranges separated by commas, got "${e}" (配置 ${name} 无效)`);
    }
  }
  return entries;
}

const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';
const DEV_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

function intakeDelay(env: Env, prod: boolean): number {
  const ms = int(env, 'INTAKE_DELAY_MS', 0, 0, 600000);
  if (prod && ms > 0) throw new ConfigError('INTAKE_DELAY_MS is for tests only and must be 0 in production (配置 INTAKE_DELAY_MS 仅用于测试)');
  return ms;
}

/** Reads and validates the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = str(env, 'NODE_ENV', 'development');
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, test or production, got "${nodeEnv}" (配置 NODE_ENV 无效)`);
  }
  const prod = nodeEnv === 'production';
  const jwtSecret = str(env, 'JWT_SECRET', prod ? undefined : DEV_JWT_SECRET);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters (配置 JWT_SECRET 过短)');
  const masterKeyB64 = str(env, 'MASTER_KEY', prod ? undefined : DEV_MASTER_KEY);
  const masterKey = Buffer.from(masterKeyB64, 'base64');
  if (masterKey.length !== 32) throw new ConfigError('MASTER_KEY must be 32 bytes in base64 (配置 MASTER_KEY 必须是 32 字节的 base64)');
  const auditSigningKey = env.AUDIT_SIGNING_KEY ? Buffer.from(env.AUDIT_SIGNING_KEY, 'base64') : null;
  if (auditSigningKey && auditSigningKey.length !== 32) throw new ConfigError('AUDIT_SIGNING_KEY must be a 32-byte Ed25519 seed in base64 (配置 AUDIT_SIGNING_KEY 必须是 32 字节的 base64)');
  const redisPrefix = str(env, 'REDIS_PREFIX', 'yg');
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(redisPrefix)) {
    throw new ConfigError(`REDIS_PREFIX may hold only letters, digits and _.:- (配置 REDIS_PREFIX 无效)`);
  }
  return {
    nodeEnv: nodeEnv as NodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST', '0.0.0.0'),
    trustedProxies: proxies(env, 'TRUSTED_PROXIES'),
    metricsHost: str(env, 'METRICS_HOST', '127.0.0.1'),
    metricsPort: int(env, 'METRICS_PORT', 9464, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', DEFAULT_REDIS_URL, ['redis:', 'rediss:']),
    redisPrefix,
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 900, 30, 86400),
    masterKey,
    auditSigningKey,
    logLevel: str(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info'),
    logFile: env.LOG_FILE ? env.LOG_FILE : null,
    loginAttemptsPerMinute: int(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10000),
    publicSearchPerMinute: int(env, 'PUBLIC_SEARCH_PER_MINUTE', 30, 1, 10000),
    milestoneReconcileMs: int(env, 'MILESTONE_RECONCILE_MS', 60000, 200, 3600000),
    collusionScanMs: int(env, 'COLLUSION_SCAN_MS', 10000, 200, 3600000),
    cardScanMs: int(env, 'CARD_SCAN_MS', 5000, 100, 3600000),
    calendarRefreshMs: int(env, 'CALENDAR_REFRESH_MS', 30000, 100, 3600000),
    actorCacheMs: int(env, 'ACTOR_CACHE_MS', 10000, 0, 60000),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', 8, 1, 256),
    jobLockMs: int(env, 'JOB_LOCK_MS', 30000, 500, 600000),
    intakeWaitMs: int(env, 'INTAKE_WAIT_MS', 5000, 100, 60000),
    intakeSettleMs: int(env, 'INTAKE_SETTLE_MS', 200, 0, 5000),
    intakeDelayMs: intakeDelay(env, prod),
    auditSequencer: str(env, 'AUDIT_SEQUENCER', 'on') !== 'off',
    auditLinkPollMs: int(env, 'AUDIT_LINK_POLL_MS', 20, 1, 10000),
  };
}
