import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditReads } from '@app/platform/audit/audit-reads';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, hasRole, Role } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { EntityManager } from 'typeorm';
import { tendersNamed } from '../rules/bidders-named';
import { biddersSecret } from './tender-access';
import { TENDER_SUBJECT } from './tender.service';
import { TenderStatus } from '../rules/tender-state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 法 22: a supervisor who reads a tender's potential bidders before the opening leaves `tender.bidders_viewed` (who read:
 * the event's actor; which tender: its subject; what: `view` and what was read), written in the read's transaction, once
 * per read and tender. The deposit list (`DepositService.list`) and the audit routes (through AuditReads) both write it here.
 */
@Injectable()
export class BiddersViewed implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly reads: AuditReads,
  ) {}

  onModuleInit(): void {
    this.reads.watch('tendering', async (tx, reader, events, view) => {
      const named = tendersNamed(events);
      const ids = [...named.keys()].filter((id) => UUID.test(id));
      if (ids.length === 0) return;
      const tenders = rowsOf<{ projectId: string; status: TenderStatus }>(await tx.em.query(`SELECT project_id AS "projectId", status FROM tender WHERE project_id = ANY($1::uuid[])`, [ids]));
      const status = new Map(tenders.map((t) => [t.projectId, t.status]));
      for (const id of ids) {
        const s = status.get(id);
        if (s !== undefined && biddersSecret({ status: s })) await this.record(tx.em, reader, id, { view, status: s, eventIds: named.get(id) });
      }
    });
  }

  async record(em: EntityManager, reader: Actor, projectId: string, payload: { view: string; status: string } & Record<string, unknown>): Promise<void> {
    const role = hasRole(reader, Role.Office) ? Role.Office : Role.Regulator;
    await this.audit.append(em, { actor: reader, role, action: 'tender.bidders_viewed', subject: { type: TENDER_SUBJECT, id: projectId }, payload });
  }
}
