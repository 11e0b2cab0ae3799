import { parentPort, workerData } from 'node:worker_threads';
import { Client, ClientConfig } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { rangeCopySql, verifyStream } from './chain-range';

/** One range of `AuditVerifyService.verify`, on its own connection, in a worker thread. */
export interface RangeJob {
  connection: ClientConfig;
  lo: number;
  hi: number;
  recanonicalise: boolean;
}

async function run(job: RangeJob) {
  const client = new Client(job.connection);
  await client.connect();
  try {
    return await verifyStream(client.query(copyTo(rangeCopySql(job.lo, job.hi, job.recanonicalise))), job.recanonicalise);
  } finally {
    await client.end().catch(() => undefined);
  }
}

run(workerData as RangeJob).then(
  (result) => parentPort!.postMessage({ result }),
  (e: Error) => parentPort!.postMessage({ error: e?.message ?? String(e) }),
);
