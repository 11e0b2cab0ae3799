import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainHash, payloadDigest } from '@app/platform/audit/audit-hash';
import { canonicalJson } from '@app/platform/audit/canonical-json';
import { AuditExport, fingerprintOf, signingBytes } from '@app/platform/audit/cli/verify-file';
import { Role } from '@app/platform/auth/roles';
import { keyFromSeed } from '@app/supervision/audit/export-signer';
import { startTestApp, TestApp } from '../../support/test-app';

const CLI = 'dist/libs/platform/src/audit/cli/verify-file.js';

// 离线校验只信任平台公布的密钥: an exported audit trail verifies offline only against a key the platform published
// (GET /public/audit/keys, with validity periods) or one the user names; rotation keeps old exports verifiable.
describe('published audit signing keys and the offline verifier', () => {
  const seed1 = randomBytes(32);
  const seed2 = randomBytes(32);
  const k1 = keyFromSeed(seed1);
  const k2 = keyFromSeed(seed2);
  const dir = mkdtempSync(join(tmpdir(), 'yg-audit-keys-'));
  let t: TestApp;
  let office: string;
  let projectId: string;
  let exported: AuditExport;
  let exportedText: string;

  const verify = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  /** Asynchronously, for a verifier that fetches the keys from this process's own server. */
  const verifyAsync = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  const save = (name: string, doc: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
    return path;
  };
  const resign = (doc: AuditExport, privateKey: Parameters<typeof sign>[2], spki: Buffer): AuditExport => {
    const { signature: _dropped, ...body } = doc;
    return { ...body, signature: { alg: 'Ed25519', keyId: fingerprintOf(spki), publicKey: spki.toString('base64'), value: sign(null, signingBytes(body), privateKey).toString('base64') } };
  };
  const exportNow = async (token = office) => t.http.get(`/supervision/projects/${projectId}/audit-export`, token);

  beforeAll(async () => {
    t = await startTestApp('audit-keys', { AUDIT_SIGNING_KEY: seed1.toString('base64') });
    const owner = await t.account([Role.Owner]);
    const centre = (await t.account([Role.Centre])).token;
    office = (await t.account([Role.Office])).token;
    const draft = (await t.http.post('/projects', { domain: 'tendering', name: '城西配水管网改造工程', region: '350105' }, owner.token)).body;
    projectId = draft.id;
    expect((await t.http.post(`/projects/${projectId}/publish`, {}, centre)).status).toBe(200);
    expect((await t.http.post(`/projects/${projectId}/suspend`, { reason: '投诉 C7 审查中' }, office)).status).toBe(200);
    const res = await exportNow();
    expect(res.status).toBe(200);
    exported = res.body;
    exportedText = JSON.stringify(exported, null, 2);
  }, 60000);

  afterAll(async () => {
    await t.close();
    delete process.env.AUDIT_SIGNING_KEY;
  });

  it('publishes its keys to anyone, the export names the active one, and the verifier accepts it from the saved list or the URL', async () => {
    const keys = await t.http.get('/public/audit/keys');
    expect(keys.status).toBe(200);
    expect(keys.body.format).toBe('yg-audit-keys/1');
    const active = keys.body.keys.filter((k: { status: string }) => k.status === 'active');
    expect(active).toEqual([
      expect.objectContaining({ keyId: k1.keyId, alg: 'Ed25519', publicKey: k1.spki.toString('base64'), rawPublicKey: k1.spki.subarray(12).toString('base64'), validTo: null, validFrom: expect.any(String) }),
    ]);
    // the key derived from MASTER_KEY that signed before AUDIT_SIGNING_KEY was set stays listed, retired
    expect(keys.body.keys.find((k: { keyId: string }) => k.keyId !== k1.keyId)).toMatchObject({ status: 'retired', validTo: active[0].validFrom });
    expect(exported.signature.keyId).toBe(k1.keyId);
    const activated = await t.http.get(`/supervision/audit?action=audit_key.activated`, office);
    expect(activated.body.items.map((i: { subject: { id: string } }) => i.subject.id)).toEqual([k1.keyId]);

    const file = save('export.json', exportedText);
    const fromFile = verify(file, '--keys', save('keys.json', keys.body));
    expect([fromFile.status, fromFile.stderr]).toEqual([0, '']);
    expect(fromFile.stdout).toContain(`ok   key ${k1.keyId}: published by the platform`);
    expect(fromFile.stdout).toContain('一致 / intact: 3 events');
    const fromUrl = await verifyAsync(file, '--keys', `${t.http.baseUrl}/public/audit/keys`);
    expect([fromUrl.status, fromUrl.stdout]).toEqual([0, expect.stringContaining('一致 / intact')]);
    const byId = verify(file, '--key-id', k1.keyId);
    expect([byId.status, byId.stdout]).toEqual([0, expect.stringContaining('given by you')]);
  });

  it('refuses the last event altered, re-hashed and re-signed with a self-made key, with or without flags', async () => {
    const last = exported.events[exported.events.length - 1];
    expect(last.action).toBe('project.suspended');
    const payload = { ...(last.payload as object), reason: '无投诉' };
    const forgedLast = { ...last, payload, canonicalPayload: canonicalJson(payload), payloadDigest: payloadDigest(payload) };
    forgedLast.hash = chainHash(forgedLast.prevHash, { ...forgedLast, occurredAt: new Date(forgedLast.occurredAt) });
    const mine = generateKeyPairSync('ed25519');
    const forged = resign(
      { ...exported, events: [...exported.events.slice(0, -1), forgedLast], head: exported.head.seq === last.seq ? { seq: last.seq, hash: forgedLast.hash } : exported.head },
      mine.privateKey,
      mine.publicKey.export({ format: 'der', type: 'spki' }),
    );
    const file = save('forged.json', forged);
    const keysFile = save('keys-now.json', (await t.http.get('/public/audit/keys')).body);

    // what was seen: the bare command said "intact"; now it refuses, naming why in Chinese and English
    const bare = verify(file);
    expect(bare.status).toBe(1);
    expect(bare.stdout).toContain('REFUSED key');
    expect(bare.stdout).toContain('(no_trusted_key): 未指定可信公钥');
    expect(bare.stdout).toContain('no trusted key given');
    expect(bare.stdout).not.toContain('intact');

    const withKeys = verify(file, '--keys', keysFile);
    expect(withKeys.status).toBe(1);
    expect(withKeys.stdout).toContain(`REFUSED key ${fingerprintOf(mine.publicKey.export({ format: 'der', type: 'spki' }))} (key_unknown): 签名密钥既不是平台公布的密钥,也不是您指定的密钥 / the signing key is neither published by the platform nor given by you`);
    expect(withKeys.stdout).toContain('拒绝 / REFUSED');
    expect(verify(file, '--key-id', k1.keyId).stdout).toContain('(key_unknown)');
    const online = await verifyAsync(file, '--keys', `${t.http.baseUrl}/public/audit/keys`);
    expect([online.status, online.stdout]).toEqual([1, expect.stringContaining('(key_unknown)')]);

    // the same forgery claiming the platform's key id: its own public key does not match the id
    const claiming = save('claiming.json', { ...forged, signature: { ...forged.signature, keyId: k1.keyId } });
    expect([verify(claiming, '--keys', keysFile).status, verify(claiming, '--keys', keysFile).stdout]).toEqual([1, expect.stringContaining('(key_id_mismatch)')]);
    // …or carrying the platform's public key too: the signature is checked with the published key and fails
    const borrowing = save('borrowing.json', { ...forged, signature: { ...forged.signature, keyId: k1.keyId, publicKey: k1.spki.toString('base64') } });
    const borrowed = verify(borrowing, '--keys', keysFile);
    expect(borrowed.status).toBe(1);
    expect(borrowed.stdout).toContain('FAIL signature');
    expect(borrowed.stdout).toContain('不一致 / BROKEN');

    // an unreadable keys list is bad input (2), not a verdict
    expect(verify(file, '--keys', save('not-keys.json', { keys: 'none' })).status).toBe(2);
  });

  it('rotates: a process started with a new key retires the old one, old exports stay valid, files outside a key’s validity are refused', async () => {
    await t.close();
    t = await startTestApp('audit-keys', { DATABASE_URL: t.databaseUrl, AUDIT_SIGNING_KEY: seed2.toString('base64') });
    const keys = (await t.http.get('/public/audit/keys')).body;
    const byId = (id: string) => keys.keys.find((k: { keyId: string }) => k.keyId === id);
    expect(byId(k2.keyId)).toMatchObject({ status: 'active', validTo: null });
    expect(byId(k1.keyId)).toMatchObject({ status: 'retired', validTo: byId(k2.keyId).validFrom });
    const retired = await t.http.get(`/supervision/audit?action=audit_key.retired`, office);
    expect(retired.body.items.map((i: { subject: { id: string }; payload: { replacedBy: string } }) => [i.subject.id, i.payload.replacedBy])).toContainEqual([k1.keyId, k2.keyId]);
    const keysFile = save('keys-rotated.json', keys);

    // the export signed by k1 within its validity still verifies against the published list
    const old = verify(save('old.json', exportedText), '--keys', keysFile);
    expect([old.status, old.stdout]).toEqual([0, expect.stringContaining(`ok   key ${k1.keyId}: published by the platform, valid`)]);
    const fresh = await exportNow();
    expect(fresh.body.signature.keyId).toBe(k2.keyId);
    expect(verify(save('fresh.json', fresh.body), '--keys', keysFile).status).toBe(0);

    // someone holding the retired k1 signs a file dated after its retirement: refused as expired
    const afterRetirement = new Date(new Date(byId(k1.keyId).validTo).getTime() + 60_000).toISOString();
    const late = verify(save('late.json', resign({ ...exported, exportedAt: afterRetirement }, k1.privateKey, k1.spki)), '--keys', keysFile);
    expect(late.status).toBe(1);
    expect(late.stdout).toContain(`REFUSED key ${k1.keyId} (key_expired): 导出时间晚于该密钥的失效时间(密钥已轮换) / the file was exported after the key’s validity ended`);
    // k2 back-dated before it became valid: refused as not yet valid
    const early = verify(save('early.json', resign({ ...fresh.body, exportedAt: byId(k1.keyId).validFrom }, k2.privateKey, k2.spki)), '--keys', keysFile);
    expect([early.status, early.stdout]).toEqual([1, expect.stringContaining('(key_not_yet_valid): 导出时间早于该密钥的生效时间')]);
    // the user may still vouch for a key themselves: --key-id takes no validity from the platform
    expect(verify(save('late2.json', resign({ ...exported, exportedAt: afterRetirement }, k1.privateKey, k1.spki)), '--key-id', k1.keyId).status).toBe(0);
  }, 60000);

  it('a process still holding a retired key refuses to export instead of signing files the verifier would refuse', async () => {
    await t.close();
    t = await startTestApp('audit-keys', { DATABASE_URL: t.databaseUrl, AUDIT_SIGNING_KEY: seed1.toString('base64') });
    const before = (await t.http.get('/public/audit/keys')).body;
    const refused = await exportNow();
    expect([refused.status, refused.body.code]).toEqual([503, 'AUDIT_SIGNING_KEY_NOT_VALID']);
    expect(refused.body.message.zh).toContain('审计签名密钥');
    // never reactivated: the published list is what it was
    expect((await t.http.get('/public/audit/keys')).body).toEqual(before);
    expect(before.keys.find((k: { status: string }) => k.status === 'active').keyId).toBe(k2.keyId);
    // nobody may rewrite or remove a listed key
    await expect(t.ds.query(`UPDATE audit_signing_key SET valid_to = NULL, status = 'active' WHERE key_id = $1`, [k1.keyId])).rejects.toThrow(/only goes from active to retired/);
    await expect(t.ds.query(`DELETE FROM audit_signing_key WHERE key_id = $1`, [k2.keyId])).rejects.toThrow(/never deleted/);
  }, 60000);
});
