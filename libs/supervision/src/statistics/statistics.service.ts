import { Injectable } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { StatisticsCumulativeView, StatisticsQuery, StatisticsView } from './dto/statistics.dto';
import { addSums, figures, INDICATOR, monthsBetween, OutcomeSums, RATE_DECIMALS, signedYuan, yi, ZERO_SUMS } from './rules/figures';
import { StatisticsErrors as E } from './statistics-errors';
import { OutcomeGroupRow, StatisticsRepository, STATISTICS_TIME_ZONE } from './statistics.repository';

const DOMAIN_ORDER: TradingDomain[] = [TradingDomain.Tendering, TradingDomain.Land, TradingDomain.Procurement, TradingDomain.Rural];

const sumsOf = (r: OutcomeGroupRow): OutcomeSums => ({
  sessions: r.sessions,
  succeeded: r.succeeded,
  amountFen: BigInt(r.amountFen),
  amountWithReferenceFen: BigInt(r.amountWithReferenceFen),
  referenceFen: BigInt(r.referenceFen),
});

/** 交易统计: sessions, deals, amounts and rates per domain × month × region, for the public and the committee. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: StatisticsRepository,
  ) {}

  async statistics(q: StatisticsQuery): Promise<StatisticsView> {
    if (q.from && q.to && q.from > q.to) throw E.STATISTICS_RANGE_INVALID({ from: q.from, to: q.to });
    // One snapshot, so the cumulative totals and the rows agree.
    const groups = await this.txr.dataSource.transaction('REPEATABLE READ', (em) => this.repo.groups(em, { domain: q.domain, region: q.region, to: q.to }));
    const inRange = groups.filter((g) => !q.from || g.month >= q.from);

    const byDomain = new Map<string, OutcomeSums>();
    let all = ZERO_SUMS;
    for (const g of inRange) {
      byDomain.set(g.domain, addSums(byDomain.get(g.domain) ?? ZERO_SUMS, sumsOf(g)));
      all = addSums(all, sumsOf(g));
    }

    return {
      filter: { from: q.from ?? null, to: q.to ?? null, domain: q.domain ?? null, region: q.region ?? null },
      timeZone: STATISTICS_TIME_ZONE,
      rateDecimals: RATE_DECIMALS,
      rows: inRange.map((g) => ({ domain: g.domain as TradingDomain, month: g.month, region: g.region, ...figures(sumsOf(g), INDICATOR[g.domain]) })),
      totals: {
        byDomain: DOMAIN_ORDER.filter((d) => byDomain.has(d)).map((d) => ({ domain: d, ...figures(byDomain.get(d)!, INDICATOR[d]) })),
        all: figures(all, null),
      },
      cumulative: cumulative(groups, inRange),
    };
  }
}

/** Running totals from the first record, for every month from the first to the last month with data in range. */
function cumulative(groups: OutcomeGroupRow[], inRange: OutcomeGroupRow[]): StatisticsCumulativeView[] {
  if (!inRange.length) return [];
  const perMonth = new Map<string, OutcomeSums>();
  for (const g of groups) perMonth.set(g.month, addSums(perMonth.get(g.month) ?? ZERO_SUMS, sumsOf(g)));
  const months = [...perMonth.keys()].sort();
  const first = inRange.reduce((m, g) => (g.month < m ? g.month : m), inRange[0].month);
  const last = inRange.reduce((m, g) => (g.month > m ? g.month : m), inRange[0].month);
  let running = ZERO_SUMS;
  for (const m of months) if (m < first) running = addSums(running, perMonth.get(m)!);
  return monthsBetween(first, last).map((month) => {
    running = addSums(running, perMonth.get(month) ?? ZERO_SUMS);
    return { month, sessions: running.sessions, succeeded: running.succeeded, amount: signedYuan(running.amountFen), amountYi: yi(running.amountFen) };
  });
}
