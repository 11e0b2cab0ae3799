import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One entry of the append-only, hash-chained audit log. The database refuses UPDATE and DELETE on it, except the
 * sequencer's one-time link (seq, prevHash, hash, linkedAt set on an entry that had none).
 */
@Entity('audit_event')
export class AuditEvent {
  /** insertion order, immutable; an identity */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  /** the place in the chain (1, 2, 3 … without gaps), null until the sequencer links the entry */
  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column()
  action: string;

  @Column()
  subjectType: string;

  @Column()
  subjectId: string;

  @Column({ type: 'char', length: 64 })
  payloadDigest: string;

  /** The changed data itself, for review; never holds sealed contents (only their digests). */
  @Column({ type: 'jsonb', nullable: true })
  payload: unknown;

  /** Exactly the bytes `payloadDigest` covers (canonical JSON of `payload`), written by the append; a CHECK keeps `payload` equal to it parsed. */
  @Column({ type: 'text' })
  payloadCanonical: string;

  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash: string | null;

  /** when the sequencer linked it (not chained) */
  @Column({ type: 'timestamptz', nullable: true })
  linkedAt: Date | null;
}
