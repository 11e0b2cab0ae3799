import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '../auth/roles';
import { rowsOf } from '../database/rows';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './audit-hash';

export interface AuditEntry {
  actor: Actor;
  /** the role the actor acted in; defaults to its first role */
  role?: Role;
  action: string;
  subject: { type: string; id: string };
  /** what changed; digested into the chain. Never put sealed contents here, only their digests. */
  payload?: unknown;
}

/** The entry as written: its insertion id and time. Its place in the chain (seq, hash) comes later, from the sequencer. */
export interface AppendedEvent {
  id: string;
  occurredAt: Date;
}

@Injectable()
export class AuditService {
  /**
   * Writes one entry inside the caller's transaction, so it commits (or rolls back) with the change it records. It takes
   * no shared lock: the entry is inserted unlinked, and the sequencer (`AuditSequencer`) links committed entries into
   * the chain in batches, in order, shortly after (docs/audit-chain.md).
   */
  async append(em: EntityManager, entry: AuditEntry): Promise<AppendedEvent> {
    // The canonical text is what the digest covers; it is stored as it is (payload_canonical) so that verify hashes it
    // without re-parsing, and the jsonb payload is that same text parsed (a CHECK holds them together).
    const canonical = canonicalJson(entry.payload ?? null);
    const [row] = rowsOf<{ id: string; occurredAt: Date }>(
      await em.query(
        `INSERT INTO audit_event (occurred_at, actor_id, actor_role, organisation_id, action, subject_type, subject_id, payload_digest, payload, payload_canonical)
         VALUES (date_trunc('milliseconds', clock_timestamp()), $1, $2, $3, $4, $5, $6, $7, NULLIF($8, 'null')::jsonb, $8)
         RETURNING id::text AS id, occurred_at AS "occurredAt"`,
        [
          entry.actor.accountId,
          entry.role ?? entry.actor.roles[0]?.role ?? entry.actor.kind,
          entry.actor.organisationId,
          entry.action,
          entry.subject.type,
          entry.subject.id,
          sha256Hex(canonical),
          canonical,
        ],
      ),
    );
    return row;
  }

  /**
   * Appends several entries in the caller's transaction, in order, with one multi-row insert (the milestone batches
   * write one per milestone): unlinked like `append`, the sequencer links them in insertion order.
   */
  async appendAll(em: EntityManager, entries: AuditEntry[]): Promise<AppendedEvent[]> {
    if (entries.length === 0) return [];
    if (entries.length === 1) return [await this.append(em, entries[0])];
    const canon = entries.map((e) => canonicalJson(e.payload ?? null));
    const col = <T>(f: (e: AuditEntry, i: number) => T) => entries.map(f);
    return rowsOf<AppendedEvent>(
      await em.query(
        `INSERT INTO audit_event (occurred_at, actor_id, actor_role, organisation_id, action, subject_type, subject_id, payload_digest, payload, payload_canonical)
         SELECT date_trunc('milliseconds', clock_timestamp()), a, r, o, act, st, si, d, NULLIF(c, 'null')::jsonb, c
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS t(a, r, o, act, st, si, d, c, n)
         ORDER BY n
         RETURNING id::text AS id, occurred_at AS "occurredAt"`,
        [
          col((e) => e.actor.accountId),
          col((e) => e.role ?? e.actor.roles[0]?.role ?? e.actor.kind),
          col((e) => e.actor.organisationId),
          col((e) => e.action),
          col((e) => e.subject.type),
          col((e) => e.subject.id),
          canon.map((c) => sha256Hex(c)),
          canon,
        ],
      ),
    );
  }
}
