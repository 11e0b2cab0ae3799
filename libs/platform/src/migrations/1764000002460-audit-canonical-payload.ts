import { MigrationInterface, QueryRunner } from 'typeorm';
import { canonicalJson } from '../audit/canonical-json';

const BATCH = 5000;

/**
 * Each link keeps the exact bytes its payload digest covers (`payload_canonical`, written by the append itself), so
 * verify hashes stored text instead of re-parsing and re-canonicalising every payload (docs/audit-chain.md, "Verify").
 * The CHECK makes PostgreSQL refuse any row whose jsonb `payload` is not that text parsed; verify confirms, in the
 * catalogue, that the CHECK is in force and validated, and re-canonicalises every payload when it is not.
 */
export class AuditCanonicalPayload1764000002460 implements MigrationInterface {
  name = 'AuditCanonicalPayload1764000002460';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN payload_canonical text`);
    // Existing links: the text the digest was made from is the canonical JSON of the stored payload (that is what verify
    // recomputed until now). A link already altered keeps its altered payload, so verify still names it.
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    let after = '0';
    for (;;) {
      const rows: { seq: string; payload: unknown }[] = await q.query(`SELECT seq::text AS seq, payload FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`, [after]);
      if (rows.length === 0) break;
      await q.query(
        `UPDATE audit_event e SET payload_canonical = v.text FROM unnest($1::bigint[], $2::text[]) AS v(seq, text) WHERE e.seq = v.seq`,
        [rows.map((r) => r.seq), rows.map((r) => canonicalJson(r.payload ?? null))],
      );
      after = rows[rows.length - 1].seq;
    }
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    await q.query(`ALTER TABLE audit_event ADD CONSTRAINT audit_event_payload_canonical CHECK (payload_canonical IS NOT NULL AND payload_canonical::jsonb = COALESCE(payload, 'null'::jsonb))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_payload_canonical`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN payload_canonical`);
  }
}

