import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClientConfig } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { GENESIS_HASH } from './audit-hash';
import { CopyToVerifier, joinRanges, LinkBreak, rangeCopySql, RangeResult, splitRange } from './chain-range';
import type { RangeJob } from './chain-range.worker';
import { AuditRow } from './chain-verifier';

/** One stored entry: linked (seq, prevHash, hash set by the sequencer) or not yet (null). */
export type AuditEntryRow = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'> & { id: string; seq: string | null; prevHash: string | null; hash: string | null };

const SELECT_ENTRIES = `
  SELECT id::text AS "id", seq::text AS "seq", occurred_at AS "occurredAt", actor_id AS "actorId", actor_role AS "actorRole",
         organisation_id AS "organisationId", action, subject_type AS "subjectType", subject_id AS "subjectId",
         payload_digest AS "payloadDigest", payload, prev_hash AS "prevHash", hash
  FROM audit_event`;

/**
 * The CHECK that keeps each link's jsonb `payload` equal to its stored canonical text parsed, as PostgreSQL prints it
 * back (migration 1764000002460). While it is in force and validated, hashing the stored text is hashing the payload.
 */
export const PAYLOAD_CANONICAL_CHECK = {
  name: 'audit_event_payload_canonical',
  definition: `CHECK (((payload_canonical IS NOT NULL) AND ((payload_canonical)::jsonb = COALESCE(payload, 'null'::jsonb))))`,
};

/** Below this many links one range in-process is quicker than starting threads. */
const PARALLEL_FROM = 50_000;
const MAX_THREADS = 4;

export interface VerifyOptions {
  /** ranges verified at once, each on its own connection in a worker thread (default: the cores, for long chains) */
  threads?: number;
  /** re-canonicalise every jsonb payload even though the CHECK is in force (what verify does when it is not) */
  recanonicalise?: boolean;
}

export interface ChainVerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: string;
  firstBroken: { seq: string; reason: LinkBreak } | null;
  durationMs: number;
}

@Injectable()
export class AuditVerifyService {
  private readonly logger = new Logger('AuditVerify');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Walks the chain up to the head (as committed when verify starts) and reports the first broken link, if any:
   * streamed by binary COPY, split into seq ranges checked by worker threads, joined in order (docs/audit-chain.md).
   */
  async verify(options: VerifyOptions = {}): Promise<ChainVerifyResult> {
    const started = Date.now();
    // The head first: every link up to it is committed (the sequencer moves it in the linking transaction) and immutable;
    // entries not linked yet are not part of the chain and are left for a later run.
    const [head] = await this.ds.query(`SELECT last_seq::text AS seq, last_hash AS hash FROM audit_chain_head WHERE id = 1`);
    const last = Number(head.seq);
    const inForce = await this.payloadCheckInForce();
    // Correct either way; without the CHECK every payload is parsed again, which is slow: an operator should know why.
    if (!inForce) this.logger.warn(`${PAYLOAD_CANONICAL_CHECK.name} is not in force as migration 1764000002460 made it: verify re-canonicalises every payload`);
    const recanonicalise = options.recanonicalise === true || !inForce;
    const threads = options.threads ?? (last >= PARALLEL_FROM ? Math.min(availableParallelism(), MAX_THREADS) : 1);
    const ranges = splitRange(last, threads);
    const worker = threads > 1 ? workerFile() : null;
    const results = await Promise.all(ranges.map((r) => (worker ? this.inWorker(worker, r.lo, r.hi, recanonicalise) : this.inProcess(r.lo, r.hi, recanonicalise))));
    return { ...joinRanges(results, head, GENESIS_HASH), durationMs: Date.now() - started };
  }

  /** Whether PostgreSQL enforces, and has validated on every row, that `payload` is its stored canonical text. */
  async payloadCheckInForce(): Promise<boolean> {
    const rows = await this.ds.query(
      `SELECT convalidated AS valid, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = 'audit_event'::regclass AND conname = $1 AND contype = 'c'`,
      [PAYLOAD_CANONICAL_CHECK.name],
    );
    return rows.length === 1 && rows[0].valid === true && rows[0].definition === PAYLOAD_CANONICAL_CHECK.definition;
  }

  /** One subject's entries in insertion order, the not yet linked ones included (seq null). */
  async eventsOf(subjectType: string, subjectId: string, em: EntityManager = this.ds.manager): Promise<AuditEntryRow[]> {
    return em.query(`${SELECT_ENTRIES} WHERE subject_type = $1 AND subject_id = $2 ORDER BY audit_event.id`, [subjectType, subjectId]);
  }

  private async inProcess(lo: number, hi: number, recanonicalise: boolean): Promise<RangeResult> {
    const runner = this.ds.createQueryRunner();
    const client = (await runner.connect()) as { query: (s: unknown) => unknown };
    try {
      const copy = new CopyToVerifier(rangeCopySql(lo, hi, recanonicalise), recanonicalise);
      client.query(copy);
      return await copy.done;
    } finally {
      await runner.release();
    }
  }

  private inWorker(file: string, lo: number, hi: number, recanonicalise: boolean): Promise<RangeResult> {
    const job: RangeJob = { connection: connectionOf(this.ds), lo, hi, recanonicalise };
    return new Promise((resolvePromise, reject) => {
      const w = new Worker(file, { workerData: job });
      let settled = false;
      w.once('message', (m: { result?: RangeResult; error?: string }) => {
        settled = true;
        if (m.result) resolvePromise(m.result);
        else reject(new Error(`audit verify worker: ${m.error}`));
        void w.terminate();
      });
      w.once('error', (e) => {
        if (!settled) reject(e);
        settled = true;
      });
      w.once('exit', (code) => {
        if (!settled) reject(new Error(`audit verify worker exited with ${code}`));
        settled = true;
      });
    });
  }
}

/**
 * The compiled worker: next to this file in dist/; when this file runs from source (Jest, which `npm test` runs after
 * building dist/), its dist/ counterpart. Without either, verify runs its ranges in-process.
 */
function workerFile(): string | null {
  const here = join(__dirname, 'chain-range.worker.js');
  if (existsSync(here)) return here;
  const root = resolve(__dirname, '..', '..', '..', '..');
  const built = join(root, 'dist', 'libs', 'platform', 'src', 'audit', 'chain-range.worker.js');
  return __filename.endsWith('.ts') && existsSync(built) ? built : null;
}

/** The DataSource's connection settings, as plain data a worker can receive. */
function connectionOf(ds: DataSource): ClientConfig {
  const o = ds.options as PostgresConnectionOptions;
  // A COPY of the whole range gains nothing from JIT compiling its expressions; it only pays the compilation.
  const c: ClientConfig = { application_name: 'yangguang-audit-verify', options: '-c jit=off' };
  if (o.url) c.connectionString = o.url;
  if (typeof o.host === 'string') c.host = o.host;
  if (typeof o.port === 'number') c.port = o.port;
  if (typeof o.username === 'string') c.user = o.username;
  if (typeof o.password === 'string') c.password = o.password;
  if (typeof o.database === 'string') c.database = o.database;
  if (o.ssl === true || (o.ssl && typeof o.ssl === 'object')) c.ssl = o.ssl as ClientConfig['ssl'];
  return c;
}
