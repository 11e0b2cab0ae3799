import { Injectable } from '@nestjs/common';
import { Actor } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { MyRequirementsQuery } from './dto/quote.dto';
import { MyRequirementPage, myRequirementView } from './dto/my-requirement.view';
import { MyRequirementRepository } from './my-requirement.repository';

/** 我的采购需求: the purchaser organisation's requirements only. */
@Injectable()
export class MyRequirementService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: MyRequirementRepository,
  ) {}

  async page(actor: Actor, q: MyRequirementsQuery): Promise<MyRequirementPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    if (!actor.organisationId) return { items: [], total: 0, page, pageSize };
    const { items, total } = await this.repo.page(this.txr.dataSource.manager, actor.organisationId, q.status ?? null, page, pageSize);
    return { items: items.map(myRequirementView), total, page, pageSize };
  }
}
