import { Module } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { EmitterFeedSink } from './emitter-feed-sink';
import { FEED_SINK, FeedPump } from './feed-pump';
import { LiveBiddingService } from './live-bidding.service';
import { LiveController } from './live.controller';
import { LiveGateway, SocketFeedSink } from './live.gateway';
import { LotCloser } from './lot-closer';
import { LotRepository } from './lot.repository';

/** The api's side of the engine: bids over HTTP, the public view and the socket.io feed. */
@Module({
  controllers: [LiveController],
  providers: [LotRepository, LiveBiddingService, FeedPump, SocketFeedSink, { provide: FEED_SINK, useExisting: SocketFeedSink }, LiveGateway],
  exports: [LiveBiddingService, LotRepository],
})
export class LiveModule {}

/** The worker's side: the closer, and the feed through the Redis emitter. Domain worker modules import it for onEnd. */
@Module({
  providers: [LotRepository, LiveBiddingService, FeedPump, { provide: FEED_SINK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new EmitterFeedSink(config) }, LotCloser],
  exports: [LiveBiddingService, LotRepository],
})
export class LiveWorkerModule {}
