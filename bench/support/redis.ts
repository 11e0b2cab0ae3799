import Redis from 'ioredis';

export const redisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Redis key prefix of this bench run only, removed by `deleteKeys` at the end. */
export const benchPrefix = (name: string) => `ygb-${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export async function deleteKeys(prefix: string): Promise<number> {
  const client = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
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

export async function redisVersion(): Promise<string> {
  const client = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  try {
    return /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? '?';
  } finally {
    client.disconnect();
  }
}
