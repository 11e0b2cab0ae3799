import { Inject, Injectable } from '@nestjs/common';
import { createPrivateKey, createPublicKey, KeyObject, sign } from 'node:crypto';
import { AuditExport, AuditExportBody, fingerprintOf, signingBytes } from '@app/platform/audit/cli/verify-file';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { Sealer } from '@app/platform/crypto/sealer';

/** PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKeyMaterial {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI DER */
  spki: Buffer;
  /** fingerprint: SHA-256 of the raw public key */
  keyId: string;
}

export function keyFromSeed(seed: Buffer): SigningKeyMaterial {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey, spki, keyId: fingerprintOf(spki) };
}

/**
 * Holds the private key that signs audit exports: AUDIT_SIGNING_KEY (a 32-byte seed from the secret store) when set,
 * else a seed derived from MASTER_KEY through the Sealer (HKDF, then HMAC), as every export was signed before
 * AUDIT_SIGNING_KEY existed. Only the public half is ever stored (SigningKeyService, audit_signing_key).
 */
@Injectable()
export class ExportSigner {
  private material?: SigningKeyMaterial;
  private derivedMaterial?: SigningKeyMaterial;

  constructor(
    private readonly sealer: Sealer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The key this process signs with. */
  current(): SigningKeyMaterial {
    return (this.material ??= this.config.auditSigningKey ? keyFromSeed(this.config.auditSigningKey) : this.derived());
  }

  /** The key derived from MASTER_KEY: the one that signed before AUDIT_SIGNING_KEY was configured. */
  derived(): SigningKeyMaterial {
    return (this.derivedMaterial ??= keyFromSeed(Buffer.from(this.sealer.blindIndex('audit-export-ed25519', 'seed/v1'), 'hex')));
  }

  publicKey(): { alg: 'Ed25519'; keyId: string; publicKey: string; pem: string } {
    const k = this.current();
    return { alg: 'Ed25519', keyId: k.keyId, publicKey: k.spki.toString('base64'), pem: k.publicKey.export({ format: 'pem', type: 'spki' }).toString() };
  }

  sign(body: AuditExportBody): AuditExport {
    const k = this.current();
    const value = sign(null, signingBytes(body), k.privateKey).toString('base64');
    return { ...body, signature: { alg: 'Ed25519', keyId: k.keyId, publicKey: k.spki.toString('base64'), value } };
  }
}
