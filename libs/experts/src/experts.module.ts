import { Module } from '@nestjs/common';
import { TradingModule } from '@app/trading';
import { DrawCoreModule } from './draws/draw-core.module';
import { DrawController } from './draws/draw.controller';
import { DrawService } from './draws/draw.service';
import { ExpertLibraryModule } from './library/expert-library.module';

/** 专家库与随机抽取 / expert library and random draws */
@Module({
  imports: [TradingModule, DrawCoreModule, ExpertLibraryModule],
  controllers: [DrawController],
  providers: [DrawService],
})
export class ExpertsModule {}
