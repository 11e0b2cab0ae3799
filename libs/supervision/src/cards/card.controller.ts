import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { CardService } from './card.service';
import { CardCountQuery, CardCountView, CardListQuery, CardPage } from './dto/card.dto';

const READERS = [Role.Office, Role.Regulator, Role.Centre, Role.Owner, Role.Agent, Role.Bidder, Role.Expert];

@ApiTags('supervision 监督')
@ApiBearerAuth()
@Controller('supervision/cards')
export class CardController {
  constructor(private readonly cards: CardService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: '红黄牌列表(监管部门;本单位)/ Red and yellow cards (supervisors; one’s own)',
    description: '按单位、项目、颜色、月份、领域、环节筛选,最新在前,分页。管理办公室看全部,监管部门看本领域,交易各方只看针对本单位(专家:本人)的。By organisation, project, colour, month, domain and step, newest first, paged. The office sees all, a regulator its domain, trading parties only the cards against their own organisation (an expert: against itself).',
  })
  @ApiOkResponse({ type: CardPage })
  list(@Query() q: CardListQuery, @CurrentActor() actor: Actor): Promise<CardPage> {
    return this.cards.list(actor, q);
  }

  @Get('counts')
  @Roles(...READERS)
  @ApiOperation({
    summary: '按单位和月份统计红黄牌 / Cards counted per organisation and month',
    description: '每个被亮牌方(单位、专家或交易中心)每月的黄牌、红牌数。Yellow and red cards per carded party (organisation, expert or the centre) and month.',
  })
  @ApiOkResponse({ type: [CardCountView] })
  counts(@Query() q: CardCountQuery, @CurrentActor() actor: Actor): Promise<CardCountView[]> {
    return this.cards.counts(actor, q);
  }
}
