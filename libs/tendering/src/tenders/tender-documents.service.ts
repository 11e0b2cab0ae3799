import { Injectable } from '@nestjs/common';
import { Actor } from '@app/platform/auth/roles';
import { rowsOf } from '@app/platform/database/rows';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { PublicTenderView } from '../dto/clarification.view';
import { TenderView, tenderView } from '../dto/tender.view';
import { TenderErrors } from '../tendering-errors';
import { isParty, operates, supervises } from './tender-access';
import { TenderRepository } from './tender.repository';

const ANNOUNCED = (status: string) => !['submitted', 'returned', 'accepted'].includes(status);

/** What the public and registered bidders read of a tender: the announcement, document digests, clarifications. */
@Injectable()
export class TenderDocumentsService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly tenders: TenderRepository,
  ) {}

  async download(actor: Actor, projectId: string, documentId: string): Promise<{ fileName: string; content: Buffer; sha256: string }> {
    const em = this.txr.dataSource.manager;
    const t = await this.tenders.byId(em, projectId);
    if (!t) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const mayRead = isParty(actor, t) || operates(actor) || supervises(actor) || (ANNOUNCED(t.status) && (await this.tenders.isRegistered(em, projectId, actor.organisationId)));
    if (!mayRead) throw TenderErrors.NOT_REGISTERED_BIDDER();
    const doc = await this.tenders.documentContent(em, projectId, documentId);
    if (!doc) throw TenderErrors.TENDER_NOT_FOUND({ id: documentId });
    return doc;
  }

  async publicList(): Promise<TenderView[]> {
    const em = this.txr.dataSource.manager;
    const rows = await this.tenders.publicPage(em);
    return Promise.all(rows.map(async (t) => ({ ...tenderView(t, await this.tenders.sections(em, t.projectId), await this.tenders.documents(em, t.projectId)), returnReasons: null })));
  }

  /**
   * The public tender, with every deadline change (an amendment that moved it): the deadline it replaced, the new one,
   * when, and the amendment document. The whole history is at GET /public/projects/:id/history.
   */
  async publicOne(projectId: string): Promise<PublicTenderView> {
    const em = this.txr.dataSource.manager;
    const t = await this.tenders.byId(em, projectId);
    if (!t || !ANNOUNCED(t.status)) throw TenderErrors.TENDER_NOT_FOUND({ id: projectId });
    const clarifications = rowsOf<{ question: string; answer: string; answeredAt: Date }>(
      await em.query(`SELECT question, answer, answered_at AS "answeredAt" FROM tender_question WHERE project_id = $1 AND answer IS NOT NULL ORDER BY answered_at`, [projectId]),
    );
    const deadlineChanges = await this.tenders.deadlineChanges(em, projectId);
    return { ...tenderView(t, await this.tenders.sections(em, projectId), await this.tenders.documents(em, projectId)), returnReasons: null, clarifications, deadlineChanges };
  }
}
