import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MilestoneHandlerRegistry } from './milestone-handler.registry';

export const DIAGNOSTIC_PROBE_KIND = 'diagnostic.probe';
export const MAX_PROBE_HOLD_MS = 60_000;

/**
 * Outside production: a milestone kind whose only effect is one `milestone_probe` row written in the firing
 * transaction, optionally holding that transaction open, so fault tests can count effects and kill workers mid-job.
 */
@Injectable()
export class DiagnosticProbe implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv === 'production') return;
    this.registry.register(DIAGNOSTIC_PROBE_KIND, async (tx, milestone) => {
      await tx.em.query(`INSERT INTO milestone_probe (milestone_id, worker_pid) VALUES ($1, $2)`, [milestone.id, process.pid]);
      const hold = Math.min(Number(milestone.payload.holdMs ?? 0), MAX_PROBE_HOLD_MS);
      if (hold > 0) await tx.em.query(`SELECT pg_sleep($1)`, [hold / 1000]);
      if (milestone.payload.failTimes && milestone.attempts < Number(milestone.payload.failTimes)) {
        throw new Error(`diagnostic failure ${milestone.attempts + 1} of ${milestone.payload.failTimes}`);
      }
    });
  }
}
