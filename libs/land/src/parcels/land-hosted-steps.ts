import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { deadlineFor, HostedSteps } from '@app/trading';
import { LandErrors } from '../land-errors';
import { AUCTION_START_KIND, LISTING_START_KIND, PARCEL_SUBJECT } from './parcel.service';
import { ParcelRepository } from './parcel.repository';

/**
 * The land starts a room session may host (拍卖会 in an auction hall, or a listing's opening): a moved session re-times
 * the parcel's own start column with the milestone; a re-announcement needs 规定 10's full notice period
 * (`announcementBeforeListing` of the project's rule snapshot); qualified and pending buyers are told.
 */
@Injectable()
export class LandHostedSteps implements OnModuleInit {
  constructor(
    private readonly hosted: HostedSteps,
    private readonly parcels: ParcelRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const names: Record<string, { zh: string; en: string }> = { [AUCTION_START_KIND]: { zh: '拍卖会', en: 'auction' }, [LISTING_START_KIND]: { zh: '挂牌开始', en: 'listing start' } };
    for (const kind of [AUCTION_START_KIND, LISTING_START_KIND]) {
      this.hosted.register(kind, {
        name: names[kind],
        retime: async (tx, step, to, actor) => {
          if (!(await this.parcels.retimeStart(tx.em, step.projectId, step.id, to))) throw LandErrors.PARCEL_STATE_CONFLICT({ reason: 'the start has passed or is not this milestone', allowed: ['announced'] });
          await this.audit.append(tx.em, { actor, action: 'land.start_retimed', subject: { type: PARCEL_SUBJECT, id: step.projectId }, payload: { milestoneId: step.id, kind, from: step.dueAt, to } });
        },
        reannouncement: async (tx, projectId, now) => {
          const rules = await this.parcels.ruleSnapshot(tx.em, projectId);
          return { earliest: deadlineFor(rules, 'announcementBeforeListing', now), period: rules.params.periods.announcementBeforeListing, rule: 'periods.announcementBeforeListing' };
        },
        parties: (em, projectId) => this.parcels.applicantOrganisations(em, projectId),
      });
    }
  }
}
