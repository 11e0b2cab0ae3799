import { Injectable } from '@nestjs/common';
import { DrawRoster } from '@app/experts/draws/draw-roster';
import { CommitteeRules, seatingShortfall } from '@app/experts/rules/committee';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { deadlineAfter } from '@app/platform/calendar/period';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { NotificationService } from '@app/platform/notifications/notification.service';
import { ProjectService, RuleSnapshot } from '@app/trading';
import { AwardDto, TenderContractDto, ScoreDto, StartEvaluationDto } from '../dto/evaluation.dto';
import {
  AwardView,
  EvaluationBidsView,
  EvaluationSectionView,
  ObjectionView,
  PublicResultsView,
  ReportView,
  ScoreView,
  signedYuan,
} from '../dto/evaluation.view';
import { awardee } from '../rules/candidates';
import { criteriaFor, scoreProblems } from '../rules/criteria';
import { tenderTransition } from '../rules/tender-state';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, partyRole, supervises } from '../tenders/tender-access';
import { TenderRepository } from '../tenders/tender.repository';
import { TENDER_SUBJECT } from '../tenders/tender.service';
import { MyEvaluationView } from '../dto/tender.view';
import { SectionRow, TenderRow } from '../tenders/tender.types';
import { buildReport, EvaluationReport, missingScores, OpenedBid, Seat } from './evaluation-report';
import { DocumentObjectionService } from '../objections/document-objection.service';
import { AwardRow, EvaluationRepository, ObjectionRow, ReportedSection, ScoreRow } from './evaluation.repository';

type Rules = RuleSnapshot<TradingDomain.Tendering>;

/** Tender states that are not public yet: nothing of them is disclosed. */
const UNPUBLISHED = ['submitted', 'returned', 'accepted'];

