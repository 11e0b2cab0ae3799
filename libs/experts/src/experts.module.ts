import { Module, OnModuleInit } from '@nestjs/common';
import { RecipientDirectory } from '@app/platform/notifications/recipient-directory';
import { ProjectGate, TradingModule } from '@app/trading';
import { DrawCoreModule } from './draws/draw-core.module';
import { DrawController } from './draws/draw.controller';
import { DrawService } from './draws/draw.service';
import { ExpertLibraryModule } from './library/expert-library.module';
import { PROJECT_OF_DRAW, PROJECT_OF_INVITATION } from './draws/draw.repository';

/** 专家库与随机抽取 / expert library and random draws */
@Module({
  imports: [TradingModule, DrawCoreModule, ExpertLibraryModule],
  controllers: [DrawController],
  providers: [DrawService],
})
export class ExpertsModule implements OnModuleInit {
  constructor(
    private readonly gate: ProjectGate,
    private readonly recipients: RecipientDirectory,
  ) {}

  /** How this domain's ids lead to a project, for the kernel's request gate (@ProjectWrite), and who an expert is to the inbox. */
  onModuleInit(): void {
    this.gate.resolver('expert-draw', PROJECT_OF_DRAW);
    this.gate.resolver('expert-invitation', PROJECT_OF_INVITATION);
    // an invitation is addressed to the expert record: its linked account reads it in the inbox
    this.recipients.register('expert', `SELECT id::text AS id FROM expert WHERE account_id = $1`);
  }
}
