import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuleSetController } from './rule-set.controller';
import { RuleSet } from './rule-set.entity';
import { RuleSetRepository } from './rule-set.repository';
import { RuleSetService } from './rule-set.service';

/** The committee's versioned rule sets per domain; global so that the trading kernel can snapshot them. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RuleSet])],
  controllers: [RuleSetController],
  providers: [RuleSetService, RuleSetRepository],
  exports: [RuleSetService],
})
export class RulesModule {}