/** 评标 → 评标报告 → 中标候选人公示 and its objections → 定标 and 中标通知书 → 合同, after which the deposits fall due (the centre refunds them through DepositService). */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly roster: DrawRoster,
    private readonly projects: ProjectService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly documentObjections: DocumentObjectionService,
  ) {}

  /** The sections whose committee this expert sits on, once the centre has started their evaluation. */
  async mine(actor: Actor): Promise<MyEvaluationView[]> {
    if (!actor.accountId) return [];
    const em = this.txr.dataSource.manager;
    const draws = await this.roster.drawsOf(em, actor.accountId);
    return (await this.evaluations.evaluationsOf(em, draws, actor.accountId)).map((r) => ({ ...r }));
  }

  /** The centre seats the drawn committee on a section once the draw's session has started. */
  start(actor: Actor, projectId: string, no: number, dto: StartEvaluationDto): Promise<EvaluationSectionView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId, 'update');
      this.live(t);
      const s = await this.section(tx, projectId, no, 'update');
      if (s.status !== 'opened') throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, status: s.status, allowed: ['opened'] });
      const draw = await this.roster.seated(tx.em, dto.drawId);
      if (!draw || draw.projectId !== projectId) throw TenderErrors.DRAW_NOT_USABLE({ drawId: dto.drawId, reason: 'not a draw of this project' });
      if (!draw.opened) throw TenderErrors.DRAW_NOT_USABLE({ drawId: dto.drawId, status: draw.status, reason: 'the evaluation session has not started' });
      if (draw.members.length === 0) throw TenderErrors.DRAW_NOT_USABLE({ drawId: dto.drawId, reason: 'nobody has accepted the draw' });
      if (draw.members.some((m) => !m.accountId)) throw TenderErrors.DRAW_NOT_USABLE({ drawId: dto.drawId, reason: 'an accepted expert has no account to score with' });
      const short = seatingShortfall(draw, draw.members, committeeRules(await this.rules(tx, projectId)));
      if (short) throw TenderErrors.COMMITTEE_SHORT({ drawId: dto.drawId, ...short });
      let tenderStatus = t.status;
      if (t.status === 'opened') {
        const move = tenderTransition(t.status, 'evaluate');
        if (!move.ok) throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, allowed: move.allowed });
        await this.tenders.setStatus(tx.em, projectId, move.next);
        tenderStatus = move.next;
      } else if (!['evaluating', 'publicity'].includes(t.status)) {
        throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, reason: 'the tender is not in evaluation' });
      }
      await this.evaluations.startEvaluation(tx.em, s.id, dto.drawId);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'tender.evaluation_started',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { section: no, drawId: dto.drawId, committee: draw.members.length, tender: { from: t.status, to: tenderStatus } },
      });
      return sectionView((await this.section(tx, projectId, no))!);
    });
  }

  /** What a seated expert evaluates: the opened bids, the criteria of the method, and the expert's own scores so far. */
  bids(actor: Actor, projectId: string, no: number): Promise<EvaluationBidsView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      const s = await this.section(tx, projectId, no);
      await this.seats(tx, actor, s);
      const rules = await this.rules(tx, projectId);
      const criteria = criteriaFor(t.evaluationMethod, rules.params.numbers);
      const mine = new Map((await this.evaluations.scoresBy(tx.em, s.id, actor.accountId!)).map((r) => [r.bidId, r]));
      const bids = await this.evaluations.bids(tx.em, s.id);
      return {
        no: s.no,
        name: s.name,
        method: t.evaluationMethod,
        priceScoreMax: t.evaluationMethod === 'comprehensive' ? rules.params.numbers.priceScoreMax * 100 : null,
        criteria,
        bids: bids.map((b) => ({
          bidId: b.bidId,
          bidderName: b.bidderName,
          price: Money.ofFen(b.priceFen).toYuan(),
          documentsSha256: b.documentsSha256,
          documentsSize: b.documentsSize,
          submittedAt: b.submittedAt,
          myScore: mine.has(b.bidId) ? scoreView(mine.get(b.bidId)!) : null,
        })),
      };
    });
  }

  /** A seated expert's score of one bid; scoring again replaces it, until the report is in. */
  score(actor: Actor, projectId: string, no: number, bidId: string, dto: ScoreDto): Promise<ScoreView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      this.live(t);
      // FOR SHARE: scores go in side by side, and the report (FOR UPDATE) waits for them and then sees them all.
      const s = await this.section(tx, projectId, no, 'share');
      await this.seats(tx, actor, s);
      if (s.reportedAt) throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, reason: 'the report is in: the scores are final' });
      const bid = (await this.evaluations.bids(tx.em, s.id)).find((b) => b.bidId === bidId);
      if (!bid) throw TenderErrors.BID_NOT_FOUND({ bidId });
      const criteria = criteriaFor(t.evaluationMethod, (await this.rules(tx, projectId)).params.numbers);
      const adjustmentFen = parseSignedYuan(dto.adjustment);
      const problems = scoreProblems(criteria, { technical: dto.technical, business: dto.business, adjustmentFen });
      if (problems.length) throw TenderErrors.SCORES_INVALID({ problems, zh: problems.map((p) => p.zh).join(';'), en: problems.map((p) => p.en).join('; ') });
      const row = await this.evaluations.upsertScore(tx.em, { bidId, accountId: actor.accountId!, technical: dto.technical, business: dto.business, adjustmentFen, disqualifyReason: dto.disqualifyReason ?? null });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Expert,
        action: 'tender.scored',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { section: no, bidId, technical: dto.technical, business: dto.business, adjustmentFen: adjustmentFen.toString(), disqualifyReason: dto.disqualifyReason ?? null },
      });
      return scoreView(row);
    });
  }

  /**
   * 评标报告: once every seat has scored every bid. A bid most of the committee rejects is out, with their reasons
   * (条例 51); the rest are ranked and the best become candidates (条例 53). No candidate left: the section fails
   * and its deposits fall due for refund (条例 57).
   */
  report(actor: Actor, projectId: string, no: number): Promise<ReportView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId, 'update');
      this.live(t);
      const s = await this.section(tx, projectId, no, 'update');
      const seats = await this.seats(tx, actor, s);
      if (s.reportedAt) throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, reason: 'the report is in already' });
      const rules = await this.rules(tx, projectId);
      // 法 37: the report is the lawful committee's; fewer signing members than it needs cannot make one.
      const draw = (await this.roster.seated(tx.em, s.drawId!))!;
      const short = seatingShortfall(draw, draw.members.filter((m) => m.accountId !== null), committeeRules(rules));
      if (short) throw TenderErrors.REPORT_COMMITTEE_SHORT({ section: no, drawId: s.drawId, signing: seats.length, ...short });
      const bids = (await this.evaluations.bids(tx.em, s.id)).map((b): OpenedBid & { documentsSha256: string } => ({ ...b, priceFen: BigInt(b.priceFen) }));
      const scores = (await this.evaluations.scores(tx.em, s.id)).map((r) => ({ ...r, adjustmentFen: BigInt(r.adjustmentFen) }));
      const missing = missingScores(seats, bids, scores);
      if (missing.length) {
        throw TenderErrors.SCORES_INCOMPLETE({ missing: missing.map((m) => ({ expertId: m.expertId, you: m.accountId === actor.accountId, bidIds: m.bidIds })) });
      }
      const report = buildReport(t.evaluationMethod, rules.params.numbers, seats, bids, scores);
      const failed = report.candidates.length === 0;
      const reportedAt = await this.evaluations.saveReport(tx.em, s.id, report, failed ? 'failed' : 'evaluating');
      let refundDue: Date | null = null;
      let tenderTo = t.status;
      if (failed) {
        refundDue = deadlineAfter(await this.clock.dbNow(tx.em), rules.params.periods.depositRefund);
        await this.evaluations.refundsDue(tx.em, s.id, refundDue);
        tenderTo = await this.settleTender(tx, t);
        for (const b of bids) await this.notify(tx, b.organisationId, 'tendering.section_failed', t, { section: no, reason: 'every bid was rejected' });
      }
      for (const org of partiesOf(t)) await this.notify(tx, org, 'tendering.report_ready', t, { section: no, candidates: report.candidates.length, publishWithin: rules.params.periods.candidatesPublishedWithin });
      await this.audit.append(tx.em, {
        actor,
        role: Role.Expert,
        action: failed ? 'tender.section_failed' : 'tender.reported',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: {
          section: no,
          method: report.method,
          benchmarkFen: report.benchmarkFen,
          committee: report.committee,
          ranking: report.bids.map((b) => ({ bidId: b.bidId, rank: b.rank, total: b.total, evaluatedPriceFen: b.evaluatedPriceFen })),
          disqualified: report.disqualified.map((d) => ({ bidId: d.bidId, votes: d.votes, reasons: d.reasons })),
          candidates: report.candidates.map((c) => ({ rank: c.rank, bidId: c.bidId })),
          refundDue,
          tender: { from: t.status, to: tenderTo },
        },
      });
      return reportView({ ...s, status: failed ? 'failed' : s.status, reportedAt }, report);
    });
  }

  /** 中标候选人公示 (条例 54): at least the rule's period; the registered bidders are told. */
  publicise(actor: Actor, projectId: string, no: number): Promise<EvaluationSectionView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId, 'update');
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      this.live(t);
      const s = await this.section(tx, projectId, no, 'update');
      const report = s.report;
      if (s.status !== 'evaluating' || !s.reportedAt || !report?.candidates.length) {
        throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, status: s.status, reason: 'publicity needs a report with candidates' });
      }
      const rules = await this.rules(tx, projectId);
      const now = await this.clock.dbNow(tx.em);
      const until = deadlineAfter(now, rules.params.periods.candidatePublicity);
      // 条例 54 asks for publication within 3 days of the report; a late one is recorded for supervision, not refused.
      const publishBy = deadlineAfter(s.reportedAt, rules.params.periods.candidatesPublishedWithin);
      await this.evaluations.startPublicity(tx.em, s.id, until);
      let tenderTo = t.status;
      if (t.status === 'evaluating') {
        const move = tenderTransition(t.status, 'publicise');
        if (move.ok) {
          await this.tenders.setStatus(tx.em, projectId, move.next);
          tenderTo = move.next;
        }
      }
      const candidates = report.candidates.map((c) => ({ rank: c.rank, bidderName: c.bidderName, price: Money.ofFen(c.priceFen).toYuan() }));
      const registered = await this.tenders.registeredBidders(tx.em, projectId);
      for (const r of registered) await this.notify(tx, r.organisationId, 'tendering.candidates_published', t, { section: no, publicityUntil: until, candidates });
      // 条例 53: a member who neither signed nor wrote a dissent is deemed to agree; how many had signed is on record.
      const signed = (await this.evaluations.signatures(tx.em, s.id)).length;
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, t),
        action: 'tender.candidates_published',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { section: no, publicityUntil: until, publishBy, late: now > publishBy, signatures: { signed, committee: report.committee }, candidates: report.candidates.map((c) => ({ rank: c.rank, bidId: c.bidId })), notified: registered.length, tender: { from: t.status, to: tenderTo } },
      });
      return sectionView((await this.section(tx, projectId, no))!);
    });
  }

  /** 异议 during the publicity (条例 54), by a bidder on the section; the award waits for the reply. */
  object(actor: Actor, projectId: string, no: number, content: string): Promise<ObjectionView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      this.live(t);
      // FOR SHARE: an award (FOR UPDATE) either sees this objection or comes before it.
      const s = await this.section(tx, projectId, no, 'share');
      if (!(await this.evaluations.hasBid(tx.em, s.id, actor.organisationId))) throw TenderErrors.NOT_SECTION_BIDDER({ section: no });
      const now = await this.clock.dbNow(tx.em);
      if (s.status !== 'publicity' || !s.publicityUntil || now >= s.publicityUntil) throw TenderErrors.OBJECTION_WINDOW_CLOSED({ section: no, status: s.status, publicityUntil: s.publicityUntil });
      const replyDue = deadlineAfter(now, (await this.rules(tx, projectId)).params.periods.publicityObjectionReply);
      const id = await this.evaluations.insertObjection(tx.em, { projectId, sectionId: s.id, organisationId: actor.organisationId!, content, replyDue });
      for (const org of partiesOf(t)) await this.notify(tx, org, 'tendering.objection_raised', t, { section: no, objectionId: id, replyDue });
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.objection_raised', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { section: no, objectionId: id, stage: 'publicity', content, replyDue } });
      return objectionView((await this.evaluations.objection(tx.em, projectId, id))!, actor, true);
    });
  }

  /** The owner's or agent's reply to a publicity objection or to one on the documents; an opening objection is answered at the opening. */
  reply(actor: Actor, projectId: string, objectionId: string, reply: string): Promise<ObjectionView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      this.live(t);
      const o = await this.evaluations.objection(tx.em, projectId, objectionId, true);
      if (!o) throw TenderErrors.OBJECTION_NOT_FOUND({ objectionId });
      if (o.stage === 'documents') return this.documentObjections.replyIn(tx, actor, projectId, o.id, reply);
      if (o.stage !== 'publicity') throw TenderErrors.TENDER_STATE_CONFLICT({ stage: o.stage, reason: 'objections to the opening are answered at the opening' });
      if (o.repliedAt) throw TenderErrors.OBJECTION_ALREADY_ANSWERED({ objectionId, repliedAt: o.repliedAt });
      await this.evaluations.reply(tx.em, o.id, reply, actor.accountId!);
      const now = await this.clock.dbNow(tx.em);
      await this.notify(tx, o.organisationId, 'tendering.objection_answered', t, { objectionId: o.id });
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, t),
        action: 'tender.objection_answered',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { objectionId: o.id, reply, replyDue: o.replyDue, late: o.replyDue !== null && now > o.replyDue },
      });
      return objectionView((await this.evaluations.objection(tx.em, projectId, o.id))!, actor, true);
    });
  }

  /** The section's objections: in full to the parties, the centre and supervisors; a bidder sees who objected only when it was itself. */
  objections(actor: Actor, projectId: string, no: number): Promise<ObjectionView[]> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      const full = isParty(actor, t) || operates(actor) || supervises(actor);
      const s = await this.section(tx, projectId, no);
      if (!full) {
        if (!hasRole(actor, Role.Bidder)) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
        if (!(await this.evaluations.hasBid(tx.em, s.id, actor.organisationId))) throw TenderErrors.NOT_SECTION_BIDDER({ section: no });
      }
      return (await this.evaluations.objections(tx.em, s.id)).map((o) => objectionView(o, actor, full));
    });
  }

  /**
   * 定标 (条例 55): after the publicity and every objection answered, the first candidate still standing wins; the
   * winner gets the 中标通知书 and the other bidders the result, through the outbox (法 45).
   */
  award(actor: Actor, projectId: string, no: number, dto: AwardDto): Promise<AwardView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId, 'update');
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      this.live(t);
      const s = await this.section(tx, projectId, no, 'update');
      if (s.status !== 'publicity' || !s.report || !s.publicityUntil) throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, status: s.status, allowed: ['publicity'] });
      const now = await this.clock.dbNow(tx.em);
      const unanswered = await this.evaluations.unansweredPublicityObjections(tx.em, s.id);
      if (now < s.publicityUntil || unanswered.length) {
        throw TenderErrors.AWARD_PAUSED({ section: no, publicityUntil: s.publicityUntil, unansweredObjections: unanswered.map((o) => ({ id: o.id, replyDue: o.replyDue })) });
      }
      const withdrawn = [...new Set(dto.withdrawn ?? [])];
      const candidateIds = new Set(s.report.candidates.map((c) => c.bidId));
      const strangers = withdrawn.filter((id) => !candidateIds.has(id));
      if (strangers.length) throw TenderErrors.WITHDRAWN_NOT_CANDIDATE({ bidIds: strangers });
      const winner = awardee(s.report.candidates, new Set([...withdrawn, ...s.report.disqualified.map((d) => d.bidId)]));
      if (!winner) throw TenderErrors.NO_CANDIDATE({ section: no, withdrawn });
      const rules = await this.rules(tx, projectId);
      const contractDue = deadlineAfter(now, rules.params.periods.contractWithin);
      await this.evaluations.insertAward(tx.em, { sectionId: s.id, bidId: winner.bidId, organisationId: winner.organisationId, priceFen: BigInt(winner.priceFen), contractDue });
      await this.evaluations.setSectionStatus(tx.em, s.id, 'awarded');
      const tenderTo = await this.settleTender(tx, t);
      const price = Money.ofFen(winner.priceFen).toYuan();
      await this.notify(tx, winner.organisationId, 'tendering.award_notice', t, { section: no, bidId: winner.bidId, price, contractDue });
      for (const b of await this.evaluations.bids(tx.em, s.id)) {
        if (b.organisationId !== winner.organisationId) await this.notify(tx, b.organisationId, 'tendering.award_result', t, { section: no, winner: winner.bidderName, price });
      }
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, t),
        action: 'tender.awarded',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: { section: no, bidId: winner.bidId, organisationId: winner.organisationId, priceFen: winner.priceFen, rank: winner.rank, withdrawn, contractDue, tender: { from: t.status, to: tenderTo } },
      });
      return awardView(no, (await this.evaluations.award(tx.em, s.id))!);
    });
  }

  /** 合同 (法 46): recorded with its amount; every deposit of the section falls due for refund (条例 57). */
  contract(actor: Actor, projectId: string, no: number, dto: TenderContractDto): Promise<AwardView> {
    return this.txr.run(async (tx) => {
      const t = await this.tender(tx, projectId);
      if (!isParty(actor, t)) throw TenderErrors.TENDER_NOT_YOURS();
      this.live(t);
      const s = await this.section(tx, projectId, no, 'update');
      const award = await this.evaluations.award(tx.em, s.id, true);
      if (!award) throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, status: s.status, reason: 'not awarded yet' });
      if (award.contractSignedAt) throw TenderErrors.TENDER_STATE_CONFLICT({ section: no, reason: 'the contract is recorded already', contractSignedAt: award.contractSignedAt });
      const now = await this.clock.dbNow(tx.em);
      const signedAt = dto.signedAt ?? now;
      const amountFen = Money.fromYuan(dto.amount).fen;
      if (amountFen <= 0n || signedAt > now || signedAt < award.awardedAt) throw TenderErrors.CONTRACT_INVALID({ amount: dto.amount, signedAt, awardedAt: award.awardedAt, now });
      await this.evaluations.signContract(tx.em, s.id, signedAt, amountFen);
      const refundDue = deadlineAfter(signedAt, (await this.rules(tx, projectId)).params.periods.depositRefund);
      const deposits = await this.evaluations.refundsDue(tx.em, s.id, refundDue);
      await this.audit.append(tx.em, {
        actor,
        role: partyRole(actor, t),
        action: 'tender.contract_signed',
        subject: { type: TENDER_SUBJECT, id: projectId },
        payload: {
          section: no,
          signedAt,
          amountFen: amountFen.toString(),
          awardPriceFen: award.priceFen,
          differsFromAward: amountFen !== BigInt(award.priceFen),
          contractDue: award.contractDue,
          late: signedAt > award.contractDue,
          refundDue,
          deposits: deposits.map((d) => d.id),
        },
      });
      return awardView(no, (await this.evaluations.award(tx.em, s.id))!);
    });
  }

  /** 让每一笔交易晒在阳光下: candidates from the publicity on, the award once made; never an expert or an expert's score. */
  publicResults(projectId: string): Promise<PublicResultsView> {
    return this.txr.run(async (tx) => {
      const t = await this.tenders.byId(tx.em, projectId);
      if (!t || UNPUBLISHED.includes(t.status)) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
      const awards = new Map((await this.evaluations.awards(tx.em, projectId)).map((a) => [a.sectionId, a]));
      const sections = await this.evaluations.sections(tx.em, projectId);
      return {
        id: t.projectId,
        code: t.code,
        name: t.name,
        status: t.status,
        sections: sections.map((s) => {
          const a = awards.get(s.id);
          const disclosed = (s.status === 'publicity' || s.status === 'awarded') && s.report;
          return {
            no: s.no,
            name: s.name,
            status: s.status,
            publicityUntil: s.publicityUntil,
            candidates: disclosed ? s.report!.candidates.map((c) => ({ rank: c.rank, bidderName: c.bidderName, price: Money.ofFen(c.priceFen).toYuan() })) : [],
            award: a ? { winner: a.winner, price: Money.ofFen(a.priceFen).toYuan(), awardedAt: a.awardedAt } : null,
          };
        }),
      };
    });
  }

  private async tender(tx: Tx, projectId: string, lock: false | 'update' = false): Promise<TenderRow> {
    const t = await this.tenders.byId(tx.em, projectId, lock);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    return t;
  }

  private async section(tx: Tx, projectId: string, no: number, lock: false | 'update' | 'share' = false): Promise<ReportedSection> {
    const s = await this.evaluations.section(tx.em, projectId, no, lock);
    if (!s) throw TenderErrors.SECTION_NOT_FOUND({ no });
    return s;
  }

  private rules(tx: Tx, projectId: string): Promise<Rules> {
    return this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em);
  }

  /** A suspended (or closed) project stands still: supervision has stopped it. */
  private live(t: TenderRow): void {
    if (t.domainStatus !== 'published') throw TenderErrors.TENDER_STATE_CONFLICT({ projectStatus: t.domainStatus, reason: 'the project is not running (suspended or closed)' });
  }

  /** The committee of the section, if the actor sits on it and the evaluation is under way; else EVALUATION_NOT_YOURS. */
  private async seats(tx: Tx, actor: Actor, s: SectionRow): Promise<Seat[]> {
    if (s.status !== 'evaluating' || !s.drawId || !actor.accountId || !hasRole(actor, Role.Expert)) throw TenderErrors.EVALUATION_NOT_YOURS();
    const draw = await this.roster.seated(tx.em, s.drawId);
    const seats = (draw?.members ?? []).filter((m): m is typeof m & { accountId: string } => m.accountId !== null).map((m) => ({ accountId: m.accountId, expertId: m.expertId }));
    if (!seats.some((m) => m.accountId === actor.accountId)) throw TenderErrors.EVALUATION_NOT_YOURS();
    return seats;
  }

  /** The tender is awarded once every section is awarded or failed with at least one awarded; failed when all failed. */
  private async settleTender(tx: Tx, t: TenderRow): Promise<TenderRow['status']> {
    const statuses = (await this.evaluations.sections(tx.em, t.projectId)).map((s) => s.status);
    if (!statuses.every((s) => s === 'awarded' || s === 'failed')) return t.status;
    const move = tenderTransition(t.status, statuses.includes('awarded') ? 'award' : 'fail');
    if (!move.ok) return t.status;
    await this.tenders.setStatus(tx.em, t.projectId, move.next);
    return move.next;
  }

  private notify(tx: Tx, organisationId: string, template: string, t: TenderRow, params: Record<string, unknown>): Promise<string> {
    return this.notifications.enqueue(tx, { channel: 'site', recipient: { type: 'organisation', id: organisationId }, template, params: { projectId: t.projectId, code: t.code, name: t.name, ...params } });
  }
}

