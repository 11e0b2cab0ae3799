// npm run audit:verify -- export.json --keys <published keys: file or URL> | --key <PEM file | base64 SPKI> | --key-id <fingerprint>
// ("-" reads the export from standard input). Re-verifies a signed audit export (yg-audit-export/1,
// docs/supervision-audit.md) offline: that its key is one the platform published (valid when the file was exported)
// or one the user names, the signature over the document, and each event's own link.
// Exit 0 if everything holds, 1 if something does not (the key refused, the signature or a link broken), 2 on bad input.
import { createPublicKey, KeyObject, verify as verifySignature } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../audit-hash';
import { AuditRow, BreakReason, ChainVerifier } from '../chain-verifier';
import { canonicalJson } from '../canonical-json';

export const AUDIT_EXPORT_FORMAT = 'yg-audit-export/1';

/** One link as exported: the chained fields, the payload and its canonical text, and the link's hashes. */
export interface ExportedEvent {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payloadDigest: string;
  payload: unknown;
  canonicalPayload: string;
  prevHash: string;
  hash: string;
}

export interface AuditExportBody {
  format: typeof AUDIT_EXPORT_FORMAT;
  exportedAt: string;
  project: { id: string; code: string; name: string; domain: string };
  subjects: { type: string; id: string }[];
  head: { seq: string; hash: string };
  events: ExportedEvent[];
}

export interface AuditExportSignature {
  alg: 'Ed25519';
  keyId: string;
  /** SPKI DER, base64 */
  publicKey: string;
  /** over signingBytes(body), base64 */
  value: string;
}

export type AuditExport = AuditExportBody & { signature: AuditExportSignature };

/** What is signed: the canonical JSON of the document without its `signature` member. */
export function signingBytes(doc: AuditExportBody | AuditExport): Buffer {
  const { signature: _ignored, ...body } = doc as AuditExport;
  return Buffer.from(canonicalJson(body), 'utf8');
}

export const AUDIT_KEYS_FORMAT = 'yg-audit-keys/1';

/** SPKI DER of an Ed25519 public key is this prefix followed by the 32-byte raw key (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A key's id is its fingerprint: SHA-256 (lower-case hex) of the 32-byte raw Ed25519 public key. */
export function fingerprintOf(spkiDer: Buffer): string {
  if (spkiDer.length !== 44 || !spkiDer.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) throw new Error('not an Ed25519 public key');
  return sha256Hex(spkiDer.subarray(12));
}

/** The id exports carried before keys were published: the first 16 hex of SHA-256 over the SPKI DER. */
export function legacyKeyIdOf(spkiDer: Buffer): string {
  return sha256Hex(spkiDer).slice(0, 16);
}

/** One entry of GET /public/audit/keys. */
export interface PublishedKey {
  keyId: string;
  alg: 'Ed25519';
  /** SPKI DER, base64 */
  publicKey: string;
  /** the 32-byte raw key, base64 */
  rawPublicKey: string;
  pem: string;
  validFrom: string;
  validTo: string | null;
  status: 'active' | 'retired' | string;
}

export interface PublishedKeys {
  format: typeof AUDIT_KEYS_FORMAT;
  keys: PublishedKey[];
}

/** A key the verifier may accept: published by the platform (with its validity) or given by the user (none). */
export interface TrustedKey {
  keyId: string;
  spki: Buffer;
  key: KeyObject;
  source: 'published' | 'given';
  validFrom: Date | null;
  validTo: Date | null;
  status: string;
}

/** What the user trusts: keys (published or given) and fingerprints given with --key-id. */
export interface Trust {
  keys: TrustedKey[];
  keyIds: string[];
}

export type KeyRefusal = 'no_trusted_key' | 'key_unreadable' | 'key_id_mismatch' | 'key_unknown' | 'key_not_yet_valid' | 'key_expired' | 'key_revoked';

