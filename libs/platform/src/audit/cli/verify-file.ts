// npm run audit:verify -- export.json [--key <public key: PEM file or base64 SPKI DER>]   ("-" reads standard input)
// Re-verifies a signed audit export (yg-audit-export/1, docs/supervision-audit.md) offline: the signature over the
// document, and each event's own link. Exit 0 if everything holds, 1 if something does not, 2 on bad input.
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

export function keyIdOf(spkiDer: Buffer): string {
  return sha256Hex(spkiDer).slice(0, 16);
}

export type ExportBreak = { seq: string; reason: BreakReason | 'canonical_payload_mismatch' | 'after_head' };

export interface ExportCheck {
  signature: { ok: boolean; keyId: string; pinned: boolean };
  checked: number;
  broken: ExportBreak[];
  ok: boolean;
}

/**
 * Pure: checks the signature (against `pinnedKey` if given, else the key the file names) and every event's own link
 * (payload digest, hash = H(prevHash, fields)); where two exported events are adjacent in the chain it checks that
 * they join, and an event at the head's seq must carry the head's hash.
 */
export function verifyExport(doc: AuditExport, pinnedKey?: KeyObject): ExportCheck {
  const key = pinnedKey ?? createPublicKey({ key: Buffer.from(doc.signature.publicKey, 'base64'), format: 'der', type: 'spki' });
  const keyId = keyIdOf(key.export({ format: 'der', type: 'spki' }));
  let sigOk = false;
  try {
    sigOk = doc.signature.alg === 'Ed25519' && verifySignature(null, signingBytes(doc), key, Buffer.from(doc.signature.value, 'base64'));
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
  return { signature: { ok: sigOk, keyId, pinned: pinnedKey !== undefined }, checked: doc.events.length, broken, ok: sigOk && broken.length === 0 };
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

function main(argv: string[]): number {
  const args = argv.slice(2);
  const keyAt = args.indexOf('--key');
  const keyArg = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (keyAt < 0 || i !== keyAt + 1));
  if (!file || (keyAt >= 0 && !keyArg)) {
    process.stderr.write('usage: audit-verify <export.json | -> [--key <public key PEM file | base64 SPKI>]\n');
    return 2;
  }
  let doc: AuditExport;
  let pinned: KeyObject | undefined;
  try {
    doc = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as AuditExport;
    if (doc.format !== AUDIT_EXPORT_FORMAT || !Array.isArray(doc.events) || !doc.signature || !doc.head) throw new Error(`not a ${AUDIT_EXPORT_FORMAT} document`);
    pinned = keyArg ? readKey(keyArg) : undefined;
  } catch (err) {
    process.stderr.write(`cannot read the export: ${(err as Error).message}\n`);
    return 2;
  }
  let result: ExportCheck;
  try {
    result = verifyExport(doc, pinned);
  } catch (err) {
    process.stderr.write(`cannot verify the export: ${(err as Error).message}\n`);
    return 2;
  }
  const s = result.signature;
  process.stdout.write(`${s.ok ? 'ok  ' : 'FAIL'} signature Ed25519 key ${s.keyId}${s.pinned ? ' (pinned with --key)' : ' (key named in the file; compare it with GET /public/audit/export-key)'}\n`);
  for (const b of result.broken) process.stdout.write(`FAIL seq ${b.seq}: ${b.reason}\n`);
  process.stdout.write(
    result.ok
      ? `一致 / intact: ${result.checked} events of project ${doc.project.id}, head ${doc.head.seq}\n`
      : `不一致 / BROKEN: ${result.broken.length ? `seq ${result.broken.map((b) => b.seq).join(', ')}` : 'signature'} of project ${doc.project.id}\n`,
  );
  return result.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv);
