import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { chainHash, ChainedFields } from './audit-hash';

/** pg_try_advisory_xact_lock key of the sequencer's election: 'audit-sequencer' as a number. */
export const SEQUENCER_LOCK = 0x61756469745f7371n.toString();
/** Entries linked in one round (one read, one UPDATE of unnested arrays, one head move). */
export const LINK_BATCH = 5000;
/** While entries keep arriving, the next round comes this soon after one that linked some (bigger batches, fewer rounds). */
const BUSY_POLL_MS = 5;

/** One row of a round's read: the head, and an unlinked entry's chained fields (id null when none is waiting). */
interface Pending extends Omit<ChainedFields, 'seq' | 'occurredAt'> {
  headSeq: string;
  headHash: string;
  id: string | null;
  occurredAt: Date | null;
}

/** The outcome of one round: how many entries it linked, or that another sequencer holds the election now. */
export type RoundResult = { linked: number; lastSeq: string } | 'not_elected';

/**
 * Links committed entries into the chain, as a Certificate Transparency log or Trillian sequences its queue: writers
 * insert entries unlinked in their own transactions (AuditService.append), and one sequencer at a time
 * (pg_try_advisory_xact_lock) reads the unlinked ones in insertion order, computes their links in Node and writes
 * seq / prev_hash / hash for the whole batch in one statement, moving the head only from the head it read. Every api
 * and worker process runs it; each round is won by one of them. docs/audit-chain.md, "Sequencer".
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditSequencer');
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.auditSequencer) this.running = this.loop();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  /**
   * Links everything committed before the call (by this process if it wins the rounds, or by whichever sequencer
   * holds them), then returns the head. For readers that must see an entry in the chain, e.g. a signed export.
   */
  async linkPending(timeoutMs = 10_000): Promise<{ lastSeq: string }> {
    const [{ upTo }] = await this.ds.query(`SELECT max(id)::text AS "upTo" FROM audit_event WHERE seq IS NULL`);
    const deadline = Date.now() + timeoutMs;
    while (upTo !== null) {
      const round = await this.linkRound();
      const [{ left }] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM audit_event WHERE seq IS NULL AND id <= $1) AS left`, [upTo]);
      if (!left) break;
      if (Date.now() > deadline) throw new Error(`audit entries up to id ${upTo} are still unlinked after ${timeoutMs} ms`);
      if (round === 'not_elected') await sleep(BUSY_POLL_MS);
    }
    const [head] = await this.ds.query(`SELECT last_seq::text AS "lastSeq" FROM audit_chain_head WHERE id = 1`);
    return head;
  }

  /**
   * One round: if elected, link up to `batch` committed unlinked entries after the head, in insertion order. The head
   * moves only from the value read (and a linked entry never again), so two sequencers that ran at once (the lock
   * bypassed) could not fork the chain: the second's statement finds the head moved or the entries linked, and rolls back.
   */
  async linkRound(options: { batch?: number; elect?: boolean } = {}): Promise<RoundResult> {
    const batch = options.batch ?? LINK_BATCH;
    return this.ds.transaction(async (em) => {
      if (options.elect !== false) {
        const [{ elected }] = await em.query(`SELECT pg_try_advisory_xact_lock($1::bigint) AS elected`, [SEQUENCER_LOCK]);
        if (!elected) return 'not_elected';
      }
      const rows = await this.pending(em, batch);
      const head = { seq: rows[0].headSeq, hash: rows[0].headHash };
      if (rows[0].id === null) return { linked: 0, lastSeq: head.seq };
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      let seq = BigInt(head.seq);
      let prev = head.hash;
      for (const r of rows) {
        seq += 1n;
        const hash = chainHash(prev, { ...r, seq: seq.toString(), occurredAt: r.occurredAt as Date });
        ids.push(r.id as string);
        seqs.push(seq.toString());
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      const [done] = await em.query(
        `WITH v AS (SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)),
         linked AS (
           UPDATE audit_event e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, linked_at = clock_timestamp()
           FROM v WHERE e.id = v.id AND e.seq IS NULL RETURNING 1),
         head AS (UPDATE audit_chain_head SET last_seq = $5, last_hash = $6 WHERE id = 1 AND last_seq = $7 RETURNING 1)
         SELECT (SELECT count(*) FROM linked)::int AS linked, (SELECT count(*) FROM head)::int AS head`,
        [ids, seqs, prevs, hashes, seq.toString(), prev, head.seq],
      );
      if (done.linked !== rows.length || done.head !== 1) {
        throw new Error(`audit link round refused: ${done.linked} of ${rows.length} entries linked, head ${done.head === 1 ? 'moved' : 'changed meanwhile'}`);
      }
      return { linked: rows.length, lastSeq: seq.toString() };
    });
  }

  /** The head and the first unlinked entries after it, from one snapshot (one row with id null when none). */
  private pending(em: EntityManager, batch: number): Promise<Pending[]> {
    return em.query(
      `SELECT h.last_seq::text AS "headSeq", h.last_hash AS "headHash", e.id::text AS id, e.occurred_at AS "occurredAt",
              e.actor_id AS "actorId", e.actor_role AS "actorRole", e.organisation_id AS "organisationId", e.action,
              e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.payload_digest AS "payloadDigest"
       FROM audit_chain_head h
       LEFT JOIN LATERAL (SELECT * FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT $1) e ON true
       WHERE h.id = 1 ORDER BY e.id`,
      [batch],
    );
  }

  /** Looks often while entries arrive, backs off to AUDIT_LINK_POLL_MS when there are none; no NOTIFY per writer. */
  private async loop(): Promise<void> {
    let idle = 1;
    let linked = 0;
    while (!this.stopping) {
      const busy = linked > 0;
      linked = 0;
      try {
        // idle: one cheap look (the partial index of unlinked entries) before opening a round
        const [{ any }] = busy ? [{ any: true }] : await this.ds.query(`SELECT EXISTS (SELECT 1 FROM audit_event WHERE seq IS NULL) AS any`);
        if (any) {
          const round = await this.linkRound();
          linked = round === 'not_elected' ? 0 : round.linked;
        }
      } catch (e) {
        if (this.stopping) break;
        this.logger.warn(`link round failed, retrying: ${(e as Error).message}`);
        idle = this.config.auditLinkPollMs;
      }
      if (linked >= LINK_BATCH) continue; // more are waiting
      idle = linked > 0 ? BUSY_POLL_MS : Math.min(this.config.auditLinkPollMs, idle * 2);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idle);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