export const KEY_REFUSALS: Record<KeyRefusal, { zh: string; en: string }> = {
  no_trusted_key: {
    zh: '未指定可信公钥:请用 --keys 给出平台公布的密钥(GET /public/audit/keys,可存为文件离线使用),或用 --key / --key-id 指定',
    en: 'no trusted key given: pass --keys with the platform’s published keys (GET /public/audit/keys, or that list saved to a file), or --key / --key-id',
  },
  key_unreadable: { zh: '文件中的签名公钥无法读取', en: 'the signing key in the file cannot be read' },
  key_id_mismatch: { zh: '文件声称的密钥编号与其公钥不符', en: 'the key id the file names does not match its public key' },
  key_unknown: { zh: '签名密钥既不是平台公布的密钥,也不是您指定的密钥', en: 'the signing key is neither published by the platform nor given by you' },
  key_not_yet_valid: { zh: '导出时间早于该密钥的生效时间', en: 'the file was exported before the key became valid' },
  key_expired: { zh: '导出时间晚于该密钥的失效时间(密钥已轮换)', en: 'the file was exported after the key’s validity ended (the key was rotated)' },
  key_revoked: { zh: '该密钥已被吊销', en: 'the key has been revoked' },
};

export function spkiOf(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' });
}

/** Reads a published key list; an entry whose id is not its key's fingerprint makes the whole list unusable. */
export function parsePublishedKeys(doc: unknown): TrustedKey[] {
  const list = doc as PublishedKeys;
  if (!list || list.format !== AUDIT_KEYS_FORMAT || !Array.isArray(list.keys)) throw new Error(`not a ${AUDIT_KEYS_FORMAT} document`);
  return list.keys.map((k) => {
    const spki = Buffer.from(k.publicKey, 'base64');
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const keyId = fingerprintOf(spkiOf(key));
    if (keyId !== k.keyId) throw new Error(`published key ${k.keyId} is not the fingerprint of its public key (${keyId})`);
    const validFrom = new Date(k.validFrom);
    const validTo = k.validTo === null ? null : new Date(k.validTo);
    if (Number.isNaN(validFrom.getTime()) || (validTo && Number.isNaN(validTo.getTime()))) throw new Error(`published key ${k.keyId} has an unreadable validity period`);
    return { keyId, spki: spkiOf(key), key, source: 'published' as const, validFrom, validTo, status: k.status };
  });
}

export function givenKey(key: KeyObject): TrustedKey {
  const spki = spkiOf(key);
  return { keyId: fingerprintOf(spki), spki, key, source: 'given', validFrom: null, validTo: null, status: 'given' };
}

export interface KeyDecision {
  /** the fingerprint of the key the file names (or of the file's public key) */
  keyId: string;
  trusted: TrustedKey | null;
  refusal: KeyRefusal | null;
  detail: Record<string, string>;
}

/**
 * Pure: which trusted key checks this file, or why none does. The file's own public key is only used to find a
 * trusted one with the same fingerprint; the signature is then checked with the trusted key.
 */
