import { Injectable } from '@nestjs/common';
import { Actor } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { MyRegistrationsQuery } from '../dto/tender.dto';
import { MyRegistrationPage, myRegistrationView } from '../dto/my-registration.view';
import { MyRegistrationRepository } from './my-registration.repository';

/** 我的报名与保证金: the caller's organisation's registrations across tenders, never another organisation's. */
@Injectable()
export class MyRegistrationService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: MyRegistrationRepository,
  ) {}

  async page(actor: Actor, q: MyRegistrationsQuery): Promise<MyRegistrationPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    if (!actor.organisationId) return { items: [], total: 0, page, pageSize };
    const { items, total } = await this.repo.page(this.txr.dataSource.manager, actor.organisationId, q.status ?? null, page, pageSize);
    return { items: items.map(myRegistrationView), total, page, pageSize };
  }
}
