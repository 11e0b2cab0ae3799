/**
 * Load generator of bench/live-feed.ts, in its own process (forked with IPC): bids on one lot through HTTP at a fixed
 * rate (open loop, each bid sent at its scheduled time whatever the previous answers), alternating api processes and
 * bidders. Prices rise by one increment per scheduled bid, so a bid is refused only when a later one overtook it.
 * Each `run` message answers with every 201: its bid sequence and the wall-clock time the answer arrived.
 */
interface Run {
  type: 'run';
  urls: string[];
  tokens: string[];
  lotId: string;
  rate: number;
  seconds: number;
  label: string;
}

const wallNow = () => performance.timeOrigin + performance.now();
let nextFen = 0n;
let stepFen = 0n;

async function run(m: Run): Promise<void> {
  const accepted: { bidSeq: number; answeredAt: number; latency: number }[] = [];
  let refused = 0;
  let errors = 0;
  let lastError = '';
  const total = Math.round(m.rate * m.seconds);
  const t0 = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = t0 + (k * 1000) / m.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const priceFen = nextFen;
    nextFen += stepFen;
    const url = m.urls[k % m.urls.length];
    const token = m.tokens[k % m.tokens.length];
    inFlight.push(
      (async () => {
        try {
          const res = await fetch(`${url}/lots/${m.lotId}/bids`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ price: `${priceFen / 100n}.${String(priceFen % 100n).padStart(2, '0')}`, clientKey: `${m.label}-${String(k).padStart(6, '0')}` }),
          });
          const answeredAt = wallNow();
          const body = (await res.json()) as { bidSeq?: number; code?: string };
          if (res.status === 201) accepted.push({ bidSeq: body.bidSeq!, answeredAt, latency: performance.now() - due });
          else if (body.code === 'BID_TOO_LOW') refused++;
          else {
            errors++;
            lastError = `${res.status} ${JSON.stringify(body).slice(0, 200)}`;
          }
        } catch (err) {
          errors++;
          lastError = String(err);
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  process.send!({ type: 'done', accepted, refused, errors, lastError, elapsed: (performance.now() - t0) / 1000 });
}

process.on('message', (m: { type: string; startFen?: string; stepFen?: string }) => {
  if (m.type === 'prices') {
    nextFen = BigInt(m.startFen!);
    stepFen = BigInt(m.stepFen!);
    process.send!({ type: 'ready' });
  } else if (m.type === 'run') run(m as Run).catch((err) => process.send!({ type: 'error', message: String(err?.stack ?? err) }));
});
