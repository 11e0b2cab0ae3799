import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { Money } from '@app/platform/money/money';
import { CatalogueRepository } from './catalogue.repository';
import { ProductSearchQuery } from './dto/catalogue.dto';
import { ProcurementErrors } from '../procurement-errors';
import { PublicProductDetailView, publicProductDetailView, ProductSearchPage, publicProductView } from './dto/catalogue.view';
import { regionAndAncestors } from './rules/regions';
import { queryTokens } from './rules/search-tokens';

/** The public product search (no login): products on sale only. */
@Injectable()
export class ProductSearchService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async search(q: ProductSearchQuery, em: EntityManager = this.txr.dataSource.manager): Promise<ProductSearchPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { lexemes, phrases } = queryTokens(q.q ?? '');
    const { rows, total, exact } = await this.catalogue.search(em, {
      lexemes,
      phrases,
      categoryCode: q.category ?? null,
      minPriceFen: q.minPrice === undefined ? null : Money.fromYuan(q.minPrice).fen,
      maxPriceFen: q.maxPrice === undefined ? null : Money.fromYuan(q.maxPrice).fen,
      regions: q.region ? regionAndAncestors(q.region) : null,
      brand: q.brand?.trim() ? q.brand.trim().toLowerCase() : null,
      supplierId: q.supplierId ?? null,
      certificateValidThrough: q.certificateValidThrough ?? null,
      sort: q.sort ?? 'price',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: rows.map(publicProductView), total, totalExact: exact, page, pageSize };
  }

  /** One product's public view, on sale or off: what a purchaser's cart re-reads before ordering. */
  async product(id: string): Promise<PublicProductDetailView> {
    const p = await this.catalogue.product(this.txr.dataSource.manager, id);
    if (!p) throw ProcurementErrors.PRODUCT_NOT_FOUND({ id });
    return publicProductDetailView(p);
  }
}
