import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { ProjectService } from '@app/trading';
import { DeclareDepositDto } from '../dto/tender.dto';
import { depositCapFen } from '../rules/deadlines';
import { depositAmountProblem } from '../rules/deposits';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, supervises } from '../tenders/tender-access';
import { TENDER_SUBJECT } from '../tenders/tender.service';
import { TenderRepository } from '../tenders/tender.repository';

export interface DepositView {
  id: string;
  sectionNo: number;
  organisationId: string;
  organisationName: string;
  method: string;
  reference: string;
  amount: string;
  status: string;
  declaredAt: Date;
  confirmedAt: Date | null;
  refundDue: Date | null;
  refundedAt: Date | null;
}

const VIEW = `
  SELECT d.id, s.no AS "sectionNo", d.organisation_id AS "organisationId", o.name AS "organisationName", d.method, d.reference, d.amount_fen::text AS "amountFen",
         d.status, d.declared_at AS "declaredAt", d.confirmed_at AS "confirmedAt", d.refund_due AS "refundDue", d.refunded_at AS "refundedAt", s.project_id AS "projectId"
  FROM tender_deposit d JOIN tender_section s ON s.id = d.section_id JOIN organisation o ON o.id = d.organisation_id`;

type DepositRow = Omit<DepositView, 'amount'> & { amountFen: string; projectId: string };
const view = ({ amountFen, projectId: _p, ...d }: DepositRow): DepositView => ({ ...d, amount: Money.ofFen(amountFen).toYuan() });

/** 投标保证金 (条例 26): declared by the bidder (transfer or e-guarantee), confirmed by the centre, refunded on record. */
@Injectable()
export class DepositService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
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
      const [row] = rowsOf<{ id: string }>(
        await tx.em.query(
          `INSERT INTO tender_deposit (section_id, organisation_id, method, reference, payer_account, amount_fen) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (section_id, organisation_id) DO UPDATE SET method = EXCLUDED.method, reference = EXCLUDED.reference, payer_account = EXCLUDED.payer_account,
             amount_fen = EXCLUDED.amount_fen, declared_at = now() WHERE tender_deposit.status = 'declared'
           RETURNING id`,
          [section.id, actor.organisationId, dto.method, dto.reference, dto.payerAccount ?? null, amount.toString()],
        ),
      );
      if (!row) throw TenderErrors.DEPOSIT_STATE_CONFLICT({ reason: 'already confirmed' });
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'tender.deposit_declared', subject: { type: TENDER_SUBJECT, id: projectId }, payload: { depositId: row.id, sectionNo, method: dto.method, reference: dto.reference, payerAccount: dto.payerAccount ?? null, amountFen: amount.toString() } });
      return this.one(row.id, tx.em);
    });
  }

  confirm(actor: Actor, depositId: string): Promise<DepositView> {
    return this.change(actor, depositId, 'declared', 'confirmed', `status = 'confirmed', confirmed_at = now()`, 'tender.deposit_confirmed', {});
  }

  refund(actor: Actor, depositId: string, reference: string): Promise<DepositView> {
    return this.change(actor, depositId, ['declared', 'confirmed'], 'refunded', `status = 'refunded', refunded_at = now(), refund_reference = $2`, 'tender.deposit_refunded', { reference }, [reference]);
  }

  /** The parties, the centre and supervisors see every deposit of the tender; a bidder its own. */
  async list(actor: Actor, projectId: string): Promise<DepositView[]> {
    const t = await this.tenders.byId(this.txr.dataSource.manager, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const all = isParty(actor, t) || operates(actor) || supervises(actor);
    const rows = rowsOf<DepositRow>(await this.txr.dataSource.query(`${VIEW} WHERE s.project_id = $1 AND ($2 OR d.organisation_id = $3) ORDER BY s.no, d.declared_at`, [projectId, all, actor.organisationId]));
    return rows.map(view);
  }

  private async change(actor: Actor, depositId: string, from: string | string[], to: string, set: string, action: string, payload: Record<string, unknown>, extra: unknown[] = []): Promise<DepositView> {
    return this.txr.run(async (tx) => {
      const [row] = rowsOf<DepositRow>(await tx.em.query(`${VIEW} WHERE d.id = $1 FOR UPDATE OF d`, [depositId]));
      if (!row) throw TenderErrors.DEPOSIT_NOT_FOUND({ id: depositId });
      if (!(Array.isArray(from) ? from : [from]).includes(row.status)) throw TenderErrors.DEPOSIT_STATE_CONFLICT({ status: row.status, to });
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
