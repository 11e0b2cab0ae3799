import { Client } from 'pg';

let counter = 0;

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the suite through 'npm test'`);
  return v;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh database cloned from the run's migrated template; dropped with the run by scripts/test.mjs. */
export async function createTestDatabase(label: string): Promise<string> {
  const admin = required('TEST_ADMIN_DATABASE_URL');
  const template = required('TEST_TEMPLATE_DB');
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 20);
  const name = `${template.replace(/_tpl$/, '')}_${safe}_${process.pid}_${++counter}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  return withDatabase(admin, name);
}

/** A Redis key prefix of its own for one test file. */
export function testRedisPrefix(label: string): string {
  const base = process.env.TEST_REDIS_PREFIX ?? `ygt-local-${process.pid}`;
  return `${base}:${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${process.pid}-${++counter}`;
}
