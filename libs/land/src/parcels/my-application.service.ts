import { Injectable } from '@nestjs/common';
import { Actor } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { MyLandApplicationsQuery } from '../dto/parcel.dto';
import { MyLandApplicationPage, myApplicationView } from '../dto/my-application.view';
import { MyApplicationRepository } from './my-application.repository';

/** 我的竞买申请 across parcels: the caller's organisation's only. */
@Injectable()
export class MyApplicationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: MyApplicationRepository,
  ) {}

  async page(actor: Actor, q: MyLandApplicationsQuery): Promise<MyLandApplicationPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    if (!actor.organisationId) return { items: [], total: 0, page, pageSize };
    const { items, total } = await this.repo.page(this.txr.dataSource.manager, actor.organisationId, q.status ?? null, page, pageSize);
    return { items: items.map(myApplicationView), total, page, pageSize };
  }
}
