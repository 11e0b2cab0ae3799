import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectWrite } from '@app/trading';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { BudgetService } from './budget.service';
import { BudgetLineQuery, CreateBudgetLineDto, DeliverDto, DirectPurchaseDto, OrderIdParam, OrganisationIdParam, PaymentDto, RatingDto, RejectDto, RatingReplyDto } from './dto/buying.dto';
import { BudgetLineView, OrderView, OverdueStepView, RatingView, SupplierRatingsView } from './dto/buying.view';
import { OrderService } from './order.service';
import { RatingService } from './rating.service';

@ApiTags('procurement 政府采购电子卖场')
@Controller()
export class BuyingController {
  constructor(
    private readonly budgets: BudgetService,
    private readonly orders: OrderService,
    private readonly ratings: RatingService,
  ) {}

  @Post('procurement/budget-lines')
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记本单位预算指标(采购人)/ Register a budget line of your organisation (purchaser)' })
  @ApiCreatedResponse({ type: BudgetLineView })
  registerBudget(@Body() dto: CreateBudgetLineDto, @CurrentActor() actor: Actor): Promise<BudgetLineView> {
    return this.budgets.register(actor, dto);
  }

  @Get('procurement/budget-lines')
  @Roles(Role.Owner, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '预算指标及余额(采购人看本单位,监管看全部)/ Budget lines and what remains (purchaser: its own; supervisors: all)' })
  @ApiOkResponse({ type: [BudgetLineView] })
  budgetLines(@Query() q: BudgetLineQuery, @CurrentActor() actor: Actor): Promise<BudgetLineView[]> {
    return this.budgets.list(actor, q.organisationId);
  }

  @Post('procurement/orders/direct')
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '直购下单(采购人;不超过直购上限,占用预算)/ Direct purchase (purchaser; within the threshold and the budget)' })
  @ApiCreatedResponse({ type: OrderView })
  direct(@Body() dto: DirectPurchaseDto, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.directPurchase(actor, dto);
  }

  @Get('procurement/orders/mine')
  @Roles(Role.Owner, Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的订单(采购人或供应商)/ My orders (purchaser or supplier)' })
  @ApiOkResponse({ type: [OrderView] })
  mine(@CurrentActor() actor: Actor): Promise<OrderView[]> {
    return this.orders.mine(actor);
  }

  @Get('procurement/orders/overdue')
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '超期及预警的订单环节(管理办公室、政府采购监管)/ Order steps past due or past the warning share (office, procurement regulator)' })
  @ApiOkResponse({ type: [OverdueStepView] })
  overdue(@CurrentActor() actor: Actor): Promise<OverdueStepView[]> {
    return this.orders.overdue(actor);
  }

  @Get('procurement/orders/:id')
  @Roles(Role.Owner, Role.Bidder, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '订单详情(当事双方、交易中心、监管)/ An order (its parties, the centre, supervisors)' })
  @ApiOkResponse({ type: OrderView })
  get(@Param() p: OrderIdParam, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.get(actor, p.id);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/confirm')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '确认订单(供应商,规则时限内)/ Confirm the order (supplier, within the time limit)' })
  @ApiOkResponse({ type: OrderView })
  confirm(@Param() p: OrderIdParam, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.confirm(actor, p.id);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/deliver')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '发货并登记送货单(供应商)/ Deliver with a delivery note (supplier)' })
  @ApiOkResponse({ type: OrderView })
  deliver(@Param() p: OrderIdParam, @Body() dto: DeliverDto, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.deliver(actor, p.id, dto.note);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/accept')
  @HttpCode(200)
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '履约验收合格(采购人)/ Accept the delivery (purchaser, 验收)' })
  @ApiOkResponse({ type: OrderView })
  accept(@Param() p: OrderIdParam, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.accept(actor, p.id);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/reject')
  @HttpCode(200)
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '验收不合格并说明理由,释放预算(采购人)/ Reject at acceptance with reasons; the budget is released (purchaser)' })
  @ApiOkResponse({ type: OrderView })
  reject(@Param() p: OrderIdParam, @Body() dto: RejectDto, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.reject(actor, p.id, dto.reasons);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/payment')
  @HttpCode(200)
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记支付(采购人,验收后规则时限内)/ Record the payment (purchaser, within the time limit after acceptance)' })
  @ApiOkResponse({ type: OrderView })
  pay(@Param() p: OrderIdParam, @Body() dto: PaymentDto, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.pay(actor, p.id, dto);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '供应商超期未确认时取消订单,释放预算(采购人)/ Cancel an order left unconfirmed past its time limit; the budget is released (purchaser)' })
  @ApiOkResponse({ type: OrderView })
  cancel(@Param() p: OrderIdParam, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.orders.cancel(actor, p.id);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/rating')
  @Roles(Role.Owner)
  @ApiBearerAuth()
  @ApiOperation({ summary: '验收后评价供应商,每单一次(采购人)/ Rate the supplier once per accepted order (purchaser)' })
  @ApiCreatedResponse({ type: RatingView })
  rate(@Param() p: OrderIdParam, @Body() dto: RatingDto, @CurrentActor() actor: Actor): Promise<RatingView> {
    return this.ratings.rate(actor, p.id, dto);
  }

  @ProjectWrite('procurement-order')
  @Post('procurement/orders/:id/rating/reply')
  @HttpCode(200)
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '回复评价,仅一次(供应商)/ Reply to the rating, once (supplier)' })
  @ApiOkResponse({ type: RatingView })
  reply(@Param() p: OrderIdParam, @Body() dto: RatingReplyDto, @CurrentActor() actor: Actor): Promise<RatingView> {
    return this.ratings.reply(actor, p.id, dto.reply);
  }

  @Get('public/procurement/suppliers/:organisationId/ratings')
  @Public()
  @ApiOperation({ summary: '供应商评分与评价(公开,显示采购单位)/ A supplier’s score and ratings (public, purchasers named)' })
  @ApiOkResponse({ type: SupplierRatingsView })
  supplierRatings(@Param() p: OrganisationIdParam): Promise<SupplierRatingsView> {
    return this.ratings.ofSupplier(p.organisationId);
  }
}
