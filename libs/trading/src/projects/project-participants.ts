import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TradingDomain } from '@app/platform/auth/roles';

/** The USCCs of a project's bidders (投标人, 竞买人, 供应商) as its domain knows them. */
export type ParticipantSource = (em: EntityManager, projectId: string) => Promise<string[]>;

/**
 * Domains register where their bidders are (`participants.register('tendering', fn)` in onModuleInit), so that shared
 * services such as expert avoidance can ask "who bids on this project?" without importing a domain.
 */
@Injectable()
export class ProjectParticipants {
  private readonly sources = new Map<TradingDomain, ParticipantSource>();

  register(domain: TradingDomain, source: ParticipantSource): void {
    if (this.sources.has(domain)) throw new Error(`participants of ${domain} are registered twice`);
    this.sources.set(domain, source);
  }

  async of(em: EntityManager, domain: TradingDomain, projectId: string): Promise<string[]> {
    const source = this.sources.get(domain);
    return source ? source(em, projectId) : [];
  }
}
