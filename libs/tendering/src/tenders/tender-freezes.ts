import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Tx } from '@app/platform/database/transaction-runner';
import { ProjectFreezes } from '@app/trading/suspension/project-freezes';
import { FrozenPeriod, ShiftedPeriod } from '@app/trading/suspension/suspension.types';
import { TenderRepository } from './tender.repository';

/**
 * What a suspension freezes of a tender: the bid deadline (its milestone pauses with the project; the column bidders
 * read and the bid SQL checks follows it), the opening's objection window, each section's candidate publicity and
 * the reply due to each unanswered objection (to the documents, the opening or the candidates).
 */
@Injectable()
export class TenderFreezes implements OnModuleInit {
  constructor(
    private readonly freezes: ProjectFreezes,
    private readonly tenders: TenderRepository,
  ) {}

  onModuleInit(): void {
    this.freezes.register({ name: 'tendering', domain: TradingDomain.Tendering, freeze: (tx, id, at) => this.freeze(tx, id, at), resume: (tx, id, shifted) => this.resume(tx, id, shifted) });
  }

  private async freeze(tx: Tx, projectId: string, at: Date): Promise<FrozenPeriod[]> {
    const t = await this.tenders.byId(tx.em, projectId, 'update');
    if (!t) return [];
    const { periods } = (await this.tenders.ruleSnapshot(tx.em, projectId)).params;
    const frozen: FrozenPeriod[] = [];
    if (t.status === 'bidding' && t.bidDeadline) frozen.push({ key: 'tender.bid_deadline', label: '投标截止时间', dueAt: t.bidDeadline, counting: countingOf(periods.bidPreparation) });
    if (t.openingObjectionsUntil && t.openingObjectionsUntil > at) {
      frozen.push({ key: 'tender.opening_objections_until', label: '开标异议截止时间', dueAt: t.openingObjectionsUntil, counting: countingOf(periods.openingObjectionWindow) });
    }
    for (const s of await this.tenders.sections(tx.em, projectId)) {
      if (s.status === 'publicity' && s.publicityUntil && s.publicityUntil > at) {
        frozen.push({ key: `tender_section:${s.id}.publicity_until`, label: `${s.name} 中标候选人公示截止时间`, dueAt: s.publicityUntil, counting: countingOf(periods.candidatePublicity) });
      }
    }
    for (const o of await this.tenders.unansweredObjections(tx.em, projectId)) {
      if (o.replyDue > at) {
        const period = o.stage === 'documents' ? periods.objectionReply : o.stage === 'opening' ? periods.openingObjectionWindow : periods.publicityObjectionReply;
        frozen.push({ key: `tender_objection:${o.id}.reply_due`, label: '异议答复期限', dueAt: o.replyDue, counting: countingOf(period) });
      }
    }
    return frozen;
  }

  private async resume(tx: Tx, projectId: string, shifted: ShiftedPeriod[]): Promise<void> {
    for (const s of shifted) {
      const [subject, column] = s.key.split('.');
      if (s.key === 'tender.bid_deadline') await this.tenders.shiftBidDeadline(tx.em, projectId, s.to);
      else if (s.key === 'tender.opening_objections_until') await this.tenders.shiftOpeningObjections(tx.em, projectId, s.to);
      else if (subject.startsWith('tender_section:') && column === 'publicity_until') await this.tenders.shiftPublicity(tx.em, projectId, subject.slice('tender_section:'.length), s.to);
      else if (subject.startsWith('tender_objection:') && column === 'reply_due') await this.tenders.shiftReplyDue(tx.em, projectId, subject.slice('tender_objection:'.length), s.to);
    }
  }
}
