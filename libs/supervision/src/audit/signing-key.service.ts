import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { AUDIT_KEYS_FORMAT, PublishedKeys } from '@app/platform/audit/cli/verify-file';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { SupervisionErrors as E } from '../supervision-errors';
import { ExportSigner, SigningKeyMaterial } from './export-signer';
import { SigningKeyRepository, SigningKeyRow } from './signing-key.repository';

export const SIGNING_KEY_SUBJECT = 'audit_signing_key';

/**
 * Keys as data: the public half of every key that ever signed audit exports, with its validity, so that anyone can
 * check an export offline against what the platform published. Rotation (docs/supervision-audit.md): an api process
 * that starts with a key not listed yet ends the active key's validity and lists its own, in one audited transaction.
 */
@Injectable()
export class SigningKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SigningKeyService.name);

  constructor(
    private readonly txr: TransactionRunner,
    private readonly keys: SigningKeyRepository,
    private readonly signer: ExportSigner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const outcome = await this.register();
    if (outcome === 'retired') {
      this.logger.error({ keyId: this.signer.current().keyId }, 'the configured audit signing key was retired by a later key: this process refuses to sign exports (AUDIT_SIGNING_KEY_NOT_VALID)');
    }
  }

  /** Lists this process's key when it is new; 'retired' when a later key already replaced it (never reactivated). */
  async register(): Promise<'listed' | 'activated' | 'retired'> {
    const mine = this.signer.current();
    return this.txr.run(async (tx) => {
      await this.keys.lock(tx.em);
      const existing = await this.keys.byId(mine.keyId, tx.em);
      if (existing) return existing.status === 'active' ? 'listed' : 'retired';
      const now = await this.clock.dbNow(tx.em);
      let validFrom = now;
      if ((await this.keys.list(tx.em)).length === 0) {
        // Exports were signed before keys were listed, by the key derived from MASTER_KEY: it covers them from the
        // chain's first link, either as the active key or, when AUDIT_SIGNING_KEY replaces it now, as a retired one.
        const since = (await this.keys.chainStart(tx.em)) ?? now;
        const legacy = this.signer.derived();
        if (legacy.keyId === mine.keyId) validFrom = since;
        else await this.list(tx.em, legacy, since, now, 'retired');
      }
      for (const old of await this.keys.retireActive(tx.em, now)) {
        await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'audit_key.retired', subject: { type: SIGNING_KEY_SUBJECT, id: old.keyId }, payload: { validTo: now, replacedBy: mine.keyId } });
      }
      await this.list(tx.em, mine, validFrom, null, 'active');
      return 'activated';
    });
  }

  private async list(em: EntityManager, k: SigningKeyMaterial, validFrom: Date, validTo: Date | null, status: SigningKeyRow['status']): Promise<void> {
    await this.keys.insert(em, { keyId: k.keyId, alg: 'Ed25519', publicKey: k.spki, validFrom, validTo, status });
    await this.audit.append(em, {
      actor: SYSTEM_ACTOR,
      action: status === 'active' ? 'audit_key.activated' : 'audit_key.listed_retired',
      subject: { type: SIGNING_KEY_SUBJECT, id: k.keyId },
      payload: { alg: 'Ed25519', publicKey: k.spki.toString('base64'), validFrom, validTo, status },
    });
  }

  /** GET /public/audit/keys: what verifiers trust (`npm run audit:verify -- file --keys <this, saved or its URL>`). */
  async published(): Promise<PublishedKeys> {
    const rows = await this.keys.list();
    return {
      format: AUDIT_KEYS_FORMAT,
      keys: rows.map((r) => ({
        keyId: r.keyId,
        alg: r.alg,
        publicKey: r.publicKey.toString('base64'),
        rawPublicKey: r.publicKey.subarray(12).toString('base64'),
        pem: `-----BEGIN PUBLIC KEY-----\n${r.publicKey.toString('base64')}\n-----END PUBLIC KEY-----\n`,
        validFrom: r.validFrom.toISOString(),
        validTo: r.validTo?.toISOString() ?? null,
        status: r.status,
      })),
    };
  }

  /** The server never issues a file the verifier would refuse: this process's key must be valid at `at`. */
  async assertSignable(at: Date): Promise<void> {
    const keyId = this.signer.current().keyId;
    const row = await this.keys.byId(keyId);
    if (!row || at < row.validFrom || (row.validTo && at >= row.validTo)) {
      throw E.AUDIT_SIGNING_KEY_NOT_VALID({ keyId, validFrom: row?.validFrom ?? null, validTo: row?.validTo ?? null, at });
    }
  }
}
