import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { EntityManager } from 'typeorm';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { ProjectService } from '@app/trading';
import { DepositView } from '../dto/bid.view';
import { DeclareDepositDto } from '../dto/tender.dto';
import { depositCapFen } from '../rules/deadlines';
import { DepositEvent, DepositMethod, DepositRefusal, DepositStatus, depositStep } from '../rules/deposit-state';
import { depositAmountProblem } from '../rules/deposits';
import { TenderErrors } from '../tendering-errors';
import { BiddersViewed } from '../tenders/bidders-viewed';
import { biddersSecret, isParty, operates, supervises } from '../tenders/tender-access';
import { TENDER_SUBJECT } from '../tenders/tender.service';
import { TenderRepository } from '../tenders/tender.repository';

const VIEW = `
  SELECT d.id, s.no AS "sectionNo", d.organisation_id AS "organisationId", o.name AS "organisationName", d.method, d.reference, d.amount_fen::text AS "amountFen",
         d.status, d.declared_at AS "declaredAt", d.confirmed_at AS "confirmedAt", d.refund_due AS "refundDue", d.refunded_at AS "refundedAt", d.refund_reference AS "refundReference", d.released_at AS "releasedAt", s.project_id AS "projectId"
  FROM tender_deposit d JOIN tender_section s ON s.id = d.section_id JOIN organisation o ON o.id = d.organisation_id`;

type DepositRow = Omit<DepositView, 'amount'> & { amountFen: string; projectId: string };

const REFUSALS: Record<DepositRefusal, (details: Record<string, unknown>) => Error> = {
  DEPOSIT_STATE_CONFLICT: TenderErrors.DEPOSIT_STATE_CONFLICT,
  DEPOSIT_NOT_CONFIRMED: TenderErrors.DEPOSIT_NOT_CONFIRMED,
  DEPOSIT_REFUND_NOT_DUE: TenderErrors.DEPOSIT_REFUND_NOT_DUE,
  DEPOSIT_IS_GUARANTEE: TenderErrors.DEPOSIT_IS_GUARANTEE,
  DEPOSIT_NOT_GUARANTEE: TenderErrors.DEPOSIT_NOT_GUARANTEE,
};
const view = ({ amountFen, projectId: _p, ...d }: DepositRow): DepositView => ({ ...d, amount: Money.ofFen(amountFen).toYuan() });

/**
 * 投标保证金 (条例 26): declared by the bidder (transfer or e-guarantee), confirmed by the centre, refunded (transfer) or
 * released (e-guarantee) on record once due (条例 35, 57); every step is `depositStep` of rules/deposit-state.ts.
 */
