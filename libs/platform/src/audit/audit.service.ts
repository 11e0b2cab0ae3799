import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '../auth/roles';
import { rowsOf } from '../database/rows';
import { canonicalJson } from './canonical-json';
import { chainHash, sha256Hex } from './audit-hash';

export interface AuditEntry {
  actor: Actor;
  /** the role the actor acted in; defaults to its first role */
  role?: Role;
  action: string;
  subject: { type: string; id: string };
  /** what changed; digested into the chain. Never put sealed contents here, only their digests. */
  payload?: unknown;
}

export interface AppendedEvent {
  seq: string;
  hash: string;
  occurredAt: Date;
}

@Injectable()
export class AuditService {
  /**
   * Appends one link inside the caller's transaction. The head row's lock serialises appends until the
   * transaction ends, so call this as the last write of a transaction to keep the lock short.
   */
  async append(em: EntityManager, entry: AuditEntry): Promise<AppendedEvent> {
    const [head] = rowsOf<{ seq: string; prev: string; now: Date }>(
      await em.query(
        `UPDATE audit_chain_head SET last_seq = last_seq + 1 WHERE id = 1
         RETURNING last_seq::text AS seq, last_hash AS prev, date_trunc('milliseconds', clock_timestamp()) AS now`,
      ),
    );
    // The canonical text is what the digest covers; it is stored as it is (payload_canonical) so that verify hashes it
    // without re-parsing, and the jsonb payload is that same text parsed (a CHECK holds them together).
    const canonical = canonicalJson(entry.payload ?? null);
    const fields = {
      seq: head.seq,
      occurredAt: head.now,
      actorId: entry.actor.accountId,
      actorRole: entry.role ?? entry.actor.roles[0]?.role ?? entry.actor.kind,
      organisationId: entry.actor.organisationId,
      action: entry.action,
      subjectType: entry.subject.type,
      subjectId: entry.subject.id,
      payloadDigest: sha256Hex(canonical),
    };
    const hash = chainHash(head.prev, fields);
    await em.query(
      `WITH ins AS (
         INSERT INTO audit_event (seq, occurred_at, actor_id, actor_role, organisation_id, action, subject_type, subject_id, payload_digest, payload, payload_canonical, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, 'null')::jsonb, $10, $11, $12) RETURNING hash)
       UPDATE audit_chain_head SET last_hash = (SELECT hash FROM ins) WHERE id = 1`,
      [fields.seq, fields.occurredAt, fields.actorId, fields.actorRole, fields.organisationId, fields.action, fields.subjectType, fields.subjectId, fields.payloadDigest, canonical, head.prev, hash],
    );
    return { seq: fields.seq, hash, occurredAt: fields.occurredAt };
  }

  /**
   * Appends several entries in the caller's transaction, in order (the milestone batches write one per milestone). One
   * `append` each here; with the sequencer (issue 19) this becomes one multi-row insert, which is where a batch's
   * remaining round trips per firing go.
   */
  async appendAll(em: EntityManager, entries: AuditEntry[]): Promise<AppendedEvent[]> {
    const out: AppendedEvent[] = [];
    for (const entry of entries) out.push(await this.append(em, entry));
    return out;
  }
}
