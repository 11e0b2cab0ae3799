import { Injectable } from '@nestjs/common';
import { Actor } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { MyRuralApplicationsQuery } from '../dto/deal.dto';
import { MyRuralApplicationPage, myApplicationView } from '../dto/my-application.view';
import { MyApplicationRepository } from './my-application.repository';

/** 我的受让报名 across deals: the caller's organisation's only. */
@Injectable()
export class MyApplicationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: MyApplicationRepository,
  ) {}

  async page(actor: Actor, q: MyRuralApplicationsQuery): Promise<MyRuralApplicationPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    if (!actor.organisationId) return { items: [], total: 0, page, pageSize };
    const { items, total } = await this.repo.page(this.txr.dataSource.manager, actor.organisationId, q.status ?? null, page, pageSize);
    return { items: items.map(myApplicationView), total, page, pageSize };
  }
}
