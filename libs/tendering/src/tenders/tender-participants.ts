import { Injectable, OnModuleInit } from '@nestjs/common';
import { TradingDomain } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { ProjectParticipants } from '@app/trading';

/** Tells the kernel who bids on a tender (every organisation that registered for it), for expert avoidance. */
@Injectable()
export class TenderParticipants implements OnModuleInit {
  constructor(private readonly participants: ProjectParticipants) {}

  onModuleInit(): void {
    this.participants.register(TradingDomain.Tendering, async (em, projectId) =>
      rowsOf<{ uscc: string }>(await em.query(`SELECT o.uscc FROM tender_registration r JOIN organisation o ON o.id = r.organisation_id WHERE r.project_id = $1`, [projectId])).map((r) => r.uscc),
    );
  }
}
