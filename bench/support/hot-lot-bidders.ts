import { Agent, request } from 'node:http';

/**
 * A load generator of bench/hot-lot.ts in its own process (child_process.fork): a group of realistic bidders, each
 * bidding the lowest valid price it last saw plus 0–3 random increments, as soon as its previous bid was answered.
 * What it last saw: its own accepted price plus one increment, or the `nextMinimum` of a refusal. Every answer's
 * latency is kept (accepted and refused alike) and sent back to the parent.
 */
export interface BidderOrders {
  lotId: string;
  /** one api base URL per bidder (the parent spreads them over the api processes) */
  bases: string[];
  tokens: string[];
  /** first index of this group among all bidders, so that client keys and seeds stay distinct */
  first: number;
  seconds: number;
  round: string;
  startYuan: number;
  incrementYuan: number;
  /** epoch ms at which every group starts together */
  startAt: number;
}

export interface BidderReport {
  accepted: number[];
  refused: number[];
  errors: number[];
  errorSamples: string[];
  elapsed: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** node:http with a keep-alive agent: a lighter client than fetch, so the generators take less of the shared cores. */
function post(url: string, token: string, payload: string): Promise<{ status: number; body: { price?: string; code?: string; details?: { nextMinimum?: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function run(o: BidderOrders): Promise<BidderReport> {
  const accepted: number[] = [];
  const refused: number[] = [];
  const errors: number[] = [];
  const errorSamples: string[] = [];
  await new Promise((r) => setTimeout(r, Math.max(0, o.startAt - Date.now())));
  const stopAt = Date.now() + o.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    o.tokens.map(async (token, j) => {
      const i = o.first + j;
      let nextMinimum = o.startYuan;
      for (let n = 0; Date.now() < stopAt; n++) {
        const price = nextMinimum + o.incrementYuan * Math.floor(Math.random() * 4);
        const t0 = performance.now();
        let status = 0;
        let body: { price?: string; code?: string; details?: { nextMinimum?: string } } = {};
        try {
          ({ status, body } = await post(`${o.bases[j]}/lots/${o.lotId}/bids`, token, JSON.stringify({ price: price.toFixed(2), clientKey: `${o.round}-${i}-${n}` })));
        } catch (err) {
          body = { code: String((err as Error).message) };
        }
        const ms = performance.now() - t0;
        if (status === 201) {
          accepted.push(ms);
          nextMinimum = Number(body.price) + o.incrementYuan;
        } else if (status === 409 && body.code === 'BID_TOO_LOW' && body.details?.nextMinimum) {
          refused.push(ms);
          nextMinimum = Number(body.details.nextMinimum);
        } else {
          errors.push(ms);
          if (errorSamples.length < 5) errorSamples.push(`${status} ${body.code ?? ''}`);
        }
      }
    }),
  );
  return { accepted, refused, errors, errorSamples, elapsed: (performance.now() - started) / 1000 };
}

process.on('message', (o: BidderOrders) => {
  run(o).then(
    (r) => process.send!(r, () => process.exit(0)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
});
