import { parentPort, workerData } from 'node:worker_threads';
import { Client, ClientConfig } from 'pg';
import { CopyToVerifier, rangeCopySql } from './chain-range';

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
    const copy = new CopyToVerifier(rangeCopySql(job.lo, job.hi, job.recanonicalise), job.recanonicalise);
    client.query(copy as never);
    return await copy.done;
  } finally {
    await client.end().catch(() => undefined);
  }
}

run(workerData as RangeJob).then(
  (result) => parentPort!.postMessage({ result }),
  (e: Error) => parentPort!.postMessage({ error: e?.message ?? String(e) }),
);
