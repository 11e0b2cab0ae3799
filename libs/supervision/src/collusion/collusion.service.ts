import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { sha256Hex } from '@app/platform/audit/audit-hash';
import { canonicalJson } from '@app/platform/audit/canonical-json';
import { Actor, hasRole, Role, SYSTEM_ACTOR, TradingDomain } from '@app/platform/auth/roles';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { CollusionErrors as E } from './collusion-errors';
import { CollusionRepository, RoundRef } from './collusion.repository';
import { CollusionSignalQuery, ReviewCollusionSignalDto } from './dto/collusion.dto';
import { collusionSignals } from './rules/signals';
import { CollusionSignalView, QuoteRoundScanView, RequirementScanView, SectionScanView, TenderScanView } from './dto/collusion.view';

export const COLLUSION_SUBJECT = 'collusion_signal';
/** A list is a review queue, not an archive: the newest this many. */
const LIST_LIMIT = 500;
/** Rounds one worker pass scans at most; the next pass takes the rest. */
const PASS_LIMIT = 50;

type RoundKind = RoundRef['kind'];
const DOMAIN_OF: Record<RoundKind, TradingDomain> = { tender_section: TradingDomain.Tendering, quote_round: TradingDomain.Procurement };

@Injectable()
export class CollusionService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: CollusionRepository,
    private readonly audit: AuditService,
  ) {}

  /** Computes the signals of every opened section of a tender and stores those not stored yet. */
  async scanTender(actor: Actor, projectId: string): Promise<TenderScanView> {
    const role = this.roleFor(actor, 'tender_section');
    return this.txr.run(async (tx) => {
      if (!(await this.repo.tender(tx.em, projectId))) throw E.TENDER_NOT_FOUND({ id: projectId });
      const sections: SectionScanView[] = [];
      const created: string[] = [];
      for (const s of await this.repo.openedSections(tx.em, projectId)) {
        const r = await this.scanRound(tx, { kind: 'tender_section', projectId, sectionId: s.id }, actor, role);
        created.push(...r.created);
        sections.push({ sectionId: s.id, no: s.no, bids: r.bids, signals: r.signals });
      }
      return { projectId, sections, created: await this.repo.byIds(tx.em, created) };
    });
  }

  /** The same for every opened round of an e-mall online quote. */
  async scanRequirement(actor: Actor, requirementId: string): Promise<RequirementScanView> {
    const role = this.roleFor(actor, 'quote_round');
    return this.txr.run(async (tx) => {
      if (!(await this.repo.requirement(tx.em, requirementId))) throw E.REQUIREMENT_NOT_FOUND({ id: requirementId });
      const rounds: QuoteRoundScanView[] = [];
      const created: string[] = [];
      for (const round of await this.repo.openedRounds(tx.em, requirementId)) {
        const r = await this.scanRound(tx, { kind: 'quote_round', requirementId, round }, actor, role);
        created.push(...r.created);
        rounds.push({ round, bids: r.bids, signals: r.signals });
      }
      return { requirementId, rounds, created: await this.repo.byIds(tx.em, created) };
    });
  }

  /**
   * The worker's pass: every section and quote round opened since the last pass is scanned once, each in its own
   * transaction that first claims it, so two workers never scan the same round twice.
   */
  async scanUnscanned(): Promise<{ rounds: number; signals: number }> {
    let rounds = 0;
    let signals = 0;
    for (const r of await this.repo.unscanned(this.txr.dataSource.manager, PASS_LIMIT)) {
      await this.txr.run(async (tx) => {
        if (!(await this.repo.claim(tx.em, r))) return;
        const res = await this.scanRound(tx, r, SYSTEM_ACTOR, undefined);
        rounds++;
        signals += res.created.length;
      });
    }
    return { rounds, signals };
  }

  async list(actor: Actor, q: CollusionSignalQuery): Promise<CollusionSignalView[]> {
    const roundKinds = (['tender_section', 'quote_round'] as const).filter((k) => this.mayReview(actor, k));
    if (!roundKinds.length) throw E.COLLUSION_NOT_IN_SCOPE();
    return this.repo.list(this.txr.dataSource.manager, { projectId: q.projectId, requirementId: q.requirementId, status: q.status, roundKinds, limit: LIST_LIMIT });
  }

  async review(actor: Actor, id: string, dto: ReviewCollusionSignalDto): Promise<CollusionSignalView> {
    if (!this.mayReview(actor, 'tender_section') && !this.mayReview(actor, 'quote_round')) throw E.COLLUSION_NOT_IN_SCOPE();
    return this.txr.run(async (tx) => {
      const row = await this.repo.lock(tx.em, id);
      if (!row) throw E.COLLUSION_SIGNAL_NOT_FOUND({ id });
      const role = this.roleFor(actor, row.roundKind);
      if (row.status !== 'open') throw E.COLLUSION_SIGNAL_REVIEWED({ status: row.status });
      await this.repo.review(tx.em, id, dto.status, dto.note, actor.accountId);
      await this.audit.append(tx.em, {
        actor,
        role,
        action: 'collusion.signal_reviewed',
        subject: { type: COLLUSION_SUBJECT, id },
        payload: { projectId: row.projectId, requirementId: row.requirementId, status: dto.status, note: dto.note },
      });
      return (await this.repo.byIds(tx.em, [id]))[0];
    });
  }

  private async scanRound(tx: Tx, r: RoundRef, actor: Actor, role: Role | undefined): Promise<{ bids: number; signals: number; created: string[] }> {
    const bids = r.kind === 'tender_section' ? await this.repo.openedBids(tx.em, r.sectionId) : await this.repo.openedQuotes(tx.em, r.requirementId, r.round);
    const deposits = r.kind === 'tender_section' ? await this.repo.deposits(tx.em, r.sectionId) : [];
    const signals = collusionSignals(bids, deposits);
    const created: string[] = [];
    for (const sig of signals) {
      const digest = sha256Hex(canonicalJson(sig.evidence));
      const id = await this.repo.insert(tx.em, r, { kind: sig.kind, evidence: sig.evidence, digest, foundBy: actor.accountId });
      if (!id) continue;
      created.push(id);
      await this.audit.append(tx.em, { actor, role, action: 'collusion.signal_found', subject: { type: COLLUSION_SUBJECT, id }, payload: { ...r, kind: sig.kind, evidenceDigest: digest } });
    }
    await this.repo.recordScan(tx.em, r, signals.length);
    return { bids: bids.length, signals: signals.length, created };
  }

  /** Tender signals are the office's and the tendering regulator's; quote-round signals the office's and the procurement regulator's. */
  private mayReview(actor: Actor, kind: RoundKind): boolean {
    return hasRole(actor, Role.Office) || hasRole(actor, Role.Regulator, DOMAIN_OF[kind]);
  }

  private roleFor(actor: Actor, kind: RoundKind): Role {
    if (hasRole(actor, Role.Office)) return Role.Office;
    if (hasRole(actor, Role.Regulator, DOMAIN_OF[kind])) return Role.Regulator;
    throw E.COLLUSION_NOT_IN_SCOPE();
  }
}
