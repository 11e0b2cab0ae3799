/**
 * Audit chain: appends/s with 50 concurrent writers (each append its own transaction, as services do), next to
 * pgbench's single-row UPDATE (the chain head is one hot row); then `verify` over a chain of 1,000,000 events
 * (the appended ones, continued by a valid chain made with the same hashing code and COPYed in), next to raw SHA-256
 * over the same bytes and to reading the same rows through node-postgres alone.
 * Usage: npm run build && node dist/bench/audit-append.js [seconds=10] [writers=50] [events=1000000]
 */
import 'reflect-metadata';
import { createHash, hash as oneShotHash } from 'node:crypto';
import { once } from 'node:events';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { chainHash, payloadDigest } from '../libs/platform/src/audit/audit-hash';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { AuditVerifyService } from '../libs/platform/src/audit/audit-verify.service';
import { canonicalJson } from '../libs/platform/src/audit/canonical-json';
import { SYSTEM_ACTOR } from '../libs/platform/src/auth/roles';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { withFreshDatabase } from './support/fresh-database';
import { describePgbench, hotRowUpdate, pgbenchLimit } from './support/pgbench';
import { result, sizeArg } from './support/report';
import { fmt, summarise } from './support/stats';

const BENCH = 'audit';
const seconds = sizeArg(0, 10, 3);
const writers = sizeArg(1, 50, 50);
const events = sizeArg(2, 1_000_000, 100_000);
const CHUNK = 10_000;

/** The bytes verify hashes for one link: the canonical payload, and prevHash "\n" line (docs/audit-chain.md). */
interface Inputs {
  payload: string[];
  link: string[];
}

const uuidOf = (n: number) => {
  const h = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${h}`;
};

async function appends(ds: DataSource) {
  const audit = new AuditService();
  const latencies: number[] = [];
  const stopAt = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const t0 = performance.now();
        await ds.transaction((em) => audit.append(em, { actor: SYSTEM_ACTOR, action: 'bench.append', subject: { type: 'bench', id: `${w}-${i}` }, payload: { writer: w, i, amountFen: 123456n } }));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { count: latencies.length, elapsed: (performance.now() - started) / 1000, latency: summarise(latencies) };
}

/** The hashed bytes of rows already in the table (the appended ones), read back untimed. */
async function inputsOfExisting(ds: DataSource, inputs: Inputs): Promise<void> {
  const rows = await ds.query(
    `SELECT seq::text AS seq, occurred_at AS "occurredAt", actor_id AS "actorId", actor_role AS "actorRole", organisation_id AS "organisationId", action,
            subject_type AS "subjectType", subject_id AS "subjectId", payload_digest AS "payloadDigest", payload, prev_hash AS "prevHash" FROM audit_event ORDER BY seq`,
  );
  for (const r of rows) {
    inputs.payload.push(canonicalJson(r.payload ?? null));
    inputs.link.push(`${r.prevHash}\n${[r.seq, r.occurredAt.toISOString(), r.actorId ?? '', r.actorRole ?? '', r.organisationId ?? '', r.action, r.subjectType, r.subjectId, r.payloadDigest].join('|')}`);
  }
}

/** Continues the chain to `events` links with the platform's own hashing, COPYed in; returns the seconds it took. */
async function generate(url: string, ds: DataSource, inputs: Inputs): Promise<number> {
  const t0 = performance.now();
  const [head] = await ds.query(`SELECT last_seq::int AS seq, last_hash AS hash FROM audit_chain_head WHERE id = 1`);
  // Verify walks the primary key only; the secondary indexes (search, export) would only slow this load down.
  for (const { indexname } of await ds.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'audit_event' AND indexname NOT IN ('audit_event_pkey')`)) {
    if (indexname === 'audit_event_hash_key') await ds.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_hash_key`);
    else await ds.query(`DROP INDEX ${indexname}`);
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const stream = client.query(copyFrom(`COPY audit_event (seq, occurred_at, actor_id, actor_role, organisation_id, action, subject_type, subject_id, payload_digest, payload, prev_hash, hash) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const actions = ['lot.bid_accepted', 'tender.bid_submitted', 'milestone.fired', 'project.published', 'deposit.confirmed'];
  const base = Date.now() - 30 * 86_400_000;
  let prev: string = head.hash;
  let lines: string[] = [];
  for (let seq = head.seq + 1; seq <= events; seq++) {
    const lot = uuidOf(Math.floor(seq / 1000));
    const payload = { bidSeq: seq, lotId: lot, note: '出价', paddle: 1000 + (seq % 50), priceFen: String(100_000_000 + seq * 10_000) };
    const fields = {
      seq: String(seq),
      occurredAt: new Date(base + seq * 2),
      actorId: uuidOf(seq % 5000),
      actorRole: 'bidder',
      organisationId: uuidOf(100_000 + (seq % 5000)),
      action: actions[seq % actions.length],
      subjectType: 'lot',
      subjectId: lot,
      payloadDigest: payloadDigest(payload),
    };
    const payloadJson = canonicalJson(payload);
    const hash = chainHash(prev, fields);
    inputs.payload.push(payloadJson);
    inputs.link.push(`${prev}\n${[fields.seq, fields.occurredAt.toISOString(), fields.actorId, fields.actorRole, fields.organisationId, fields.action, fields.subjectType, fields.subjectId, fields.payloadDigest].join('|')}`);
    lines.push([fields.seq, fields.occurredAt.toISOString(), fields.actorId, fields.actorRole, fields.organisationId, fields.action, fields.subjectType, fields.subjectId, fields.payloadDigest, payloadJson, prev, hash].join('\t'));
    prev = hash;
    if (lines.length === CHUNK || seq === events) {
      if (!stream.write(`${lines.join('\n')}\n`)) await once(stream, 'drain');
      lines = [];
    }
  }
  stream.end();
  await done;
  await client.query(`UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1`, [Math.max(events, head.seq), prev]);
  // What autovacuum has long done to a chain in service (hint bits, visibility map), so verify reads without writing.
  await client.query(`VACUUM ANALYZE audit_event`);
  await client.end();
  return (performance.now() - t0) / 1000;
}

