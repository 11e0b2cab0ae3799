import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { Tx } from '@app/platform/database/transaction-runner';
import { MilestoneHandlerRegistry } from '@app/platform/milestones/milestone-handler.registry';
import { Milestone } from '@app/platform/milestones/milestone.entity';
import { DRAW_SUBJECT, DrawEngine, MilestoneKind } from './draw.engine';
import { DrawRepository } from './draw.repository';

/** The worker's part of a draw: draw, expire unanswered invitations, open at the session. Each re-checks the rows. */
@Injectable()
export class DrawHandlers implements OnModuleInit {
  constructor(
    private readonly registry: MilestoneHandlerRegistry,
    private readonly engine: DrawEngine,
    private readonly draws: DrawRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register(MilestoneKind.Draw, (tx, m) => this.engine.drawCommittee(tx, drawIdOf(m)));
    this.registry.register(MilestoneKind.SessionStart, (tx, m) => this.engine.open(tx, drawIdOf(m)));
    this.registry.register(MilestoneKind.InvitationDeadline, (tx, m) => this.expire(tx, m));
  }

  private async expire(tx: Tx, m: Milestone): Promise<void> {
    const draw = await this.draws.byId(tx.em, drawIdOf(m), true);
    const member = await this.draws.member(tx.em, String(m.payload.memberId), true);
    if (!draw || !member || member.status !== 'invited') return;
    await this.draws.answer(tx.em, member.id, 'expired', null);
    await this.engine.replace(tx, draw, member);
    await this.audit.append(tx.em, { actor: SYSTEM_ACTOR, action: 'expert_draw.invitation_expired', subject: { type: DRAW_SUBJECT, id: draw.id }, payload: { invitationId: member.id } });
  }
}

const drawIdOf = (m: Milestone) => String(m.payload.drawId);
