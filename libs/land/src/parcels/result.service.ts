import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { ConfirmationView, ParcelView, parcelView } from '../dto/parcel.view';
import { LandErrors } from '../land-errors';
import { isOwner, isWinner, operates, supervises } from './land-access';
import { PARCEL_SUBJECT } from './parcel.service';
import { ParcelRepository } from './parcel.repository';
import { ParcelRow } from './parcel.types';

/** After the end: 成交确认书, the winner's deposit turned into part payment. */
@Injectable()
export class ResultService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly parcels: ParcelRepository,
    private readonly audit: AuditService,
  ) {}

  /** 成交确认书: the centre issues it to the winner; the winner's deposit becomes part of the price. */
  async confirm(actor: Actor, projectId: string): Promise<ConfirmationView> {
    return this.txr.run(async (tx) => {
      const p = await this.parcels.byId(tx.em, projectId, 'update');
      if (!p) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
      if (p.status !== 'ended') throw LandErrors.PARCEL_STATE_CONFLICT({ status: p.status, allowed: ['ended'] });
      if (p.outcome !== 'sold' || !p.winnerOrganisationId) throw LandErrors.NO_WINNER({ outcome: p.outcome });
      const converted = await this.parcels.convertDeposit(tx.em, projectId, p.winnerOrganisationId);
      const confirmationNo = `CJQR-${p.code}`;
      await this.parcels.markConfirmed(tx.em, projectId, confirmationNo, actor.accountId!);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'land.confirmation_issued',
        subject: { type: PARCEL_SUBJECT, id: projectId },
        payload: { confirmationNo, winnerOrganisationId: p.winnerOrganisationId, winnerPaddle: p.winnerPaddle, priceFen: p.priceFen, depositConvertedFen: converted?.amountFen ?? '0' },
      });
      return this.confirmationView((await this.parcels.byId(tx.em, projectId))!, converted?.amountFen ?? '0');
    });
  }

  /** The winner, the owner, the centre and supervisors read it. */
  async confirmation(actor: Actor, projectId: string): Promise<ConfirmationView> {
    const em = this.txr.dataSource.manager;
    const p = await this.parcels.byId(em, projectId);
    if (!p) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    if (!isWinner(actor, p) && !isOwner(actor, p) && !operates(actor) && !supervises(actor)) throw LandErrors.CONFIRMATION_NOT_VISIBLE();
    if (p.status !== 'confirmed') throw LandErrors.PARCEL_STATE_CONFLICT({ status: p.status, reason: 'no deal confirmation issued yet' });
    const winner = await this.parcels.applicationOf(em, projectId, p.winnerOrganisationId);
    return this.confirmationView(p, winner?.depositStatus === 'converted' ? winner.depositAmountFen : '0');
  }

  /** The parcel with its result, for the winner too (the owner, centre and supervisors read it at GET /land/parcels/:id). */
  async result(actor: Actor, projectId: string): Promise<ParcelView> {
    const p = await this.parcels.byId(this.txr.dataSource.manager, projectId);
    if (!p || (!isWinner(actor, p) && !isOwner(actor, p) && !operates(actor) && !supervises(actor))) throw LandErrors.PARCEL_NOT_FOUND({ id: projectId });
    return parcelView(p);
  }

  private confirmationView(p: ParcelRow, convertedFen: string): ConfirmationView {
    const price = BigInt(p.priceFen!);
    const converted = BigInt(convertedFen);
    return {
      confirmationNo: p.confirmationNo!,
      parcelId: p.projectId,
      code: p.code,
      name: p.name,
      location: p.location,
      area: p.areaM2,
      use: p.use,
      termYears: p.termYears,
      ownerName: p.ownerName,
      winnerName: p.winnerName!,
      winnerPaddle: p.winnerPaddle!,
      price: Money.ofFen(price).toYuan(),
      depositConverted: Money.ofFen(converted).toYuan(),
      balance: Money.ofFen(price > converted ? price - converted : 0n).toYuan(),
      endedAt: p.endedAt!,
      confirmedAt: p.confirmedAt!,
    };
  }
}
