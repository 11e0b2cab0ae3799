/**
 * The comparator of issue 19's login row: argon2 verify of one hash (@node-rs/argon2, the platform's parameters, as
 * stored by hashPassword) in a bare loop, `inflight` verifies always pending so the libuv threadpool stays busy, for
 * `seconds`. Spawned once per api process by bench/login.ts, with the same UV_THREADPOOL_SIZE as the api.
 * Usage: node dist/bench/support/bare-argon2.js <hash> <password> <seconds> <inflight> [rampSeconds=0]   → one JSON line {verified, seconds}
 */
import { verify } from '@node-rs/argon2';

async function main(): Promise<void> {
  const [hash, password, seconds, inflight, ramp = '0'] = process.argv.slice(2);
  // Counted: verifies finished within [start, end], after a ramp like the api's (bench/support/http-load.ts).
  const start = performance.now() + Number(ramp) * 1000;
  const end = start + Number(seconds) * 1000;
  let verified = 0;
  let wrong = 0;
  const lane = async () => {
    while (performance.now() < end) {
      const ok = await verify(hash, password);
      // Only verifies finished within the window count, as for the api (bench/support/http-load.ts).
      const at = performance.now();
      if (at > end) break;
      if (at < start) continue;
      if (ok) verified++;
      else wrong++;
    }
  };
  await Promise.all(Array.from({ length: Number(inflight) }, lane));
  process.stdout.write(`${JSON.stringify({ verified, wrong, seconds: (end - start) / 1000 })}\n`, () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
