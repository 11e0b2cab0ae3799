import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@app/platform/auth/roles';
import { Period } from '@app/platform/calendar/period';
import { Tx } from '@app/platform/database/transaction-runner';

/** A pending milestone of a project that a room session hosts (e.g. land's auction start, held in an auction hall). */
export interface HostedMilestone {
  id: string;
  kind: string;
  projectId: string;
  dueAt: Date;
}

/**
 * What a domain tells the kernel about a step a session may host, so that scheduling can re-time it without importing
 * the domain: its name for notices, how its own time column follows the milestone, the notice period a
 * re-announcement needs (from the project's rule snapshot), and who else is told.
 */
export interface HostedStep {
  name: { zh: string; en: string };
  /** In the mover's transaction, after the milestone moved: re-time the domain's own column(s) (refuse by throwing). */
  retime(tx: Tx, step: HostedMilestone, to: Date, actor: Actor): Promise<void>;
  /** The earliest time a re-announcement made at `now` may set for the step: now + the snapshot's notice period. */
  reannouncement(tx: Tx, projectId: string, now: Date): Promise<{ earliest: Date; period: Period; rule: string }>;
  /** Organisations told of a new time besides the project's owner and agent (e.g. qualified buyers). */
  parties(em: EntityManager, projectId: string): Promise<string[]>;
}

/** Domains register their hostable milestone kinds in onModuleInit (`hostedSteps.register('land.auction_start', …)`). */
@Injectable()
export class HostedSteps {
  private readonly steps = new Map<string, HostedStep>();

  register(kind: string, step: HostedStep): void {
    if (this.steps.has(kind)) throw new Error(`hosted step ${kind} is registered twice`);
    this.steps.set(kind, step);
  }

  get(kind: string): HostedStep | undefined {
    return this.steps.get(kind);
  }
}
