import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRepository, NewCreditEntry } from './credit.repository';
import { creditScore, ratingPoints } from './rules/credit-score';

export interface RecordedCredit {
  /** undefined when an entry of this kind and reference was on record already */
  entryId: string | undefined;
  score: number;
}

/**
 * 信用评价's ledger, for supervision's use cases to call inside their own transaction (cards, upheld complaints,
 * penalties): records the entry and recomputes the organisation's score in organisation_credit, which the domains
 * read by SQL. The caller writes the audit entry (its append is the transaction's last write).
 */
@Injectable()
export class CreditLedger {
  constructor(private readonly repo: CreditRepository) {}

  async record(em: EntityManager, entry: NewCreditEntry): Promise<RecordedCredit> {
    if (!Number.isInteger(entry.points) || entry.points < -100 || entry.points > 100) throw new RangeError(`credit points out of range: ${entry.points}`);
    await this.repo.lock(em, entry.organisationId);
    const entryId = await this.repo.insert(em, entry);
    return { entryId, score: await this.recompute(em, entry.organisationId) };
  }

  /** Recomputes the score from the ledger and the e-mall ratings (e.g. after a new rating). */
  async refresh(em: EntityManager, organisationId: string): Promise<number> {
    await this.repo.lock(em, organisationId);
    return this.recompute(em, organisationId);
  }

  private async recompute(em: EntityManager, organisationId: string): Promise<number> {
    const { pointsTotal, entries } = await this.repo.totals(em, organisationId);
    const rating = await this.repo.rating(em, organisationId);
    const score = creditScore(pointsTotal, rating?.avg ?? null, rating?.count ?? 0);
    await this.repo.saveScore(em, { organisationId, score, pointsTotal, ratingPoints: ratingPoints(rating?.avg ?? null, rating?.count ?? 0), entries, ratedAt: rating?.updatedAt ?? null });
    return score;
  }
}
