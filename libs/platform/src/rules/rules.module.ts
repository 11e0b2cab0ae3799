import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuleSetController } from './rule-set.controller';
import { RuleSet } from './rule-set.entity';
import { RuleSetService } from './rule-set.service';

/** The committee's versioned rule sets per domain. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RuleSet])],
  controllers: [RuleSetController],
  providers: [RuleSetService],
  exports: [RuleSetService],
})
export class RulesModule {}
