import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';

export const DIAGNOSTIC_PROBE_KIND = 'diagnostic.probe';
export const MAX_PROBE_HOLD_MS = 60_000;

/**
 * Outside production: a milestone kind whose only effect is one `milestone_probe` row per milestone written in the
 * firing transaction (one statement for a whole batch), optionally holding that transaction open, so fault tests can
 * count effects and kill workers mid-job. It takes arrays, as a domain's set-based handler would.
 */
@Injectable()
export class DiagnosticProbe implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv === 'production') return;
    this.registry.register(DIAGNOSTIC_PROBE_KIND, {
      batch: async (tx, milestones) => {
        await tx.em.query(`INSERT INTO milestone_probe (milestone_id, worker_pid) SELECT unnest($1::uuid[]), $2`, [milestones.map((m) => m.id), process.pid]);
        const hold = Math.min(Math.max(0, ...milestones.map((m) => Number(m.payload.holdMs ?? 0))), MAX_PROBE_HOLD_MS);
        if (hold > 0) await tx.em.query(`SELECT pg_sleep($1)`, [hold / 1000]);
        const failing = milestones.find((m) => m.payload.failTimes && m.attempts < Number(m.payload.failTimes));
        if (failing) throw new Error(`diagnostic failure ${failing.attempts + 1} of ${failing.payload.failTimes}`);
      },
    });
  }
}
