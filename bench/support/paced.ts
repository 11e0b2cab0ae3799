import { Agent, request } from 'node:http';

export interface PacedRun {
  sent: number;
  ok: number;
  errors: number;
  /** ms from each request's scheduled send time to its last response byte (no coordinated omission) */
  latencies: number[];
  /** requests actually sent per second */
  achievedRate: number;
  bytes: number;
}

/**
 * An open-loop client at a fixed rate: request i is due at start + i/rate and is sent then whether or not earlier
 * ones have answered (autocannon's -R sends each second's quota as a burst instead). Latency counts from the due
 * time, so a stall of the client or the server shows up in the figures instead of lowering the rate.
 */
export async function paced(url: string, rate: number, seconds: number): Promise<PacedRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let bytes = 0;
  let sent = 0;
  const start = performance.now() + 20;
  const inflight: Promise<void>[] = [];
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const req = request(url, { agent, method: 'GET' }, (res) => {
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if (res.statusCode === 200) ok++;
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  while (sent < total) {
    const now = performance.now();
    while (sent < total && start + (sent * 1000) / rate <= now) {
      inflight.push(one(start + (sent * 1000) / rate));
      sent++;
    }
    const nextDue = start + (sent * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, nextDue - performance.now()))));
  }
  const sendingSeconds = (performance.now() - start) / 1000;
  await Promise.all(inflight);
  agent.destroy();
  return { sent, ok, errors, latencies, achievedRate: sent / Math.max(sendingSeconds, 1e-9), bytes };
}
