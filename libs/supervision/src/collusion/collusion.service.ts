import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { sha256Hex } from '@app/platform/audit/audit-hash';
import { canonicalJson } from '@app/platform/audit/canonical-json';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { CollusionErrors as E } from './collusion-errors';
import { CollusionRepository, SignalRow } from './collusion.repository';
import { CollusionSignalQuery, ReviewCollusionSignalDto } from './dto/collusion.dto';
import { collusionSignals } from './rules/signals';

export const COLLUSION_SUBJECT = 'collusion_signal';
/** A list is a review queue, not an archive: the newest this many. */
const LIST_LIMIT = 500;

export interface CollusionSignalView {
  id: string;
  projectId: string;
  sectionId: string;
  sectionNo: number;
  kind: string;
  evidence: unknown;
  evidenceDigest: string;
  status: string;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  foundAt: Date;
}

@Injectable()
export class CollusionService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: CollusionRepository,
    private readonly audit: AuditService,
  ) {}

  /** Computes the signals of every opened section of a tender and stores those not stored yet. */
  async scan(actor: Actor, projectId: string): Promise<{ projectId: string; sections: { sectionId: string; no: number; bids: number; signals: number }[]; created: CollusionSignalView[] }> {
    const role = this.inScope(actor);
    return this.txr.run(async (tx) => {
      if (!(await this.repo.tender(tx.em, projectId))) throw E.TENDER_NOT_FOUND({ id: projectId });
      const sections = [];
      const created: string[] = [];
      for (const s of await this.repo.openedSections(tx.em, projectId)) {
        const bids = await this.repo.openedBids(tx.em, s.id);
        const signals = collusionSignals(bids, await this.repo.deposits(tx.em, s.id));
        for (const sig of signals) {
          const id = await this.repo.insert(tx.em, { projectId, sectionId: s.id, kind: sig.kind, evidence: sig.evidence, digest: sha256Hex(canonicalJson(sig.evidence)), foundBy: actor.accountId });
          if (id) created.push(id);
        }
        sections.push({ sectionId: s.id, no: s.no, bids: bids.length, signals: signals.length });
      }
      const rows = created.length ? await this.repo.byIds(tx.em, created) : [];
      for (const r of rows) {
        await this.audit.append(tx.em, { actor, role, action: 'collusion.signal_found', subject: { type: COLLUSION_SUBJECT, id: r.id }, payload: { projectId, sectionId: r.sectionId, kind: r.kind, evidenceDigest: r.evidenceDigest } });
      }
      return { projectId, sections, created: rows.map(toView) };
    });
  }

  async list(actor: Actor, q: CollusionSignalQuery): Promise<CollusionSignalView[]> {
    this.inScope(actor);
    return (await this.repo.list(this.txr.dataSource.manager, { projectId: q.projectId, status: q.status, limit: LIST_LIMIT })).map(toView);
  }

  async review(actor: Actor, id: string, dto: ReviewCollusionSignalDto): Promise<CollusionSignalView> {
    const role = this.inScope(actor);
    return this.txr.run(async (tx) => {
      const row = await this.repo.lock(tx.em, id);
      if (!row) throw E.COLLUSION_SIGNAL_NOT_FOUND({ id });
      if (row.status !== 'open') throw E.COLLUSION_SIGNAL_REVIEWED({ status: row.status });
      await this.repo.review(tx.em, id, dto.status, dto.note, actor.accountId);
      await this.audit.append(tx.em, { actor, role, action: 'collusion.signal_reviewed', subject: { type: COLLUSION_SUBJECT, id }, payload: { projectId: row.projectId, status: dto.status, note: dto.note } });
      return toView((await this.repo.byIds(tx.em, [id]))[0]);
    });
  }

  /** Signals are tendering's: the office, or a regulator of tendering (a regulator of land sees none). */
  private inScope(actor: Actor): Role {
    if (hasRole(actor, Role.Office)) return Role.Office;
    if (hasRole(actor, Role.Regulator, TradingDomain.Tendering)) return Role.Regulator;
    throw E.COLLUSION_NOT_IN_SCOPE();
  }
}

function toView(r: SignalRow): CollusionSignalView {
  return { ...r, evidenceDigest: r.evidenceDigest.trim() };
}
