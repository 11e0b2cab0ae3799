/**
 * A load generator in its own process: bids on one live lot through the api's HTTP route at a fixed rate, the bidders
 * taking turns (each every bidders/rate seconds, never two of its own bids in flight), each bid one increment above the
 * one sent before it, so nearly every bid is valid when it arrives (one overtaken by a later one is refused as too
 * low, and counted). Latency counts from the bid's turn. Prints one JSON line with what it achieved.
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
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  let errors = 0;
  let sent = 0;
  const statuses: Record<string, number> = {};
  const one = (bidder: number, n: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ price: (LIVE_LOT_START_YUAN + (n + 1) * LIVE_LOT_STEP_YUAN).toFixed(2), clientKey: `load-${String(n).padStart(8, "0")}` });
      const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${tokens[bidder]}` } }, (res) => {
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
  // Each bidder keeps its turn (every bidders/rate seconds) and never has two bids in flight: a real bidder waits for
  // the answer to the last one. When the lot answers slower than that, the achieved rate says so.
  const start = performance.now() + 20;
  const every = (1000 * tokens.length) / rate;
  const end = start + seconds * 1000;
  let price = 0;
  await Promise.all(
    tokens.map(async (_, b) => {
      const first = start + (b * 1000) / rate;
      for (let turn = 0; ; turn++) {
        // A bidder still waiting for its last answer when its turn came skips the turns it missed.
        turn = Math.max(turn, Math.ceil((performance.now() - first) / every));
        const due = first + turn * every;
        if (due >= end) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sent++;
        await one(b, price++, Math.max(due, performance.now()));
      }
    }),
  );
  const sendingSeconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? NaN;
  process.stdout.write(`${JSON.stringify({ sent, accepted, refused, errors, seconds: sendingSeconds, acceptedPerSecond: accepted / sendingSeconds, p50: at(50), p99: at(99), max: latencies[latencies.length - 1] ?? NaN, statuses })}\n`);
  agent.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
