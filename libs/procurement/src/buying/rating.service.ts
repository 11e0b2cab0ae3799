import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { BuyingErrors } from './buying-errors';
import { sideOf } from './buying-access';
import { BuyingRepository } from './buying.repository';
import { RatingDto } from './dto/buying.dto';
import { RatingView, ratingView, SupplierRatingsView } from './dto/buying.view';
import { ORDER_SUBJECT } from './order.service';

/** 淘宝式评价: the purchaser rates an accepted order once; the supplier replies once; the score follows in the same transaction. */
@Injectable()
export class RatingService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: BuyingRepository,
    private readonly audit: AuditService,
  ) {}

  async rate(actor: Actor, orderId: string, dto: RatingDto): Promise<RatingView> {
    return this.txr.run(async (tx) => {
      const o = await this.repo.order(tx.em, orderId);
      if (!o) throw BuyingErrors.ORDER_NOT_FOUND({ id: orderId });
      const side = sideOf(actor, o);
      if (!side) throw BuyingErrors.ORDER_NOT_FOUND({ id: orderId });
      if (side !== 'purchaser') throw BuyingErrors.ORDER_NOT_YOURS({ reason: 'only the purchaser rates' });
      if (o.status !== 'accepted' && o.status !== 'paid') throw BuyingErrors.ORDER_STATE_CONFLICT({ status: o.status, allowed: ['accepted', 'paid'] });
      await this.repo.lockScore(tx.em, o.supplierOrganisationId);
      const inserted = await this.repo.insertRating(tx.em, {
        orderId,
        supplierOrganisationId: o.supplierOrganisationId,
        purchaserOrganisationId: o.purchaserOrganisationId,
        quality: dto.quality,
        delivery: dto.delivery,
        service: dto.service,
        comment: dto.comment,
        ratedBy: actor.accountId!,
      });
      if (!inserted) throw BuyingErrors.RATING_EXISTS({ orderId });
      const score = await this.repo.recomputeScore(tx.em, o.supplierOrganisationId);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Owner,
        action: 'procurement.order_rated',
        subject: { type: ORDER_SUBJECT, id: orderId },
        payload: { supplierOrganisationId: o.supplierOrganisationId, quality: dto.quality, delivery: dto.delivery, service: dto.service, comment: dto.comment, score },
      });
      return ratingView((await this.repo.rating(tx.em, orderId))!);
    });
  }

  async reply(actor: Actor, orderId: string, reply: string): Promise<RatingView> {
    return this.txr.run(async (tx) => {
      const o = await this.repo.order(tx.em, orderId);
      if (!o) throw BuyingErrors.ORDER_NOT_FOUND({ id: orderId });
      const side = sideOf(actor, o);
      if (!side) throw BuyingErrors.ORDER_NOT_FOUND({ id: orderId });
      if (side !== 'supplier') throw BuyingErrors.ORDER_NOT_YOURS({ reason: 'only the supplier replies' });
      const rating = await this.repo.rating(tx.em, orderId);
      if (!rating) throw BuyingErrors.RATING_NOT_FOUND({ orderId });
      if (!(await this.repo.reply(tx.em, orderId, reply, actor.accountId!))) throw BuyingErrors.REPLY_EXISTS({ orderId });
      await this.audit.append(tx.em, { actor, role: Role.Bidder, action: 'procurement.rating_replied', subject: { type: ORDER_SUBJECT, id: orderId }, payload: { reply } });
      return ratingView((await this.repo.rating(tx.em, orderId))!);
    });
  }

  /** Public: the score and every rating, with the purchaser's organisation named (public money is spent in the open). */
  async ofSupplier(organisationId: string): Promise<SupplierRatingsView> {
    const em = this.txr.dataSource.manager;
    const score = await this.repo.score(em, organisationId);
    if (!score) throw BuyingErrors.SUPPLIER_NOT_FOUND({ organisationId });
    return { organisationId, organisationName: score.organisationName, ratingAvg: score.ratingCount ? score.ratingAvg : null, ratingCount: score.ratingCount, ratings: (await this.repo.ratingsOf(em, organisationId)).map(ratingView) };
  }
}