export function chooseKey(doc: AuditExport, trust: Trust): KeyDecision {
  let spki: Buffer;
  let keyId: string;
  try {
    spki = spkiOf(createPublicKey({ key: Buffer.from(doc.signature.publicKey, 'base64'), format: 'der', type: 'spki' }));
    keyId = fingerprintOf(spki);
  } catch {
    return { keyId: String(doc.signature?.keyId ?? ''), trusted: null, refusal: 'key_unreadable', detail: {} };
  }
  const named = String(doc.signature.keyId ?? '');
  if (named !== keyId && named !== legacyKeyIdOf(spki)) return { keyId: named, trusted: null, refusal: 'key_id_mismatch', detail: { fingerprint: keyId } };
  if (trust.keys.length === 0 && trust.keyIds.length === 0) return { keyId, trusted: null, refusal: 'no_trusted_key', detail: {} };
  const pinnedId = trust.keyIds.map((k) => k.toLowerCase()).some((k) => k === keyId || k === legacyKeyIdOf(spki));
  const trusted =
    trust.keys.find((k) => k.spki.equals(spki) && k.source === 'given') ??
    (pinnedId ? givenKey(createPublicKey({ key: spki, format: 'der', type: 'spki' })) : undefined) ??
    trust.keys.find((k) => k.spki.equals(spki));
  if (!trusted) return { keyId, trusted: null, refusal: 'key_unknown', detail: {} };
  if (trusted.source === 'published') {
    const at = new Date(doc.exportedAt);
    const detail = { exportedAt: doc.exportedAt, validFrom: trusted.validFrom?.toISOString() ?? '', validTo: trusted.validTo?.toISOString() ?? '' };
    if (trusted.status === 'revoked') return { keyId, trusted, refusal: 'key_revoked', detail };
    if (trusted.status !== 'active' && trusted.status !== 'retired') return { keyId, trusted, refusal: 'key_unknown', detail: { status: trusted.status } };
    if (Number.isNaN(at.getTime()) || (trusted.validFrom && at < trusted.validFrom)) return { keyId, trusted, refusal: 'key_not_yet_valid', detail };
    if (trusted.validTo && at >= trusted.validTo) return { keyId, trusted, refusal: 'key_expired', detail };
  }
  return { keyId, trusted, refusal: null, detail: {} };
}

export type ExportBreak = { seq: string; reason: BreakReason | 'canonical_payload_mismatch' | 'after_head' };

export interface ExportCheck {
  key: KeyDecision;
  signature: { ok: boolean; keyId: string };
  checked: number;
  broken: ExportBreak[];
  ok: boolean;
}

/**
 * Pure: chooses the key (chooseKey), checks the signature with it, and every event's own link (payload digest,
 * hash = H(prevHash, fields)); where two exported events are adjacent in the chain it checks that they join, and an
 * event at the head's seq must carry the head's hash. Links are checked even when the key is refused, to say more.
 */
export function verifyExport(doc: AuditExport, trust: Trust): ExportCheck {
  const key = chooseKey(doc, trust);
  let sigOk = false;
  try {
    sigOk = key.trusted !== null && doc.signature.alg === 'Ed25519' && verifySignature(null, signingBytes(doc), key.trusted.key, Buffer.from(doc.signature.value, 'base64'));
  } catch {
    sigOk = false;
  }
  const broken: ExportBreak[] = [];
  let previous: ExportedEvent | null = null;
  for (const e of doc.events) {
    const reason = checkLink(e, previous, doc.head);
    if (reason) broken.push({ seq: e.seq, reason });
    previous = e;
  }
  return { key, signature: { ok: sigOk, keyId: key.keyId }, checked: doc.events.length, broken, ok: key.refusal === null && sigOk && broken.length === 0 };
}

function checkLink(e: ExportedEvent, previous: ExportedEvent | null, head: { seq: string; hash: string }): ExportBreak['reason'] | null {
  if (canonicalJson(e.payload ?? null) !== e.canonicalPayload) return 'canonical_payload_mismatch';
  const row: AuditRow = { ...e, occurredAt: new Date(e.occurredAt) };
  // Each event is checked on its own: a project's links are not contiguous in the global chain.
  const link = new ChainVerifier({ checkPayloads: true, contiguous: false });
  if (!link.push(row)) return link.result().firstBroken?.reason ?? 'hash_mismatch';
  if (previous) {
    const gap = BigInt(e.seq) - BigInt(previous.seq);
    if (gap <= 0n) return 'sequence_gap';
    if (gap === 1n && e.prevHash !== previous.hash) return 'prev_hash_mismatch';
  }
  if (BigInt(e.seq) > BigInt(head.seq)) return 'after_head';
  if (e.seq === head.seq && e.hash !== head.hash) return 'head_mismatch';
  return null;
}

function readKey(arg: string): KeyObject {
  let text = arg;
  try {
    text = readFileSync(arg, 'utf8');
  } catch {
    // not a file: the key itself
  }
  text = text.trim();
  if (text.startsWith('-----BEGIN')) return createPublicKey(text);
  return createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
}

