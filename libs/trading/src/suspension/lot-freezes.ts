import { Injectable, OnModuleInit } from '@nestjs/common';
import { LiveBiddingService } from '../live/live-bidding.service';
import { ProjectFreezes } from './project-freezes';

const LABEL = { listing: '挂牌截止时间', live: '限时竞价截止时间' } as const;

/** The engine's own share of a suspension: every open lot of the project (挂牌 or 限时竞价) stands still. */
@Injectable()
export class LotFreezes implements OnModuleInit {
  constructor(
    private readonly freezes: ProjectFreezes,
    private readonly live: LiveBiddingService,
  ) {}

  onModuleInit(): void {
    this.freezes.register({
      name: 'lot',
      domain: null,
      freeze: async (tx, projectId, at) =>
        (await this.live.freezeProject(tx, projectId, at)).map((l) => ({ key: `lot:${l.id}`, label: LABEL[l.phase], dueAt: l.endsAt, counting: l.counting })),
      resume: async (tx, _projectId, shifted, at) => {
        for (const s of shifted) await this.live.resumeLot(tx, s.key.slice('lot:'.length), s.to, at);
      },
    });
  }
}
