import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';

export interface OutcomeGroupRow {
  domain: string;
  month: string;
  region: string | null;
  sessions: number;
  succeeded: number;
  amountFen: string;
  amountWithReferenceFen: string;
  referenceFen: string;
}

export interface OutcomeFilter {
  domain?: string;
  region?: string;
  /** last month included, "YYYY-MM" in Asia/Shanghai */
  to?: string;
}

export const STATISTICS_TIME_ZONE = 'Asia/Shanghai';

/** Reads the trading_outcome view (defined over the domain tables by the 1764000001800 migration); writes nothing. */
@Injectable()
export class StatisticsRepository {
  /**
   * Sessions and sums per domain × month × region, up to `to` (the earlier months make the cumulative totals).
   * Months are calendar months in Asia/Shanghai.
   */
  async groups(em: EntityManager, f: OutcomeFilter): Promise<OutcomeGroupRow[]> {
    return rowsOf<OutcomeGroupRow>(
      await em.query(
        `SELECT domain, to_char(concluded_at AT TIME ZONE '${STATISTICS_TIME_ZONE}', 'YYYY-MM') AS month, region,
                count(*)::int AS sessions,
                count(*) FILTER (WHERE outcome = 'success')::int AS succeeded,
                coalesce(sum(amount_fen) FILTER (WHERE outcome = 'success'), 0)::text AS "amountFen",
                coalesce(sum(amount_fen) FILTER (WHERE outcome = 'success' AND reference_fen IS NOT NULL), 0)::text AS "amountWithReferenceFen",
                coalesce(sum(reference_fen) FILTER (WHERE outcome = 'success' AND reference_fen IS NOT NULL), 0)::text AS "referenceFen"
           FROM trading_outcome
          WHERE concluded_at IS NOT NULL
            AND ($1::text IS NULL OR domain = $1)
            AND ($2::text IS NULL OR region = $2)
            AND ($3::text IS NULL OR concluded_at < ((($3 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE '${STATISTICS_TIME_ZONE}'))
          GROUP BY 1, 2, 3
          ORDER BY 2, 1, 3 NULLS LAST`,
        [f.domain ?? null, f.region ?? null, f.to ?? null],
      ),
    );
  }
}