async function readKeys(arg: string): Promise<TrustedKey[]> {
  if (/^https?:\/\//.test(arg)) {
    const res = await fetch(arg, { signal: AbortSignal.timeout(15000) });
    if (!res.ok) throw new Error(`GET ${arg} answered ${res.status}`);
    return parsePublishedKeys(await res.json());
  }
  return parsePublishedKeys(JSON.parse(readFileSync(arg, 'utf8')));
}

const USAGE = 'usage: audit-verify <export.json | -> (--keys <published keys file | URL> | --key <PEM file | base64 SPKI> | --key-id <fingerprint>)…\n';

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const args = argv.slice(2);
  const flags: Record<'--key' | '--keys' | '--key-id', string[]> = { '--key': [], '--keys': [], '--key-id': [] };
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a in flags) {
      const v = args[++i];
      if (v === undefined) {
        err.write(USAGE);
        return 2;
      }
      flags[a as keyof typeof flags].push(v);
    } else if (a.startsWith('--') || file !== undefined) {
      err.write(USAGE);
      return 2;
    } else file = a;
  }
  if (!file) {
    err.write(USAGE);
    return 2;
  }
  let doc: AuditExport;
  try {
    doc = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as AuditExport;
    if (doc.format !== AUDIT_EXPORT_FORMAT || !Array.isArray(doc.events) || !doc.signature || !doc.head) throw new Error(`not a ${AUDIT_EXPORT_FORMAT} document`);
  } catch (e) {
    err.write(`cannot read the export: ${(e as Error).message}\n`);
    return 2;
  }
  const trust: Trust = { keys: [], keyIds: flags['--key-id'] };
  try {
    for (const k of flags['--key']) trust.keys.push(givenKey(readKey(k)));
    for (const k of flags['--keys']) trust.keys.push(...(await readKeys(k)));
  } catch (e) {
    err.write(`cannot read the keys: ${(e as Error).message}\n`);
    return 2;
  }
  let result: ExportCheck;
  try {
    result = verifyExport(doc, trust);
  } catch (e) {
    err.write(`cannot verify the export: ${(e as Error).message}\n`);
    return 2;
  }
  const k = result.key;
  if (k.refusal) {
    const m = KEY_REFUSALS[k.refusal];
    const detail = Object.entries(k.detail).map(([n, v]) => `${n} ${v || '-'}`).join(', ');
    out.write(`REFUSED key ${k.keyId || '?'} (${k.refusal}): ${m.zh} / ${m.en}${detail ? ` [${detail}]` : ''}\n`);
  } else {
    const t = k.trusted!;
    const how = t.source === 'published' ? `published by the platform, valid ${t.validFrom?.toISOString()} → ${t.validTo?.toISOString() ?? 'now'} (${t.status})` : 'given by you (--key / --key-id)';
    out.write(`ok   key ${k.keyId}: ${how}\n`);
  }
  if (k.trusted) out.write(`${result.signature.ok ? 'ok  ' : 'FAIL'} signature Ed25519 key ${k.keyId}\n`);
  for (const b of result.broken) out.write(`FAIL seq ${b.seq}: ${b.reason}\n`);
  if (result.ok) out.write(`一致 / intact: ${result.checked} events of project ${doc.project.id}, head ${doc.head.seq}, signed by key ${k.keyId}\n`);
  else if (k.refusal) out.write(`拒绝 / REFUSED: 未经可信密钥签名,不能确认文件来自平台 / not signed by a trusted key: nothing shows the platform made this file (project ${doc.project?.id})\n`);
  else out.write(`不一致 / BROKEN: ${result.broken.length ? `seq ${result.broken.map((b) => b.seq).join(', ')}` : 'signature'} of project ${doc.project.id}\n`);
  return result.ok ? 0 : 1;
}

if (require.main === module) {
  void main(process.argv).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
