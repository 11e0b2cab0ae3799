import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { BuyingErrors } from './buying-errors';
import { supervises } from './buying-access';
import { BuyingRepository } from './buying.repository';
import { CreateBudgetLineDto } from './dto/buying.dto';
import { BudgetLineView, budgetLineView } from './dto/buying.view';

export const BUDGET_SUBJECT = 'budget_line';

/** 预算指标: the purchaser registers its own lines; supervisors read every line. Amounts never change once registered. */
@Injectable()
export class BudgetService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: BuyingRepository,
    private readonly audit: AuditService,
  ) {}

  async register(actor: Actor, dto: CreateBudgetLineDto): Promise<BudgetLineView> {
    if (!actor.organisationId) throw BuyingErrors.NO_ORGANISATION();
    const amountFen = Money.fromYuan(dto.amount).fen;
    if (amountFen <= 0n) throw BuyingErrors.ORDER_ITEMS_INVALID({ reason: 'the amount must be positive' });
    return this.txr.run(async (tx) => {
      const id = await this.repo.insertBudgetLine(tx.em, { organisationId: actor.organisationId!, code: dto.code, name: dto.name, year: dto.year, amountFen, createdBy: actor.accountId! });
      if (!id) throw BuyingErrors.BUDGET_LINE_EXISTS({ code: dto.code, year: dto.year });
      await this.audit.append(tx.em, { actor, role: Role.Owner, action: 'procurement.budget_registered', subject: { type: BUDGET_SUBJECT, id }, payload: { code: dto.code, name: dto.name, year: dto.year, amountFen: amountFen.toString() } });
      return budgetLineView((await this.repo.budgetLine(tx.em, id))!);
    });
  }

  /** A purchaser sees its own lines; the office and the procurement regulator any organisation's (or all). */
  async list(actor: Actor, organisationId?: string): Promise<BudgetLineView[]> {
    const em = this.txr.dataSource.manager;
    if (supervises(actor)) return (await this.repo.budgetLines(em, organisationId ?? null)).map(budgetLineView);
    if (!hasRole(actor, Role.Owner)) throw BuyingErrors.NOT_SUPERVISOR();
    if (!actor.organisationId) throw BuyingErrors.NO_ORGANISATION();
    return (await this.repo.budgetLines(em, actor.organisationId)).map(budgetLineView);
  }
}
