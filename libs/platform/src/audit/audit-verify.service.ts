import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRow, ChainVerifier, VerifyResult } from './chain-verifier';

const BATCH = 5000;

const SELECT_LINKS = `
  SELECT seq::text AS "seq", occurred_at AS "occurredAt", actor_id AS "actorId", actor_role AS "actorRole",
         organisation_id AS "organisationId", action, subject_type AS "subjectType", subject_id AS "subjectId",
         payload_digest AS "payloadDigest", payload, prev_hash AS "prevHash", hash
  FROM audit_event`;

@Injectable()
export class AuditVerifyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Walks the whole chain in seq order and reports the first broken link, if any. */
  async verify(options = { checkPayloads: true }): Promise<VerifyResult & { durationMs: number }> {
    const started = Date.now();
    const verifier = new ChainVerifier({ checkPayloads: options.checkPayloads, contiguous: true });
    let after = '0';
    for (;;) {
      const rows: AuditRow[] = await this.ds.query(`${SELECT_LINKS} WHERE audit_event.seq > $1 ORDER BY audit_event.seq LIMIT ${BATCH}`, [after]);
      if (rows.length === 0) break;
      if (!rows.every((row) => verifier.push(row))) break;
      after = rows[rows.length - 1].seq;
    }
    const [head] = await this.ds.query(`SELECT last_seq::text AS seq, last_hash AS hash FROM audit_chain_head WHERE id = 1`);
    verifier.checkHead(head.seq, head.hash);
    return { ...verifier.result(), durationMs: Date.now() - started };
  }

  async eventsOf(subjectType: string, subjectId: string, em: EntityManager = this.ds.manager): Promise<AuditRow[]> {
    return em.query(`${SELECT_LINKS} WHERE subject_type = $1 AND subject_id = $2 ORDER BY audit_event.seq`, [subjectType, subjectId]);
  }
}