@Injectable()
export class DepositService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
    private readonly biddersViewed: BiddersViewed,
  ) {}

  async declare(actor: Actor, projectId: string, sectionNo: number, dto: DeclareDepositDto): Promise<DepositView> {
    return this.txr.run(async (tx) => {
      const t = await this.tenders.byId(tx.em, projectId, 'share');
      if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
      if (t.status !== 'bidding') throw TenderErrors.TENDER_STATE_CONFLICT({ status: t.status, reason: 'deposits are paid while bids are taken' });
      if (!(await this.tenders.isRegistered(tx.em, projectId, actor.organisationId))) throw TenderErrors.NOT_REGISTERED_BIDDER();
      const section = await this.tenders.section(tx.em, projectId, sectionNo);
      if (!section) throw TenderErrors.SECTION_NOT_FOUND({ no: sectionNo });
      const amount = Money.fromYuan(dto.amount).fen;
      const problem = depositAmountProblem(amount, BigInt(section.depositFen));
      if (problem === 'short') throw TenderErrors.DEPOSIT_AMOUNT_SHORT({ required: Money.ofFen(section.depositFen).toYuan(), amount: dto.amount });
      if (problem === 'over') {
        // 条例 26: the section's deposit is already at most the cap of its estimate; nobody is asked for more than it.
        const capBp = (await this.projects.rulesOf(projectId, TradingDomain.Tendering, tx.em)).params.numbers.depositCapBp;
        throw TenderErrors.DEPOSIT_AMOUNT_OVER({ required: Money.ofFen(section.depositFen).toYuan(), amount: dto.amount, capBp, cap: Money.ofFen(depositCapFen(BigInt(section.estimateFen), capBp)).toYuan() });
      }
      const before = await this.tenders.depositFacts(tx.em, section.id, actor.organisationId!, true);
      const step = depositStep(before, 'declare');
      if ('refused' in step) throw REFUSALS[step.refused]({ status: before?.status, to: 'declared', reason: 'already confirmed' });
      // A deposit given back (after a withdrawal before the deadline) is paid again as a new one; the audit keeps the earlier one.
      const [row] = rowsOf<{ id: string }>(
        await tx.em.query(
          `INSERT INTO tender_deposit (section_id, organisation_id, method, reference, payer_account, amount_fen) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (section_id, organisation_id) DO UPDATE SET method = EXCLUDED.method, reference = EXCLUDED.reference, payer_account = EXCLUDED.payer_account,
             amount_fen = EXCLUDED.amount_fen, declared_at = now(), status = 'declared', confirmed_at = NULL, refund_due = NULL, refunded_at = NULL, refund_reference = NULL, released_at = NULL
             WHERE tender_deposit.status IN ('declared','refunded','released')
           RETURNING id`,
          [section.id, actor.organisationId, dto.method, dto.reference, dto.payerAccount ?? null, amount.toString()],
        ),
      );
      if (!row) throw TenderErrors.DEPOSIT_STATE_CONFLICT({ reason: 'already confirmed' });
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.deposit_declared', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { depositId: row.id, sectionNo, ...(before && before.status !== 'declared' ? { replaces: before.status } : {}), method: dto.method, reference: dto.reference, payerAccount: dto.payerAccount ?? null, amountFen: amount.toString() } });
      return this.one(row.id, tx.em);
    });
  }

  confirm(actor: Actor, depositId: string): Promise<DepositView> {
    return this.change(actor, depositId, 'confirm', `status = 'confirmed', confirmed_at = now()`, 'tender.deposit_confirmed', {});
  }

  /** A transfer given back, with the bank's reference; an e-guarantee is released instead (`release`). */
  refund(actor: Actor, depositId: string, reference: string): Promise<DepositView> {
    return this.change(actor, depositId, 'refund', `status = 'refunded', refunded_at = now(), refund_reference = $2`, 'tender.deposit_refunded', { reference }, [reference]);
  }

  /** 电子保函释放: the guarantee stops binding its issuer; no money moves, so there is no reference. */
  release(actor: Actor, depositId: string): Promise<DepositView> {
    return this.change(actor, depositId, 'release', `status = 'released', released_at = now()`, 'tender.deposit_released', {});
  }

  /**
   * 法 22: before the opening the names and the number of bidders are secret. A bidder sees its own deposits; the centre
   * every deposit it confirms; supervisors every deposit, each read before the opening audited (`tender.bidders_viewed`);
   * the owner and agent every deposit once the bids are opened, and a refusal before.
   */
  async list(actor: Actor, projectId: string): Promise<DepositView[]> {
    const t = await this.tenders.byId(this.txr.dataSource.manager, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const secret = biddersSecret(t);
    const query = async (em: EntityManager, all: boolean) =>
      rowsOf<DepositRow>(await em.query(`${VIEW} WHERE s.project_id = $1 AND ($2 OR d.organisation_id = $3) ORDER BY s.no, d.declared_at`, [projectId, all, actor.organisationId])).map(view);
    if (operates(actor) || (supervises(actor) && !secret)) return query(this.txr.dataSource.manager, true);
    if (supervises(actor)) {
      return this.txr.run(async (tx) => {
        const rows = await query(tx.em, true);
        await this.biddersViewed.record(tx.em, actor, projectId, { view: 'deposits', status: t.status, depositIds: rows.map((r) => r.id) });
        return rows;
      });
    }
    if (isParty(actor, t)) {
      if (secret) throw TenderErrors.BIDDERS_SECRET({ status: t.status, bidDeadline: t.bidDeadline });
      return query(this.txr.dataSource.manager, true);
    }
    return query(this.txr.dataSource.manager, false);
  }

  private async change(actor: Actor, depositId: string, event: DepositEvent, set: string, action: string, payload: Record<string, unknown>, extra: unknown[] = []): Promise<DepositView> {
    return this.txr.run(async (tx) => {
      const [row] = rowsOf<DepositRow>(await tx.em.query(`${VIEW} WHERE d.id = $1 FOR UPDATE OF d`, [depositId]));
      if (!row) throw TenderErrors.DEPOSIT_NOT_FOUND({ id: depositId });
      const step = depositStep({ status: row.status as DepositStatus, method: row.method as DepositMethod, refundDue: row.refundDue }, event);
      if ('refused' in step) {
        throw REFUSALS[step.refused]({ status: row.status, method: row.method, refundDue: row.refundDue, event, ...(step.refused === 'DEPOSIT_IS_GUARANTEE' ? { release: `/tenders/deposits/${depositId}/release` } : {}) });
      }
      await tx.em.query(`UPDATE tender_deposit SET ${set} WHERE id = $1`, [depositId, ...extra]);
      await this.audit.append(tx.em, { actor, role: Role.Centre, action, subject: { type: TENDER_SUBJECT, id: row.projectId }, payload: { depositId, organisationId: row.organisationId, sectionNo: row.sectionNo, amountFen: row.amountFen, ...payload } });
      return this.one(depositId, tx.em);
    });
  }

  private async one(id: string, em = this.txr.dataSource.manager): Promise<DepositView> {
    const [row] = rowsOf<DepositRow>(await em.query(`${VIEW} WHERE d.id = $1`, [id]));
    return view(row);
  }
}
