import { generateKeyPairSync, sign } from 'node:crypto';
import { AUDIT_EXPORT_FORMAT, AuditExport, AuditExportBody, chooseKey, fingerprintOf, givenKey, legacyKeyIdOf, parsePublishedKeys, signingBytes, spkiOf, verifyExport } from './verify-file';

const platform = generateKeyPairSync('ed25519');
const spki = spkiOf(platform.publicKey);
const body: AuditExportBody = {
  format: AUDIT_EXPORT_FORMAT,
  exportedAt: '2026-06-01T08:00:00.000Z',
  project: { id: 'p', code: 'GC-2026-000001', name: '工程', domain: 'tendering' },
  subjects: [],
  head: { seq: '1', hash: 'x' },
  events: [],
};
const signed = (b: AuditExportBody, keyId = fingerprintOf(spki)): AuditExport => ({
  ...b,
  signature: { alg: 'Ed25519', keyId, publicKey: spki.toString('base64'), value: sign(null, signingBytes(b), platform.privateKey).toString('base64') },
});
const published = (validFrom: string, validTo: string | null, status = validTo ? 'retired' : 'active') =>
  parsePublishedKeys({ format: 'yg-audit-keys/1', keys: [{ keyId: fingerprintOf(spki), alg: 'Ed25519', publicKey: spki.toString('base64'), rawPublicKey: '', pem: '', validFrom, validTo, status }] });

describe('which key checks an audit export', () => {
  it('accepts a published key valid at exportedAt, and the short id exports carried before keys were published', () => {
    const keys = published('2026-01-01T00:00:00Z', null);
    expect(verifyExport(signed(body), { keys, keyIds: [] }).ok).toBe(true);
    expect(verifyExport(signed(body, legacyKeyIdOf(spki)), { keys, keyIds: [] }).ok).toBe(true);
  });

  it.each([
    ['nothing trusted', { keys: [], keyIds: [] }, 'no_trusted_key'],
    ['exported before the key was valid', { keys: published('2026-07-01T00:00:00Z', null), keyIds: [] }, 'key_not_yet_valid'],
    ['exported at the end of its validity', { keys: published('2026-01-01T00:00:00Z', '2026-06-01T08:00:00.000Z'), keyIds: [] }, 'key_expired'],
    ['a revoked key', { keys: published('2026-01-01T00:00:00Z', null, 'revoked'), keyIds: [] }, 'key_revoked'],
    ['another key given', { keys: [givenKey(generateKeyPairSync('ed25519').publicKey)], keyIds: [] }, 'key_unknown'],
    ['another fingerprint given', { keys: [], keyIds: ['0'.repeat(64)] }, 'key_unknown'],
  ])('refuses %s', (_what, trust, refusal) => {
    const result = verifyExport(signed(body), trust);
    expect([result.ok, result.key.refusal]).toEqual([false, refusal]);
  });

  it('refuses a key id that is not the fingerprint of the file’s key', () => {
    expect(chooseKey(signed(body, 'f'.repeat(64)), { keys: published('2026-01-01T00:00:00Z', null), keyIds: [] }).refusal).toBe('key_id_mismatch');
  });

  it('refuses a keys list whose id is not its key’s fingerprint', () => {
    expect(() => parsePublishedKeys({ format: 'yg-audit-keys/1', keys: [{ keyId: 'a'.repeat(64), publicKey: spki.toString('base64'), validFrom: '2026-01-01T00:00:00Z', validTo: null, status: 'active' }] })).toThrow(/fingerprint/);
  });
});
