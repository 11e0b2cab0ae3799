import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { AgreementRow, CategoryRow, ProductRow } from '../catalogue.types';

const yuan = (fen: string | null) => (fen === null ? null : Money.ofFen(fen).toYuan());

export class ProcurementCategoryView {
  @ApiProperty({ description: '品目代码 / code', example: 'A02.02.04' }) code!: string;
  @ApiProperty({ description: '上级品目 / parent', nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty({ description: '名称 / name (zh)' }) nameZh!: string;
  @ApiProperty({ description: '名称 / name (en)' }) nameEn!: string;
  @ApiProperty({ description: '是否医用耗材(须注册证)/ medical consumable (needs a certificate)' }) medicalConsumable!: boolean;
}

export const categoryView = (c: CategoryRow): ProcurementCategoryView => ({ ...c });

export class ProcurementAgreementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '协议编号 / agreement number' }) agreementNo!: string;
  @ApiProperty({ format: 'uuid', description: '供应商单位 / supplier' }) organisationId!: string;
  @ApiProperty({ description: '供应商名称 / supplier name' }) organisationName!: string;
  @ApiProperty({ description: '品目代码 / category' }) categoryCode!: string;
  @ApiProperty({ description: '品目名称 / category name' }) categoryName!: string;
  @ApiProperty({ description: '协议供货或定点采购 / framework or designated', enum: ['framework', 'designated'] }) kind!: string;
  @ApiProperty({ description: '有效期起 / valid from' }) validFrom!: string;
  @ApiProperty({ description: '有效期止 / valid until' }) validUntil!: string;
  @ApiProperty({ description: '今日是否有效(北京时间)/ valid today (Beijing time)' }) valid!: boolean;
}

export const agreementView = (a: AgreementRow, today: string): ProcurementAgreementView => ({
  id: a.id,
  agreementNo: a.agreementNo,
  organisationId: a.organisationId,
  organisationName: a.organisationName,
  categoryCode: a.categoryCode,
  categoryName: a.categoryName,
  kind: a.kind,
  validFrom: a.validFrom,
  validUntil: a.validUntil,
  valid: a.validFrom <= today && today <= a.validUntil,
});

/** What anyone sees of a product on sale. */
export class PublicProductView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '品目代码 / category' }) categoryCode!: string;
  @ApiProperty({ description: '品目名称 / category name' }) categoryName!: string;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '品牌 / brand' }) brand!: string;
  @ApiProperty({ description: '型号 / model' }) model!: string;
  @ApiProperty({ description: '规格 / specs' }) specs!: string;
  @ApiProperty({ description: '单位 / unit' }) unit!: string;
  @ApiProperty({ description: '单价(元)/ price (yuan)' }) price!: string;
  @ApiProperty({ description: '库存 / stock' }) stock!: number;
  @ApiProperty({ description: '供货区域 / delivery regions', type: [String] }) regions!: string[];
  @ApiProperty({ nullable: true, description: '注册证号 / certificate no.', type: String }) certificateNo!: string | null;
  @ApiProperty({ nullable: true, description: '注册证有效期至 / certificate valid until', type: String }) certificateValidUntil!: string | null;
  @ApiProperty({ nullable: true, description: '包装单位 / packing unit', type: String }) packingUnit!: string | null;
  @ApiProperty({ format: 'uuid', description: '供应商 / supplier' }) supplierId!: string;
  @ApiProperty({ description: '供应商名称 / supplier name' }) supplierName!: string;
  @ApiProperty({ nullable: true, description: '供应商评分(1-5)/ supplier rating', type: String }) rating!: string | null;
  @ApiProperty({ description: '评价数 / ratings' }) ratingCount!: number;
}

export const publicProductView = (p: ProductRow): PublicProductView => ({
  id: p.id,
  categoryCode: p.categoryCode,
  categoryName: p.categoryName,
  name: p.name,
  brand: p.brand,
  model: p.model,
  specs: p.specs,
  unit: p.unit,
  price: Money.ofFen(p.priceFen).toYuan(),
  stock: p.stock,
  regions: p.regions,
  certificateNo: p.certificateNo,
  certificateValidUntil: p.certificateValidUntil,
  packingUnit: p.packingUnit,
  supplierId: p.organisationId,
  supplierName: p.organisationName,
  rating: p.ratingCount ? p.ratingAvg : null,
  ratingCount: p.ratingCount ?? 0,
});

/** One product as anyone sees it, on sale or not (a cart or a comparison re-reads the current price and state). */
export class PublicProductDetailView extends PublicProductView {
  @ApiProperty({ description: '是否在售(下架的商品不能下单)/ on sale (an off-sale product cannot be ordered)' }) onSale!: boolean;
}

export const publicProductDetailView = (p: ProductRow): PublicProductDetailView => ({ ...publicProductView(p), onSale: p.status === 'on_sale' });

/** The supplier's own view: the public one plus status and price version. */
export class SupplierProductView extends PublicProductView {
  @ApiProperty({ description: '状态:在售/下架 / on sale or off sale', enum: ['on_sale', 'off_sale'] }) status!: string;
  @ApiProperty({ nullable: true, description: '下架原因:供应商下架/注册证过期 / why off sale', enum: ['supplier', 'certificate_expired'] }) offSaleReason!: string | null;
  @ApiProperty({ description: '价格版本 / price version' }) priceVersion!: number;
  @ApiProperty({ description: '上架时间 / listed at' }) createdAt!: Date;
  @ApiProperty({ description: '更新时间 / updated at' }) updatedAt!: Date;
}

export const supplierProductView = (p: ProductRow): SupplierProductView => ({
  ...publicProductView(p),
  status: p.status,
  offSaleReason: p.offSaleReason,
  priceVersion: p.priceVersion,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** The centre's and supervisors' view: the reference price and the review flag besides. */
export class ReviewedProductView extends SupplierProductView {
  @ApiProperty({ nullable: true, description: '参考价(元)/ reference price (yuan)', type: String }) referencePrice!: string | null;
  @ApiProperty({ nullable: true, description: '参考价来源 / reference channel', type: String }) referenceChannel!: string | null;
  @ApiProperty({ description: '价格待复核 / flagged for review' }) flagged!: boolean;
  @ApiProperty({ nullable: true, description: '提示原因 / why flagged', type: String }) flagReason!: string | null;
  @ApiProperty({ nullable: true, description: '提示时间 / flagged at', type: String, format: 'date-time' }) flaggedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '复核意见 / the centre’s note when it cleared the flag', type: String }) flagClearedNote!: string | null;
}

export const reviewedProductView = (p: ProductRow): ReviewedProductView => ({
  ...supplierProductView(p),
  referencePrice: yuan(p.referencePriceFen),
  referenceChannel: p.referenceChannel,
  flagged: p.flagged,
  flagReason: p.flagReason,
  flaggedAt: p.flaggedAt,
  flagClearedNote: p.flagClearedNote,
});

export class ProductSearchPage {
  @ApiProperty({ type: [PublicProductView], description: '本页商品 / products on this page' }) items!: PublicProductView[];
  @ApiProperty({ description: '符合条件的总数(超过 10000 时为下限)/ total matching (a lower bound past 10,000)' }) total!: number;
  @ApiProperty({ description: '总数是否精确 / whether the total is exact' }) totalExact!: boolean;
  @ApiProperty({ description: '页码 / page' }) page!: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize!: number;
}
