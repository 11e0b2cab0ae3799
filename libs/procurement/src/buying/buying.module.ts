import { Module } from '@nestjs/common';
import { BudgetService } from './budget.service';
import { BuyingController } from './buying.controller';
import { BuyingRepository } from './buying.repository';
import { OrderService } from './order.service';
import { RatingService } from './rating.service';

/** 电子卖场 buying: budget lines, direct purchase, orders through acceptance and payment, ratings. Exports OrderService for awarded quotes. */
@Module({
  controllers: [BuyingController],
  providers: [BuyingRepository, BudgetService, OrderService, RatingService],
  exports: [OrderService],
})
export class BuyingModule {}
