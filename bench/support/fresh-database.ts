import { Client } from 'pg';
import { migrate } from '../../libs/platform/src/database/migrate';

const admin = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `work` on a new, migrated database and drops it afterwards (kept with BENCH_KEEP=1, to look at). */
export async function withFreshDatabase<T>(prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `yg_bench_${prefix}_${Date.now().toString(36)}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    await migrate(url.toString());
    return await work(url.toString());
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}
