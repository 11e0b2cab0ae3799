import { Injectable } from '@nestjs/common';
import { createPrivateKey, createPublicKey, KeyObject, sign } from 'node:crypto';
import { Sealer } from '@app/platform/crypto/sealer';
import { AuditExport, AuditExportBody, keyIdOf, signingBytes } from '@app/platform/audit/cli/verify-file';

/** PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Signs audit exports with Ed25519. The seed is derived from MASTER_KEY through the Sealer (HKDF, then HMAC), so
 * every api instance holds the same key with nothing stored, and rotating MASTER_KEY rotates it.
 */
@Injectable()
export class ExportSigner {
  private keys?: { privateKey: KeyObject; publicKey: KeyObject; spki: Buffer; keyId: string };

  constructor(private readonly sealer: Sealer) {}

  publicKey(): { alg: 'Ed25519'; keyId: string; publicKey: string; pem: string } {
    const k = this.key();
    return { alg: 'Ed25519', keyId: k.keyId, publicKey: k.spki.toString('base64'), pem: k.publicKey.export({ format: 'pem', type: 'spki' }).toString() };
  }

  sign(body: AuditExportBody): AuditExport {
    const k = this.key();
    const value = sign(null, signingBytes(body), k.privateKey).toString('base64');
    return { ...body, signature: { alg: 'Ed25519', keyId: k.keyId, publicKey: k.spki.toString('base64'), value } };
  }

  private key() {
    if (!this.keys) {
      const seed = Buffer.from(this.sealer.blindIndex('audit-export-ed25519', 'seed/v1'), 'hex');
      const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
      const publicKey = createPublicKey(privateKey);
      const spki = publicKey.export({ format: 'der', type: 'spki' });
      this.keys = { privateKey, publicKey, spki, keyId: keyIdOf(spki) };
    }
    return this.keys;
  }
}