/** The same query verify pages with, without verifying: what node-postgres alone costs for these rows. */
async function readAlone(ds: DataSource): Promise<number> {
  const t0 = performance.now();
  let after = '0';
  for (;;) {
    const rows = await ds.query(
      `SELECT seq::text AS "seq", occurred_at AS "occurredAt", actor_id AS "actorId", actor_role AS "actorRole", organisation_id AS "organisationId", action,
              subject_type AS "subjectType", subject_id AS "subjectId", payload_digest AS "payloadDigest", payload, prev_hash AS "prevHash", hash
       FROM audit_event WHERE audit_event.seq > $1 ORDER BY audit_event.seq LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].seq;
  }
  return (performance.now() - t0) / 1000;
}

function rawSha(inputs: Inputs) {
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < inputs.link.length; i++) {
    createHash('sha256').update(inputs.payload[i]).digest('hex');
    createHash('sha256').update(inputs.link[i]).digest('hex');
  }
  const createHashS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (let i = 0; i < inputs.link.length; i++) {
    oneShotHash('sha256', inputs.payload[i]);
    oneShotHash('sha256', inputs.link[i]);
    bytes += Buffer.byteLength(inputs.payload[i]) + Buffer.byteLength(inputs.link[i]);
  }
  return { createHashS, oneShotS: (performance.now() - t1) / 1000, bytes };
}

async function main(): Promise<void> {
  await withFreshDatabase('audit', async (url) => {
    const writing = new DataSource(dataSourceOptions(url, { extra: { max: writers } }));
    await writing.initialize();
    const a = await appends(writing);
    await writing.destroy(); // the server's max_connections is shared with pgbench (and, here, with other people's tests)
    const rate = a.count / a.elapsed;
    console.log(`audit appends: ${a.count} in ${a.elapsed.toFixed(1)} s with ${writers} writers = ${rate.toFixed(0)}/s; latency ${fmt(a.latency)}`);
    const pgW = await hotRowUpdate(url, writers, seconds);
    const pg8 = writers === 8 ? pgW : await hotRowUpdate(url, 8, seconds);
    for (const r of pgW === pg8 ? [pg8] : [pg8, pgW]) console.log(describePgbench(r));
    const ds = new DataSource(dataSourceOptions(url, { extra: { max: 4 } }));
    await ds.initialize();

    const inputs: Inputs = { payload: [], link: [] };
    await inputsOfExisting(ds, inputs);
    const genS = await generate(url, ds, inputs);
    console.log(`chain continued to ${events} events (same hashing code, COPY, VACUUM ANALYZE) in ${genS.toFixed(1)} s`);
    const verify = await new AuditVerifyService(ds).verify();
    const read = await readAlone(ds);
    await ds.destroy();
    const raw = rawSha(inputs);
    const verifyS = verify.durationMs / 1000;
    console.log(`verify: ${verify.checked} links, ok=${verify.ok}, ${verifyS.toFixed(2)} s = ${(verify.checked / verifyS).toFixed(0)} links/s`);
    console.log(`  reading the same rows through node-postgres alone (same query, same pages): ${read.toFixed(2)} s`);
    console.log(`raw SHA-256 over the same bytes (${(raw.bytes / 1e6).toFixed(0)} MB, ${inputs.link.length * 2} hashes): createHash ${raw.createHashS.toFixed(2)} s, crypto.hash ${raw.oneShotS.toFixed(2)} s`);

    const pgLimit = pgbenchLimit;
    result({ bench: BENCH, metric: `appends/s, ${writers} concurrent writers`, value: rate, unit: 'appends/s', limit: pgLimit(pgW), note: `latency ${fmt(a.latency)}; pgbench 8 clients ${pg8 && !pg8.error ? pg8.tps.toFixed(0) : '—'} tps` });
    result({ bench: BENCH, metric: `verify over ${verify.checked.toLocaleString('en')} events`, value: verifyS, unit: 's', limit: { what: 'raw SHA-256 over the same bytes (createHash, hex)', value: raw.createHashS, unit: 's' }, note: `ok=${verify.ok}; node-postgres read alone ${read.toFixed(2)} s; crypto.hash ${raw.oneShotS.toFixed(2)} s` });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
