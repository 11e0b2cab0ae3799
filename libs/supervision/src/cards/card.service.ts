import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role, TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { CardErrors as E } from './card-errors';
import { CardRepository, CardRow, CardScope } from './card.repository';
import { CardCountQuery, CardCountView, CardListQuery, CardPage, CardView } from './dto/card.dto';

@Injectable()
export class CardService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: CardRepository,
  ) {}

  async list(actor: Actor, q: CardListQuery): Promise<CardPage> {
    const scope = await this.scope(actor, q);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const filter = { organisationId: q.organisationId, projectId: q.projectId, colour: q.colour, month: q.month, domain: q.domain, stepKind: q.stepKind };
    const { rows, total } = await this.repo.list(this.txr.dataSource.manager, filter, scope, pageSize, (page - 1) * pageSize);
    return { page, pageSize, total, items: rows.map(cardView) };
  }

  async counts(actor: Actor, q: CardCountQuery): Promise<CardCountView[]> {
    const scope = await this.scope(actor, q);
    const rows = await this.repo.counts(this.txr.dataSource.manager, { organisationId: q.organisationId, month: q.month, domain: q.domain }, scope);
    return rows.map((r) => ({
      month: r.month,
      party: r.organisationId ? 'organisation' : r.expertId ? 'expert' : 'centre',
      organisation: r.organisationId ? { id: r.organisationId, name: r.organisationName! } : null,
      expertId: r.expertId,
      yellow: r.yellow,
      red: r.red,
    }));
  }

  /**
   * The office sees every card; a regulator those of its domain; the centre, owners, agents and bidders those against
   * their own organisation (and the centre those against the centre); an expert those against itself.
   */
  private async scope(actor: Actor, q: { organisationId?: string; domain?: string }): Promise<CardScope> {
    if (hasRole(actor, Role.Office)) return { all: true };
    const grants = actor.roles.filter((g) => g.role === Role.Regulator);
    if (grants.length) {
      if (grants.some((g) => g.domain === null)) return { all: true };
      const domains = grants.map((g) => g.domain as TradingDomain);
      if (q.domain && !domains.includes(q.domain as TradingDomain)) throw E.CARDS_NOT_IN_SCOPE({ domain: q.domain, yours: domains });
      return { domains };
    }
    if (q.organisationId && q.organisationId !== actor.organisationId) throw E.CARDS_NOT_IN_SCOPE({ organisationId: q.organisationId });
    const operating = [Role.Centre, Role.Owner, Role.Agent, Role.Bidder].some((r) => hasRole(actor, r));
    const expertId = hasRole(actor, Role.Expert) && actor.accountId ? await this.repo.expertOf(this.txr.dataSource.manager, actor.accountId) : null;
    return { organisationId: operating ? actor.organisationId : null, centre: hasRole(actor, Role.Centre), expertId };
  }
}

function cardView(r: CardRow): CardView {
  return {
    id: r.id,
    colour: r.colour,
    stepKind: r.stepKind,
    domain: r.domain,
    project: r.projectId ? { id: r.projectId, code: r.projectCode!, name: r.projectName! } : null,
    subject: { type: r.subjectType, id: r.subjectId },
    responsibleRole: r.responsibleRole,
    organisation: r.organisationId ? { id: r.organisationId, name: r.organisationName! } : null,
    expertId: r.expertId,
    startedAt: r.startedAt,
    warnAt: r.warnAt,
    dueAt: r.dueAt,
    doneAt: r.doneAt,
    warningPercent: r.warningPercent,
    issuedAt: r.issuedAt,
    month: r.month,
  };
}
