import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { AgreementService } from './agreement.service';
import { AgreementQuery, ClearFlagDto, ListProductDto, ProductIdParam, ProductSearchQuery, RecordAgreementDto, ReferencePriceDto, UpdateProductDto } from './dto/catalogue.dto';
import { ProcurementAgreementView, ProcurementCategoryView, ProductSearchPage, PublicProductDetailView, ReviewedProductView, SupplierProductView } from './dto/catalogue.view';
import { ProductService } from './product.service';
import { ProductSearchService } from './search.service';

@ApiTags('procurement 政府采购电子卖场')
@Controller()
export class CatalogueController {
  constructor(
    private readonly agreements: AgreementService,
    private readonly products: ProductService,
    private readonly searcher: ProductSearchService,
  ) {}

  @Get('procurement/categories')
  @Public()
  @ApiOperation({ summary: '政府采购品目目录 / The procurement catalogue (code tree)' })
  @ApiOkResponse({ type: [ProcurementCategoryView] })
  categories(): Promise<ProcurementCategoryView[]> {
    return this.agreements.categories();
  }

  @Post('procurement/agreements')
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记框架协议(协议供货/定点采购)(交易中心)/ Record a framework agreement (centre)' })
  @ApiCreatedResponse({ type: ProcurementAgreementView })
  recordAgreement(@Body() dto: RecordAgreementDto, @CurrentActor() actor: Actor): Promise<ProcurementAgreementView> {
    return this.agreements.record(actor, dto);
  }

  @Get('procurement/agreements')
  @Public()
  @ApiOperation({ summary: '框架协议供应商名单(公开)/ Framework agreements (public)' })
  @ApiOkResponse({ type: [ProcurementAgreementView] })
  listAgreements(@Query() q: AgreementQuery): Promise<ProcurementAgreementView[]> {
    return this.agreements.list(q);
  }

  @Post('procurement/products')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '上架商品(须持有该品目有效框架协议)(供应商)/ List a product (supplier with a valid agreement)' })
  @ApiCreatedResponse({ type: SupplierProductView })
  list(@Body() dto: ListProductDto, @CurrentActor() actor: Actor): Promise<SupplierProductView> {
    return this.products.list(actor, dto);
  }

  @Get('procurement/products/mine')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '我的商品(供应商)/ My products (supplier)' })
  @ApiOkResponse({ type: [SupplierProductView] })
  mine(@CurrentActor() actor: Actor): Promise<SupplierProductView[]> {
    return this.products.mine(actor);
  }

  @Get('procurement/products/flagged')
  @Roles(Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '价格待复核商品(交易中心、监管)/ Products flagged for price review (centre, supervisors)' })
  @ApiOkResponse({ type: [ReviewedProductView] })
  flagged(@CurrentActor() actor: Actor): Promise<ReviewedProductView[]> {
    return this.products.flagged(actor);
  }

  @Patch('procurement/products/:id')
  @Roles(Role.Bidder)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改商品、调价、换证、上下架(供应商)/ Edit, reprice, renew the certificate, put on or off sale (supplier)' })
  @ApiOkResponse({ type: SupplierProductView })
  update(@Param() p: ProductIdParam, @Body() dto: UpdateProductDto, @CurrentActor() actor: Actor): Promise<SupplierProductView> {
    return this.products.update(actor, p.id, dto);
  }

  @Get('procurement/products/:id/prices')
  @Roles(Role.Bidder, Role.Centre, Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '价格版本(本供应商、交易中心、监管)/ Price versions (the supplier, centre, supervisors)' })
  prices(@Param() p: ProductIdParam, @CurrentActor() actor: Actor) {
    return this.products.priceVersions(actor, p.id);
  }

  @Post('procurement/products/:id/reference-price')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '登记参考价(其他渠道最低价)并复核售价(交易中心)/ Record the reference price and check the price (centre)' })
  @ApiOkResponse({ type: ReviewedProductView })
  reference(@Param() p: ProductIdParam, @Body() dto: ReferencePriceDto, @CurrentActor() actor: Actor): Promise<ReviewedProductView> {
    return this.products.recordReference(actor, p.id, dto);
  }

  @Post('procurement/products/:id/clear-flag')
  @HttpCode(200)
  @Roles(Role.Centre)
  @ApiBearerAuth()
  @ApiOperation({ summary: '复核后解除价格提示(交易中心)/ Clear a price flag with a note (centre)' })
  @ApiOkResponse({ type: ReviewedProductView })
  clearFlag(@Param() p: ProductIdParam, @Body() dto: ClearFlagDto, @CurrentActor() actor: Actor): Promise<ReviewedProductView> {
    return this.products.clearFlag(actor, p.id, dto.note);
  }

  @Get('public/procurement/products')
  @Public()
  @ApiOperation({ summary: '电子卖场商品搜索(公开)/ Search the e-mall (public)' })
  @ApiOkResponse({ type: ProductSearchPage })
  search(@Query() q: ProductSearchQuery): Promise<ProductSearchPage> {
    return this.searcher.search(q);
  }

  @Get('public/procurement/products/:id')
  @Public()
  @ApiOperation({ summary: '商品详情(公开,含是否在售)/ One product (public, with whether it is on sale)' })
  @ApiOkResponse({ type: PublicProductDetailView })
  product(@Param() p: ProductIdParam): Promise<PublicProductDetailView> {
    return this.searcher.product(p.id);
  }
}
