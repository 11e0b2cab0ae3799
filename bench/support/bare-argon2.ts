/**
 * The comparator of issue 19's login row: argon2 verify of one hash (@node-rs/argon2, the platform's parameters, as
 * stored by hashPassword) in a bare loop, `inflight` verifies always pending so the libuv threadpool stays busy, for
 * `seconds`. Spawned once per api process by bench/login.ts, with the same UV_THREADPOOL_SIZE as the api.
 * Usage: node dist/bench/support/bare-argon2.js <hash> <password> <seconds> <inflight>   → one JSON line {verified, seconds}
 */
import { verify } from '@node-rs/argon2';

async function main(): Promise<void> {
  const [hash, password, seconds, inflight] = process.argv.slice(2);
  const end = performance.now() + Number(seconds) * 1000;
  const start = performance.now();
  let verified = 0;
  let wrong = 0;
  const lane = async () => {
    while (performance.now() < end) {
      if (await verify(hash, password)) verified++;
      else wrong++;
    }
  };
  await Promise.all(Array.from({ length: Number(inflight) }, lane));
  process.stdout.write(`${JSON.stringify({ verified, wrong, seconds: (performance.now() - start) / 1000 })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
