import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { ProjectParticipants } from '@app/trading';

/** Tells the kernel who takes part in a deal (every applicant of any round), for expert avoidance and facts. */
@Injectable()
export class RuralParticipants implements OnModuleInit {
  constructor(private readonly participants: ProjectParticipants) {}

  onModuleInit(): void {
    this.participants.register(TradingDomain.Rural, async (em, projectId) =>
      rowsOf<{ uscc: string }>(await em.query(`SELECT DISTINCT o.uscc FROM rural_application r JOIN organisation o ON o.id = r.organisation_id WHERE r.project_id = $1`, [projectId])).map((r) => r.uscc),
    );
  }
}