/** 法 37's numbers from the project's rule snapshot. */
const committeeRules = (rules: Rules): CommitteeRules => ({ committeeMinSize: rules.params.numbers.committeeMinSize, expertShare: rules.params.fractions.expertShare });

const partiesOf = (t: TenderRow) => [t.ownerOrganisationId, ...(t.agentOrganisationId ? [t.agentOrganisationId] : [])];

/** "-1000.00" → −100000 fen; the DTO has checked the form. */
export function parseSignedYuan(text: string | undefined): bigint {
  if (text === undefined) return 0n;
  const negative = text.startsWith('-');
  const fen = Money.fromYuan(negative ? text.slice(1) : text).fen;
  return negative ? -fen : fen;
}

function sectionView(s: SectionRow): EvaluationSectionView {
  return { no: s.no, name: s.name, status: s.status, drawId: s.drawId, reportedAt: s.reportedAt, publicityUntil: s.publicityUntil };
}

function scoreView(r: ScoreRow): ScoreView {
  return { bidId: r.bidId, technical: r.technical, business: r.business, adjustment: signedYuan(r.adjustmentFen), disqualifyReason: r.disqualifyReason, scoredAt: r.scoredAt };
}

export function reportView(s: Pick<SectionRow, 'no' | 'status'> & { reportedAt: Date | null }, r: EvaluationReport): ReportView {
  const yuan = (fen: string | null) => (fen === null ? null : Money.ofFen(fen).toYuan());
  return {
    no: s.no,
    status: s.status,
    method: r.method,
    benchmark: yuan(r.benchmarkFen),
    committee: r.committee,
    reportedAt: s.reportedAt!,
    bids: r.bids.map((b) => ({
      bidId: b.bidId,
      bidderName: b.bidderName,
      price: Money.ofFen(b.priceFen).toYuan(),
      rank: b.rank,
      disqualified: b.disqualified,
      priceScore: b.priceScore,
      technicalScore: b.technicalScore,
      businessScore: b.businessScore,
      total: b.total,
      adjustment: b.adjustmentFen === null ? null : signedYuan(b.adjustmentFen),
      evaluatedPrice: b.evaluatedPriceFen === null ? null : signedYuan(b.evaluatedPriceFen),
      experts: b.experts.map((e) => ({ expertId: e.expertId, technical: e.technical, business: e.business, adjustment: signedYuan(e.adjustmentFen), disqualifyReason: e.disqualifyReason })),
    })),
    disqualified: r.disqualified.map((d) => ({ bidId: d.bidId, bidderName: d.bidderName, votes: d.votes, reasons: d.reasons })),
    candidates: r.candidates.map((c) => ({ rank: c.rank, bidId: c.bidId, bidderName: c.bidderName, price: Money.ofFen(c.priceFen).toYuan() })),
  };
}

function objectionView(o: ObjectionRow, actor: Actor, full: boolean): ObjectionView {
  const mine = actor.organisationId !== null && o.organisationId === actor.organisationId;
  return {
    id: o.id,
    stage: o.stage,
    organisationName: full || mine ? o.organisationName : null,
    mine,
    content: o.content,
    raisedAt: o.raisedAt,
    replyDue: o.replyDue,
    reply: o.reply,
    repliedAt: o.repliedAt,
  };
}

export function awardView(no: number, a: AwardRow): AwardView {
  return {
    no,
    bidId: a.bidId,
    winner: a.winner,
    price: Money.ofFen(a.priceFen).toYuan(),
    awardedAt: a.awardedAt,
    contractDue: a.contractDue,
    contractSignedAt: a.contractSignedAt,
    contractAmount: a.contractAmountFen === null ? null : Money.ofFen(a.contractAmountFen).toYuan(),
  };
}
