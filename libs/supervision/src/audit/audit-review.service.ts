import { Injectable } from '@nestjs/common';
import { AuditReads } from '@app/platform/audit/audit-reads';
import { AuditVerifyService } from '@app/platform/audit/audit-verify.service';
import { chainHash, payloadDigest } from '@app/platform/audit/audit-hash';
import { canonicalJson } from '@app/platform/audit/canonical-json';
import { AUDIT_EXPORT_FORMAT, AuditExport } from '@app/platform/audit/cli/verify-file';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { actionName, AUDIT_ACTIONS } from '@app/platform/glossary/audit-actions';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { SupervisionErrors as E } from '../supervision-errors';
import { AuditSearchRow, AuditReviewRepository } from './audit-review.repository';
import { ExportSigner } from './export-signer';
import { SigningKeyService } from './signing-key.service';
import { AuditSearchQuery } from './dto/audit-search.query';
import { AuditActionNameView, AuditItemView, AuditSearchPage, ChainStatusView } from './dto/audit-search.view';

/** Walking the whole chain is O(chain); a search reuses a result this recent instead of walking it per page. */
const VERIFY_REUSE_MS = 30_000;

@Injectable()
export class AuditReviewService {
  private lastVerify?: { at: number; result: Awaited<ReturnType<AuditVerifyService['verify']>> & { checkedAt: string } };

  constructor(
    private readonly repo: AuditReviewRepository,
    private readonly verifier: AuditVerifyService,
    private readonly signer: ExportSigner,
    private readonly signingKeys: SigningKeyService,
    private readonly txr: TransactionRunner,
    private readonly reads: AuditReads,
  ) {}

  async search(actor: Actor, q: AuditSearchQuery): Promise<AuditSearchPage> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from > to) throw E.AUDIT_RANGE_INVALID();
    if (q.projectId) await this.projectInScope(actor, q.projectId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const search = {
      projectId: q.projectId,
      organisationId: q.organisationId,
      accountId: q.accountId,
      action: q.action,
      from,
      to,
      domains: q.projectId ? null : regulatedDomains(actor),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    };
    // The libs' watchers record the read of what the page returns in the read's transaction (e.g. bidders before the opening).
    const { rows, total, totalCapped } = await this.txr.run(async (tx) => {
      const found = await this.repo.search(search, tx.em);
      await this.reads.read(tx, actor, found.rows, 'audit_search');
      return found;
    });
    const names = await this.repo.organisationNames(organisationIdsIn(rows.map((r) => r.payload)));
    return { page, pageSize, total, totalCapped, items: rows.map(toItem), names, chain: await this.chainStatus() };
  }

  /** 审计动作名称表, for the browser's filter and labels. */
  actions(): AuditActionNameView[] {
    return Object.entries(AUDIT_ACTIONS).map(([code, n]) => ({ code, zh: n.zh, en: n.en }));
  }

  async export(actor: Actor, projectId: string): Promise<AuditExport> {
    await this.projectInScope(actor, projectId);
    const { project, subjects, events, head, at } = await this.repo.trail(projectId);
    if (!project) throw E.PROJECT_NOT_FOUND();
    // The trail is read in a REPEATABLE READ snapshot, where appending to the chain could fail to serialise; the read is
    // recorded right after it, before anything is answered (a read writes nothing, so nothing is lost in between).
    await this.txr.run((tx) => this.reads.read(tx, actor, events, 'audit_export'));
    // exported at the snapshot's database time: the time the published key's validity is judged on
    await this.signingKeys.assertSignable(at);
    return this.signer.sign({
      format: AUDIT_EXPORT_FORMAT,
      exportedAt: at.toISOString(),
      project: { id: project.id, code: project.code, name: project.name, domain: project.domain },
      subjects,
      head,
      events: events.map((e) => ({
        seq: e.seq,
        occurredAt: new Date(e.occurredAt).toISOString(),
        actorId: e.actorId,
        actorRole: e.actorRole,
        organisationId: e.organisationId,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        payloadDigest: e.payloadDigest,
        payload: e.payload ?? null,
        // the stored text the digest covers, next to the jsonb payload: the offline verifier checks that they agree
        canonicalPayload: e.payloadCanonical ?? canonicalJson(e.payload ?? null),
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    });
  }

  exportKey() {
    return this.signer.publicKey();
  }

  publishedKeys() {
    return this.signingKeys.published();
  }

  private async projectInScope(actor: Actor, projectId: string): Promise<void> {
    const project = await this.repo.project(projectId);
    if (!project) throw E.PROJECT_NOT_FOUND();
    if (!hasRole(actor, Role.Office) && !hasRole(actor, Role.Regulator, project.domain as TradingDomain)) throw E.PROJECT_NOT_IN_SCOPE({ domain: project.domain });
  }

  private async chainStatus(): Promise<ChainStatusView> {
    const now = Date.now();
    if (!this.lastVerify || now - this.lastVerify.at > VERIFY_REUSE_MS) {
      const result = await this.verifier.verify();
      this.lastVerify = { at: now, result: { ...result, checkedAt: new Date(now).toISOString() } };
    }
    return this.lastVerify.result;
  }
}

/** null: every domain (the office, or a regulator granted without a domain). */
function regulatedDomains(actor: Actor): string[] | null {
  if (hasRole(actor, Role.Office)) return null;
  const grants = actor.roles.filter((g) => g.role === Role.Regulator);
  if (grants.some((g) => g.domain === null)) return null;
  return grants.map((g) => g.domain as string);
}

function toItem(e: AuditSearchRow): AuditItemView {
  const linkOk =
    payloadDigest(e.payload ?? null) === e.payloadDigest &&
    chainHash(e.prevHash, { ...e, occurredAt: new Date(e.occurredAt) }) === e.hash;
  return {
    seq: e.seq,
    time: new Date(e.occurredAt).toISOString(),
    actor: e.actorId ? { id: e.actorId, username: e.actorUsername, name: e.actorName } : null,
    role: e.actorRole,
    organisation: e.organisationId ? { id: e.organisationId, name: e.organisationName } : null,
    action: e.action,
    actionName: actionName(e.action),
    subject: { type: e.subjectType, id: e.subjectId },
    project: e.project ?? null,
    payload: e.payload ?? null,
    hash: e.hash,
    linkOk,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Organisation ids in payloads: any field named `organisationId`, `…OrganisationId`, `owner` or `agent`, at any depth. */
export function organisationIdsIn(payloads: unknown[]): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (/((^o|O)rganisationId|^owner|^agent)$/.test(k) && typeof x === 'string' && UUID.test(x)) ids.add(x);
      else walk(x);
    }
  };
  payloads.forEach(walk);
  return [...ids];
}
