import { Injectable } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { remainingAt, shiftedDue } from '@app/platform/calendar/working-time';
import { Tx } from '@app/platform/database/transaction-runner';
import { FreezeParticipant, RecordedPeriod, RecordedShift } from './suspension.types';

/**
 * Domains register what a suspension of their projects freezes (`freezes.register({ name, domain, freeze, resume })`
 * in onModuleInit), so that the kernel's suspend and resume shift every running period without naming a domain table.
 */
@Injectable()
export class ProjectFreezes {
  private readonly participants = new Map<string, FreezeParticipant>();

  register(p: FreezeParticipant): void {
    if (this.participants.has(p.name)) throw new Error(`freeze participant ${p.name} is registered twice`);
    this.participants.set(p.name, p);
  }

  private of(domain: TradingDomain): FreezeParticipant[] {
    return [...this.participants.values()].filter((p) => p.domain === null || p.domain === domain);
  }

  /** Every running period of the project at `at`, with what each has left. */
  async freeze(tx: Tx, domain: TradingDomain, projectId: string, at: Date): Promise<RecordedPeriod[]> {
    const frozen: RecordedPeriod[] = [];
    for (const p of this.of(domain)) {
      for (const f of await p.freeze(tx, projectId, at)) {
        frozen.push({ participant: p.name, key: f.key, label: f.label, dueAt: f.dueAt.toISOString(), counting: f.counting, remainingMs: remainingAt(f.dueAt, at, f.counting) });
      }
    }
    return frozen;
  }

  /** Shifts each period frozen at `suspendedAt` by what it had left, counted from `at`, and lets its owner write it. */
  async resume(tx: Tx, domain: TradingDomain, projectId: string, frozen: RecordedPeriod[], suspendedAt: Date, at: Date): Promise<RecordedShift[]> {
    const shifts: RecordedShift[] = [];
    for (const p of this.of(domain)) {
      const mine = frozen
        .filter((f) => f.participant === p.name)
        .map((f) => {
          const from = new Date(f.dueAt);
          return { key: f.key, label: f.label, counting: f.counting, dueAt: from, from, to: shiftedDue(from, suspendedAt, at, f.counting) };
        });
      if (!mine.length) continue;
      await p.resume(tx, projectId, mine, at);
      shifts.push(...mine.map((s) => ({ participant: p.name, key: s.key, label: s.label, counting: s.counting, from: s.from.toISOString(), to: s.to.toISOString() })));
    }
    return shifts;
  }
}
