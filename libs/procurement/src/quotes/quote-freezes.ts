import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { countingOf } from '@app/platform/calendar/working-time';
import { Period } from '@app/platform/calendar/period';
import { Tx } from '@app/platform/database/transaction-runner';
import { ProjectFreezes } from '@app/trading/suspension/project-freezes';
import { FrozenPeriod, ShiftedPeriod } from '@app/trading/suspension/suspension.types';
import { QuoteRepository } from './quote.repository';

/**
 * What a suspension freezes of an online quote: the open round's deadline. Its milestone pauses with the project; the
 * column quotes are judged against and the public page shows follows it to the same instant at the resumption.
 */
@Injectable()
export class QuoteFreezes implements OnModuleInit {
  constructor(
    private readonly freezes: ProjectFreezes,
    private readonly repo: QuoteRepository,
  ) {}

  onModuleInit(): void {
    this.freezes.register({ name: 'procurement', domain: TradingDomain.Procurement, freeze: (tx, id) => this.freeze(tx, id), resume: (tx, id, shifted) => this.resume(tx, id, shifted) });
  }

  private async freeze(tx: Tx, projectId: string): Promise<FrozenPeriod[]> {
    const r = await this.repo.byProject(tx.em, projectId);
    if (!r || r.status !== 'quoting') return [];
    return [{ key: `procurement_requirement:${r.round}.quote_deadline`, label: `第 ${r.round} 轮报价截止时间`, dueAt: r.quoteDeadline, counting: countingOf(r.rules.quoteWindow as Period) }];
  }

  private async resume(tx: Tx, projectId: string, shifted: ShiftedPeriod[]): Promise<void> {
    const r = await this.repo.byProject(tx.em, projectId);
    if (!r) return;
    for (const s of shifted) {
      const round = /^procurement_requirement:(\d+)\.quote_deadline$/.exec(s.key);
      if (round) await this.repo.shiftDeadline(tx.em, r.id, Number(round[1]), s.to);
    }
  }
}
