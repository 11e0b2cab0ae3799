import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { CreditLedger } from '../credit/credit-ledger';
import { CARD_POINTS } from '../credit/rules/credit-score';
import { CardRepository, StepRow } from './card.repository';
import { cardMonth, CardColour, cardsEarned, stepTimes } from './rules/card-times';

export const CARD_SUBJECT = 'supervision_card';

/** Judges one watched step and issues the cards it has earned, each in its own transaction with its credit entry and audit. */
@Injectable()
export class CardIssuer {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: CardRepository,
    private readonly ledger: CreditLedger,
    private readonly audit: AuditService,
  ) {}

  /** The colours issued now (an empty list when the step earned nothing new or another worker was first). */
  async judge(step: StepRow, now: Date): Promise<CardColour[]> {
    const times = stepTimes({ startedAt: step.startedAt, dueAt: step.dueAt, period: step.period, warningPercent: step.warningPercent });
    if (!times) return [];
    const issued: CardColour[] = [];
    for (const colour of cardsEarned(times, step.doneAt, now)) {
      if (colour === 'yellow' && step.hasYellow) continue;
      const point = colour === 'yellow' ? times.warnAt : times.dueAt;
      const done = await this.txr.run(async (tx) => {
        const id = await this.repo.insert(tx.em, { colour, step, ...times, month: cardMonth(point) });
        if (!id) return false;
        const credit = step.organisationId
          ? await this.ledger.record(tx.em, {
              organisationId: step.organisationId,
              kind: colour === 'yellow' ? 'yellow_card' : 'red_card',
              points: CARD_POINTS[colour],
              reference: { type: CARD_SUBJECT, id },
              note: step.stepKind,
              projectId: step.projectId,
            })
          : null;
        await this.audit.append(tx.em, {
          actor: SYSTEM_ACTOR,
          action: colour === 'yellow' ? 'card.yellow_issued' : 'card.red_issued',
          subject: { type: CARD_SUBJECT, id },
          payload: {
            stepKind: step.stepKind,
            stepKey: step.stepKey,
            domain: step.domain,
            projectId: step.projectId,
            subject: { type: step.subjectType, id: step.subjectId },
            responsibleRole: step.responsibleRole,
            organisationId: step.organisationId,
            expertId: step.expertId,
            startedAt: times.startedAt,
            warnAt: times.warnAt,
            dueAt: times.dueAt,
            doneAt: step.doneAt,
            warningPercent: step.warningPercent,
            creditScore: credit?.score ?? null,
          },
        });
        return true;
      });
      if (done) issued.push(colour);
    }
    return issued;
  }
}
