import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a 32-byte key: version byte ‖ 12-byte IV ‖ 16-byte tag ‖ ciphertext. `aad` binds the box to its row. */
export function sealWith(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function openWith(key: Buffer, box: Buffer, aad: string): Buffer {
  if (box.length < 1 + IV_BYTES + TAG_BYTES || box[0] !== VERSION) throw new Error('sealed box: unknown format');
  const iv = box.subarray(1, 1 + IV_BYTES);
  const tag = box.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(box.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * Secrets at rest under the configured MASTER_KEY. Small secrets (an ID number, a draw seed) are sealed with a
 * key derived for their purpose; bulk contents use envelope keys: a fresh data key per subject, stored wrapped.
 */
@Injectable()
export class Sealer {
  private readonly keys = new Map<string, Buffer>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  seal(purpose: string, plaintext: Buffer | string, aad: string): Buffer {
    return sealWith(this.key(`seal:${purpose}`), Buffer.from(plaintext), aad);
  }

  open(purpose: string, box: Buffer, aad: string): Buffer {
    return openWith(this.key(`seal:${purpose}`), box, aad);
  }

  /** A new data key and its wrapped form; store only the wrapped one. */
  newDataKey(aad: string): { key: Buffer; wrapped: Buffer } {
    const key = randomBytes(32);
    return { key, wrapped: sealWith(this.key('wrap'), key, aad) };
  }

  unwrapDataKey(wrapped: Buffer, aad: string): Buffer {
    return openWith(this.key('wrap'), wrapped, aad);
  }

  /** A keyed digest for finding a secret by equality (e.g. a duplicate ID number) without storing it readable. */
  blindIndex(purpose: string, value: string): string {
    return createHmac('sha256', this.key(`index:${purpose}`)).update(value, 'utf8').digest('hex');
  }

  private key(info: string): Buffer {
    let k = this.keys.get(info);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.config.masterKey, Buffer.alloc(0), `yangguang:${info}`, 32));
      this.keys.set(info, k);
    }
    return k;
  }
}
