import { Module } from '@nestjs/common';
import { FeedPump } from './feed-pump';
import { LiveBiddingService } from './live-bidding.service';
import { LiveController } from './live.controller';
import { LiveGateway } from './live.gateway';
import { LotCloser } from './lot-closer';
import { LotRepository } from './lot.repository';

/** The api's side of the engine: bids over HTTP, the public view and the socket.io feed. */
@Module({
  controllers: [LiveController],
  providers: [LotRepository, LiveBiddingService, FeedPump, LiveGateway],
  exports: [LiveBiddingService, LotRepository],
})
export class LiveModule {}

/** The worker's side: the closer, and the same feed pump (it publishes through Redis either way). Domain worker modules import it for onEnd. */
@Module({
  providers: [LotRepository, LiveBiddingService, FeedPump, LotCloser],
  exports: [LiveBiddingService, LotRepository],
})
export class LiveWorkerModule {}
