/**
 * An HTTP load generator in a process of its own, so that it never shares an event loop with what it measures.
 * Spawn it with `runLoad(spec)`; it prints one JSON line (LoadRun) and exits.
 * - paced: open loop at a fixed rate, request i due at start + i/rate and sent then whether or not earlier ones have
 *   answered; latency from the due time (no coordinated omission). autocannon's -R bursts each second's quota instead.
 * - max: closed loop, `connections` requests always in flight; the rate is what the server sustains.
 * Requests go round robin over `urls` (one per api process). A body may hold `{n}`, replaced by a running number.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

export interface LoadSpec {
  mode: 'paced' | 'max';
  urls: string[];
  method?: 'GET' | 'POST';
  body?: string;
  /** paced: requests per second */
  rate?: number;
  /** max: requests in flight */
  connections?: number;
  /** max: seconds of load before the measured window opens (a closed loop's first answers come one latency late) */
  rampSeconds?: number;
  seconds: number;
  /** the first `{n}` (default 0) */
  offset?: number;
  /** status counted as ok (default 200) */
  okStatus?: number;
}

export interface LoadRun {
  sent: number;
  ok: number;
  errors: number;
  /** first non-ok statuses seen, e.g. { "429": 3 } */
  statuses: Record<string, number>;
  /** ms, paced: from the due time; max: from the send time, of the requests sent after the ramp */
  latencies: number[];
  /** requests sent per second */
  achievedRate: number;
  /** answered ok per second; max mode: those answered within the window, over the window (the drain not counted) */
  okRate: number;
  seconds: number;
}

async function load(spec: LoadSpec): Promise<LoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const method = spec.method ?? 'GET';
  const okStatus = spec.okStatus ?? 200;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let sent = 0;
  // max mode: answers after the window closed are the drain of the last requests in flight, not the sustained rate.
  let windowStart = 0;
  let windowEnd = Infinity;
  let okInWindow = 0;
  const one = (from: number) =>
    new Promise<void>((resolve) => {
      const n = (spec.offset ?? 0) + sent++;
      const body = spec.body?.replace(/\{n\}/g, String(n));
      const req = request(spec.urls[n % spec.urls.length], { agent, method, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
        res.resume();
        res.on('end', () => {
          const at = performance.now();
          if (from >= windowStart) latencies.push(at - from);
          if (res.statusCode === okStatus) {
            ok++;
            if (at >= windowStart && at <= windowEnd) okInWindow++;
          }
          else {
            errors++;
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
          }
          resolve();
        });
      });
      req.on('error', (e) => {
        errors++;
        statuses[e.message] = (statuses[e.message] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });

  const start = performance.now() + 20;
  while (performance.now() < start) await new Promise((r) => setTimeout(r, 1));
  let elapsed: number;
  if (spec.mode === 'paced') {
    const rate = spec.rate ?? 100;
    const total = Math.round(rate * spec.seconds);
    const inflight: Promise<void>[] = [];
    let due = 0;
    while (due < total) {
      const now = performance.now();
      while (due < total && start + (due * 1000) / rate <= now) inflight.push(one(start + (due++ * 1000) / rate));
      const next = start + (due * 1000) / rate;
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, next - performance.now()))));
    }
    elapsed = (performance.now() - start) / 1000;
    await Promise.all(inflight);
  } else {
    windowStart = start + (spec.rampSeconds ?? 0) * 1000;
    windowEnd = windowStart + spec.seconds * 1000;
    const lane = async () => {
      while (performance.now() < windowEnd) await one(performance.now());
    };
    await Promise.all(Array.from({ length: spec.connections ?? 32 }, lane));
    elapsed = spec.seconds;
  }
  agent.destroy();
  return { sent, ok, errors, statuses, latencies, achievedRate: sent / elapsed, okRate: (spec.mode === 'max' ? okInWindow : ok) / elapsed, seconds: elapsed };
}

/** Runs one load in a child process (dist/bench/support/http-load.js) and returns its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'http-load.js'), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`load generator exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as LoadRun);
    });
  });
}

if (require.main === module) {
  load(JSON.parse(process.argv[2]) as LoadSpec)
    .then((r) => {
      // Exit only once the line is flushed: a pipe takes it in pieces, and exit() would cut it.
      process.stdout.write(`${JSON.stringify(r)}\n`, () => process.exit(0));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

/** Several runs of one side as one: latencies pooled, counts and seconds summed, rates over the summed seconds. */
export function mergeRuns(runs: LoadRun[]): LoadRun {
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const sum = (f: (r: LoadRun) => number) => runs.reduce((n, r) => n + f(r), 0);
  const seconds = sum((r) => r.seconds);
  return { sent: sum((r) => r.sent), ok: sum((r) => r.ok), errors: sum((r) => r.errors), statuses, latencies: runs.flatMap((r) => r.latencies), achievedRate: sum((r) => r.sent) / seconds, okRate: sum((r) => r.okRate * r.seconds) / seconds, seconds };
}

/**
 * The platform and its comparator measured in alternating rounds (A B, B A, A B …) rather than one after the other:
 * on a shared machine the background load drifts within a minute, and alternating spreads the drift over both sides.
 */
export async function alternate<A, B>(rounds: number, a: () => Promise<A>, b: () => Promise<B>): Promise<{ a: A[]; b: B[] }> {
  const out = { a: [] as A[], b: [] as B[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
  }
  return out;
}
