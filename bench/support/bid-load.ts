/**
 * A load generator in its own process: bids on one live lot through the api's HTTP route at a fixed rate, open loop
 * (bid i is sent at start + i/rate whatever the earlier ones are doing), bidders in turn, each bid one increment above
 * the one sent before it, so nearly every bid is valid when it arrives (one that overtakes a later one is refused as
 * too low, and counted). Prints one JSON line with what it achieved.
 * Usage: node dist/bench/support/bid-load.js <apiBase> <lotId> <rate> <seconds>; tokens as a JSON array in BID_TOKENS.
 */
import { Agent, request } from 'node:http';
import { LIVE_LOT_START_YUAN, LIVE_LOT_STEP_YUAN } from './live-lot-prices';

const [base, lotId, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const tokens: string[] = JSON.parse(process.env.BID_TOKENS ?? '[]');

async function main(): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(`/lots/${lotId}/bids`, base);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  let errors = 0;
  let sent = 0;
  const statuses: Record<string, number> = {};
  const inflight = new Set<Promise<void>>();
  const one = (n: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ price: (LIVE_LOT_START_YUAN + (n + 1) * LIVE_LOT_STEP_YUAN).toFixed(2), clientKey: `load-${n}` });
      const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${tokens[n % tokens.length]}` } }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          if (res.statusCode === 201) accepted++;
          else if (res.statusCode === 409 || res.statusCode === 422) refused++;
          else errors++;
          resolve();
        });
      });
      req.on('error', (err) => {
        statuses[err.message] = (statuses[err.message] ?? 0) + 1;
        errors++;
        resolve();
      });
      req.end(body);
    });
  const start = performance.now() + 20;
  while (sent < total) {
    const now = performance.now();
    while (sent < total && start + (sent * 1000) / rate <= now) {
      const p = one(sent, start + (sent * 1000) / rate);
      inflight.add(p);
      void p.then(() => inflight.delete(p));
      sent++;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, start + (sent * 1000) / rate - performance.now()))));
  }
  const sendingSeconds = (performance.now() - start) / 1000;
  await Promise.all([...inflight]);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? NaN;
  process.stdout.write(`${JSON.stringify({ sent, accepted, refused, errors, seconds: sendingSeconds, acceptedPerSecond: accepted / sendingSeconds, p50: at(50), p99: at(99), max: latencies[latencies.length - 1] ?? NaN, statuses })}\n`);
  agent.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
