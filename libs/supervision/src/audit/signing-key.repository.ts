import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SigningKeyRow {
  keyId: string;
  alg: 'Ed25519';
  /** SPKI DER */
  publicKey: Buffer;
  validFrom: Date;
  validTo: Date | null;
  status: 'active' | 'retired';
}

const COLUMNS = `key_id AS "keyId", alg, public_key AS "publicKey", valid_from AS "validFrom", valid_to AS "validTo", status`;

/** All SQL of the audit signing keys (table audit_signing_key). */
@Injectable()
export class SigningKeyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Serialises registrations of api processes starting at once, until the transaction ends. */
  async lock(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('audit_signing_key'))`);
  }

  async list(em: EntityManager = this.ds.manager): Promise<SigningKeyRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM audit_signing_key ORDER BY valid_from, key_id`);
  }

  async byId(keyId: string, em: EntityManager = this.ds.manager): Promise<SigningKeyRow | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM audit_signing_key WHERE key_id = $1`, [keyId]);
    return row ?? null;
  }

  /** When the chain began (its first entry, linked or about to be), or null on an empty log. */
  async chainStart(em: EntityManager): Promise<Date | null> {
    const [row] = await em.query(`SELECT occurred_at AS "at" FROM audit_event ORDER BY id LIMIT 1`);
    return row?.at ?? null;
  }

  async insert(em: EntityManager, k: SigningKeyRow): Promise<void> {
    await em.query(`INSERT INTO audit_signing_key (key_id, alg, public_key, valid_from, valid_to, status) VALUES ($1, $2, $3, $4, $5, $6)`, [
      k.keyId,
      k.alg,
      k.publicKey,
      k.validFrom,
      k.validTo,
      k.status,
    ]);
  }

  /** Ends the active key's validity at `at`; returns it (none on the first start). */
  async retireActive(em: EntityManager, at: Date): Promise<SigningKeyRow[]> {
    return (await em.query(`UPDATE audit_signing_key SET status = 'retired', valid_to = $1 WHERE status = 'active' RETURNING ${COLUMNS}`, [at]))[0];
  }
}
