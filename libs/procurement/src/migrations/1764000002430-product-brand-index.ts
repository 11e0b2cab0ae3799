import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's brand filter (`lower(brand) = $1`) on products on sale, in price order as the default sort wants.
 * Partial on sale like the search's other indexes; the supplier filter uses `procurement_product_supplier_idx`.
 */
export class ProductBrandIndex1764000002430 implements MigrationInterface {
  name = 'ProductBrandIndex1764000002430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX procurement_product_brand_idx ON procurement_product (lower(brand), price_fen) WHERE status = 'on_sale'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX procurement_product_brand_idx`);
  }
}
