import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { ProjectParticipants } from '@app/trading';

/** Tells the kernel who takes part in an online quote's project: every supplier that quoted in any round. */
@Injectable()
export class QuoteParticipants implements OnModuleInit {
  constructor(private readonly participants: ProjectParticipants) {}

  onModuleInit(): void {
    this.participants.register(TradingDomain.Procurement, async (em, projectId) =>
      rowsOf<{ uscc: string }>(
        await em.query(
          `SELECT DISTINCT o.uscc FROM procurement_requirement r JOIN procurement_quote q ON q.requirement_id = r.id JOIN organisation o ON o.id = q.organisation_id WHERE r.project_id = $1`,
          [projectId],
        ),
      ).map((r) => r.uscc),
    );
  }
}
