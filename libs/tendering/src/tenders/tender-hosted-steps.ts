import { Injectable, OnModuleInit } from '@nestjs/common';
import { HostedSteps } from '@app/trading';
import { TenderErrors } from '../tendering-errors';
import { BID_DEADLINE_KIND } from './tender.service';

/**
 * The step an opening session hosts is the bid deadline itself (法 34: the opening happens at the deadline). Moving the
 * session cannot re-time it: a later deadline is an amendment with its 15-day rule (条例 21), an earlier one is never
 * allowed. A move that keeps the deadline where it is (the session stays on the deadline's day) does not call this.
 */
@Injectable()
export class TenderHostedSteps implements OnModuleInit {
  constructor(private readonly hosted: HostedSteps) {}

  onModuleInit(): void {
    const refuse = (milestoneId: string) => TenderErrors.OPENING_MOVES_BY_AMENDMENT({ milestoneId, route: 'POST /tenders/:id/amendments' });
    this.hosted.register(BID_DEADLINE_KIND, {
      name: { zh: '开标(投标截止)', en: 'opening (bid deadline)' },
      retime: async (_tx, step) => {
        throw refuse(step.id);
      },
      reannouncement: async () => {
        throw refuse('');
      },
      parties: async () => [],
    });
  }
}
