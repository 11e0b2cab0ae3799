import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { EventsQuery, LotIdParam, PlaceBidDto } from './dto/bid.dto';
import { BidAnswerView, PaddleView, PublicLotView } from './dto/lot.view';
import { LiveBiddingService } from './live-bidding.service';
import { LotEvent } from './lot.repository';
import { ProjectWrite } from '../gate/project-write.decorator';

@ApiTags('live bidding 网上竞价(挂牌/限时竞价)')
@Controller()
export class LiveController {
  constructor(private readonly live: LiveBiddingService) {}

  @ProjectWrite('lot')
  @Post('lots/:id/bids')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '出价(持竞买号的竞买人;服务器时间为准;同一 clientKey 只算一次)/ Bid (a paddle holder; server time decides; one bid per client key)' })
  @ApiCreatedResponse({ type: BidAnswerView })
  bid(@Param() p: LotIdParam, @Body() dto: PlaceBidDto, @CurrentActor() actor: Actor): Promise<BidAnswerView> {
    return this.live.bid(actor, p.id, dto.price, dto.clientKey);
  }

  @Get('lots/:id/me')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的竞买号 / My paddle number' })
  @ApiOkResponse({ type: PaddleView })
  me(@Param() p: LotIdParam, @CurrentActor() actor: Actor): Promise<PaddleView> {
    return this.live.myPaddle(actor, p.id);
  }

  @Get('lots/:id/bidders')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '竞买号对应的竞买人(交易中心:结束后;监管:随时)/ Who held which paddle (centre after the end; supervisors always)' })
  bidders(@Param() p: LotIdParam, @CurrentActor() actor: Actor) {
    return this.live.bidders(actor, p.id);
  }

  @Get('public/lots/:id')
  @Public()
  @ApiOperation({ summary: '竞价实况:当前价、下一有效价、倒计时截止、服务器时间(公开,仅竞买号)/ A lot live: price, next valid price, end, server time (public, paddles only)' })
  @ApiOkResponse({ type: PublicLotView })
  lot(@Param() p: LotIdParam): Promise<PublicLotView> {
    return this.live.publicLot(p.id);
  }

  @Get('public/lots/:id/events')
  @Public()
  @ApiOperation({ summary: '竞价事件(断线重连时取 after 之后的全部)/ A lot’s events after a sequence (for reconnecting watchers)' })
  events(@Param() p: LotIdParam, @Query() q: EventsQuery): Promise<LotEvent[]> {
    return this.live.events(p.id, q.after ?? 0);
  }
}
