import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link of the append-only, hash-chained audit log. The database refuses UPDATE and DELETE on it. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

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

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
