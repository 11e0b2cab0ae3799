import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '@app/platform/database/rows';
import { AgreementRow, CategoryRow, ProductFields, ProductRow, SearchFilter } from './catalogue.types';
import { tsqueryOf } from './rules/search-tokens';

const AGREEMENT = `
  SELECT a.id, a.agreement_no AS "agreementNo", a.organisation_id AS "organisationId", o.name AS "organisationName", a.category_code AS "categoryCode",
         c.name_zh AS "categoryName", a.kind, a.valid_from::text AS "validFrom", a.valid_until::text AS "validUntil", a.created_at AS "createdAt"
  FROM procurement_agreement a JOIN organisation o ON o.id = a.organisation_id JOIN procurement_category c ON c.code = a.category_code`;

const PRODUCT_COLUMNS = `
  p.id, p.organisation_id AS "organisationId", o.name AS "organisationName", p.category_code AS "categoryCode", c.name_zh AS "categoryName",
  c.medical_consumable AS "medicalConsumable", p.name, p.brand, p.model, p.specs, p.unit, p.price_fen::text AS "priceFen", p.price_version AS "priceVersion",
  p.stock, p.regions, p.certificate_no AS "certificateNo", p.certificate_valid_until::text AS "certificateValidUntil", p.packing_unit AS "packingUnit",
  p.certificate_milestone_id AS "certificateMilestoneId", p.status, p.off_sale_reason AS "offSaleReason", p.reference_price_fen::text AS "referencePriceFen",
  p.reference_channel AS "referenceChannel", p.reference_recorded_at AS "referenceRecordedAt", p.flagged, p.flag_reason AS "flagReason", p.flagged_at AS "flaggedAt",
  p.flag_cleared_note AS "flagClearedNote", p.flag_cleared_at AS "flagClearedAt", s.rating_avg::text AS "ratingAvg", s.rating_count AS "ratingCount",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const PRODUCT_FROM = `
  FROM procurement_product p JOIN organisation o ON o.id = p.organisation_id JOIN procurement_category c ON c.code = p.category_code
  LEFT JOIN supplier_score s ON s.organisation_id = p.organisation_id`;

const PRODUCT = `SELECT ${PRODUCT_COLUMNS} ${PRODUCT_FROM}`;

/** A page tells the exact total below this many matches, and "at least this many" above it. */
export const COUNT_CAP = 10_000;

const ORDER: Record<SearchFilter['sort'], string> = {
  price: 'p.price_fen ASC, p.id',
  '-price': 'p.price_fen DESC, p.id',
  rating: 's.rating_avg DESC NULLS LAST, p.price_fen ASC, p.id',
};

/** Every query on categories, framework agreements, products and their prices. */
@Injectable()
export class CatalogueRepository {
  async categories(em: EntityManager): Promise<CategoryRow[]> {
    return rowsOf<CategoryRow>(
      await em.query(`SELECT code, parent_code AS "parentCode", name_zh AS "nameZh", name_en AS "nameEn", medical_consumable AS "medicalConsumable" FROM procurement_category ORDER BY code`),
    );
  }

  async category(em: EntityManager, code: string): Promise<CategoryRow | undefined> {
    const [row] = rowsOf<CategoryRow>(
      await em.query(`SELECT code, parent_code AS "parentCode", name_zh AS "nameZh", name_en AS "nameEn", medical_consumable AS "medicalConsumable" FROM procurement_category WHERE code = $1`, [code]),
    );
    return row;
  }

  async organisationExists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM organisation WHERE id = $1`, [id])).length > 0;
  }

  async insertAgreement(
    em: EntityManager,
    a: { agreementNo: string; organisationId: string; categoryCode: string; kind: string; validFrom: string; validUntil: string; accountId: string | null },
  ): Promise<string | undefined> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO procurement_agreement (agreement_no, organisation_id, category_code, kind, valid_from, valid_until, recorded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (agreement_no) DO NOTHING RETURNING id`,
        [a.agreementNo, a.organisationId, a.categoryCode, a.kind, a.validFrom, a.validUntil, a.accountId],
      ),
    );
    return row?.id;
  }

  async agreement(em: EntityManager, id: string): Promise<AgreementRow | undefined> {
    const [row] = rowsOf<AgreementRow>(await em.query(`${AGREEMENT} WHERE a.id = $1`, [id]));
    return row;
  }

  async agreements(em: EntityManager, f: { organisationId: string | null; categoryCode: string | null }): Promise<AgreementRow[]> {
    return rowsOf<AgreementRow>(
      await em.query(
        `${AGREEMENT} WHERE ($1::uuid IS NULL OR a.organisation_id = $1) AND ($2::text IS NULL OR a.category_code >= $2 AND a.category_code < $2 || '/')
         ORDER BY a.category_code, o.name, a.valid_from LIMIT 500`,
        [f.organisationId, f.categoryCode],
      ),
    );
  }

  /** An agreement valid on `day` for this category or one of its ancestors (an agreement for A02.02 covers A02.02.04). */
  async hasValidAgreement(em: EntityManager, organisationId: string, categoryCode: string, day: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM procurement_agreement
       WHERE organisation_id = $1 AND ($2 = category_code OR $2 LIKE category_code || '.%') AND valid_from <= $3::date AND valid_until >= $3::date LIMIT 1`,
      [organisationId, categoryCode, day],
    );
    return rows.length > 0;
  }

  async insertProduct(em: EntityManager, p: ProductFields & { organisationId: string; categoryCode: string; search: string[]; searchText: string; accountId: string | null }): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await em.query(
        `INSERT INTO procurement_product (organisation_id, category_code, name, brand, model, specs, unit, price_fen, stock, regions, certificate_no, certificate_valid_until,
           packing_unit, search, search_text)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,array_to_tsvector($14::text[]),$15) RETURNING id`,
        [p.organisationId, p.categoryCode, p.name, p.brand, p.model, p.specs, p.unit, p.priceFen.toString(), p.stock, p.regions, p.certificateNo, p.certificateValidUntil, p.packingUnit, p.search, p.searchText],
      ),
    );
    await em.query(`INSERT INTO product_price_version (product_id, version, price_fen, changed_by) VALUES ($1, 1, $2, $3)`, [row.id, p.priceFen.toString(), p.accountId]);
    return row.id;
  }

  async product(em: EntityManager, id: string, lock = false): Promise<ProductRow | undefined> {
    const [row] = rowsOf<ProductRow>(await em.query(`${PRODUCT} WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [id]));
    return row;
  }

  /** Several products locked at once, in id order (two firings locking overlapping sets never deadlock). */
  async productsForUpdate(em: EntityManager, ids: string[]): Promise<ProductRow[]> {
    return rowsOf<ProductRow>(await em.query(`${PRODUCT} WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE OF p`, [ids]));
  }

  async productsOf(em: EntityManager, organisationId: string): Promise<ProductRow[]> {
    return rowsOf<ProductRow>(await em.query(`${PRODUCT} WHERE p.organisation_id = $1 ORDER BY p.created_at DESC LIMIT 1000`, [organisationId]));
  }

  async flagged(em: EntityManager): Promise<ProductRow[]> {
    return rowsOf<ProductRow>(await em.query(`${PRODUCT} WHERE p.flagged ORDER BY p.flagged_at LIMIT 1000`));
  }

  async updateFields(em: EntityManager, id: string, p: ProductFields & { search: string[]; searchText: string }): Promise<void> {
    await em.query(
      `UPDATE procurement_product SET name = $2, brand = $3, model = $4, specs = $5, unit = $6, stock = $7, regions = $8, certificate_no = $9,
         certificate_valid_until = $10, packing_unit = $11, search = array_to_tsvector($12::text[]), search_text = $13, updated_at = now() WHERE id = $1`,
      [id, p.name, p.brand, p.model, p.specs, p.unit, p.stock, p.regions, p.certificateNo, p.certificateValidUntil, p.packingUnit, p.search, p.searchText],
    );
  }

  /** A new price is a new version row; the product keeps the current one. */
  async changePrice(em: EntityManager, id: string, priceFen: bigint, accountId: string | null): Promise<number> {
    const [row] = rowsOf<{ version: number }>(
      await em.query(`UPDATE procurement_product SET price_fen = $2, price_version = price_version + 1, updated_at = now() WHERE id = $1 RETURNING price_version AS version`, [id, priceFen.toString()]),
    );
    await em.query(`INSERT INTO product_price_version (product_id, version, price_fen, changed_by) VALUES ($1, $2, $3, $4)`, [id, row.version, priceFen.toString(), accountId]);
    return row.version;
  }

  async priceVersions(em: EntityManager, id: string): Promise<{ version: number; priceFen: string; changedAt: Date }[]> {
    return rowsOf(await em.query(`SELECT version, price_fen::text AS "priceFen", changed_at AS "changedAt" FROM product_price_version WHERE product_id = $1 ORDER BY version`, [id]));
  }

  async setCertificateMilestone(em: EntityManager, id: string, milestoneId: string | null): Promise<void> {
    await em.query(`UPDATE procurement_product SET certificate_milestone_id = $2 WHERE id = $1`, [id, milestoneId]);
  }

  async setStatus(em: EntityManager, id: string, status: 'on_sale' | 'off_sale', reason: 'supplier' | 'certificate_expired' | null): Promise<void> {
    await em.query(`UPDATE procurement_product SET status = $2, off_sale_reason = $3, updated_at = now() WHERE id = $1`, [id, status, reason]);
  }

  async setStatusMany(em: EntityManager, ids: string[], status: 'on_sale' | 'off_sale', reason: 'supplier' | 'certificate_expired' | null): Promise<void> {
    await em.query(`UPDATE procurement_product SET status = $2, off_sale_reason = $3, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids, status, reason]);
  }

  async setReference(em: EntityManager, id: string, referenceFen: bigint, channel: string): Promise<void> {
    await em.query(`UPDATE procurement_product SET reference_price_fen = $2, reference_channel = $3, reference_recorded_at = now(), updated_at = now() WHERE id = $1`, [
      id,
      referenceFen.toString(),
      channel,
    ]);
  }

  /** Raising a flag keeps an earlier one's time; passing the check lowers it. */
  async setFlag(em: EntityManager, id: string, reason: string | null): Promise<void> {
    if (reason === null) {
      await em.query(`UPDATE procurement_product SET flagged = false, flag_reason = NULL, flagged_at = NULL WHERE id = $1`, [id]);
    } else {
      await em.query(
        `UPDATE procurement_product SET flagged = true, flag_reason = $2, flagged_at = CASE WHEN flagged THEN flagged_at ELSE now() END,
           flag_cleared_note = NULL, flag_cleared_at = NULL, flag_cleared_by = NULL WHERE id = $1`,
        [id, reason],
      );
    }
  }

  async clearFlag(em: EntityManager, id: string, note: string, accountId: string | null): Promise<void> {
    await em.query(
      `UPDATE procurement_product SET flagged = false, flag_reason = NULL, flagged_at = NULL, flag_cleared_note = $2, flag_cleared_at = now(), flag_cleared_by = $3, updated_at = now() WHERE id = $1`,
      [id, note, accountId],
    );
  }

  async milestoneStatus(em: EntityManager, id: string): Promise<string | undefined> {
    const [row] = rowsOf<{ status: string }>(await em.query(`SELECT status FROM milestone WHERE id = $1`, [id]));
    return row?.status;
  }

  /** A renewed certificate's number and date travel with the rescheduled milestone, for its handler's re-check. */
  async setMilestonePayload(em: EntityManager, id: string, payload: Record<string, unknown>): Promise<void> {
    await em.query(`UPDATE milestone SET payload = $2 WHERE id = $1`, [id, JSON.stringify(payload)]);
  }

  /**
   * The public search: products on sale, an AND of the query's lexemes on the GIN index, a phrase check on the
   * candidates, a category subtree as one C-collated range, a price range, the delivery regions, a brand, a supplier and
   * a certificate still valid on a given day.
   */
  async search(em: EntityManager, f: SearchFilter): Promise<{ rows: ProductRow[]; total: number; exact: boolean }> {
    const params: unknown[] = [];
    const where = [`p.status = 'on_sale'`];
    const add = (value: unknown) => `$${params.push(value)}`;
    if (f.lexemes.length) where.push(`p.search @@ ${add(tsqueryOf(f.lexemes))}::tsquery`);
    for (const phrase of f.phrases) where.push(`strpos(p.search_text, ${add(phrase)}) > 0`);
    if (f.categoryCode) {
      const code = add(f.categoryCode);
      where.push(`p.category_code >= ${code} AND p.category_code < ${code} || '/'`);
    }
    if (f.minPriceFen !== null) where.push(`p.price_fen >= ${add(f.minPriceFen.toString())}`);
    if (f.maxPriceFen !== null) where.push(`p.price_fen <= ${add(f.maxPriceFen.toString())}`);
    if (f.regions) where.push(`p.regions && ${add(f.regions)}::text[]`);
    if (f.brand !== null) where.push(`lower(p.brand) = ${add(f.brand)}`);
    if (f.supplierId !== null) where.push(`p.organisation_id = ${add(f.supplierId)}::uuid`);
    if (f.certificateValidThrough !== null) where.push(`p.certificate_valid_until >= ${add(f.certificateValidThrough)}::date`);
    const filter = where.join(' AND ');
    const n = params.length;
    // The page is chosen on the product table alone (and the score for the rating sort); the joins run for its rows only.
    const rows = rowsOf<ProductRow>(
      await em.query(
        `WITH page AS (
           SELECT p.id, row_number() OVER () AS pos FROM (
             SELECT p.id FROM procurement_product p LEFT JOIN supplier_score s ON s.organisation_id = p.organisation_id
             WHERE ${filter} ORDER BY ${ORDER[f.sort]} LIMIT $${n + 1} OFFSET $${n + 2}) p)
         SELECT ${PRODUCT_COLUMNS} FROM page JOIN procurement_product p ON p.id = page.id JOIN organisation o ON o.id = p.organisation_id
           JOIN procurement_category c ON c.code = p.category_code LEFT JOIN supplier_score s ON s.organisation_id = p.organisation_id
         ORDER BY page.pos`,
        [...params, f.limit, f.offset],
      ),
    );
    // Counting every match of a broad query costs more than the page; past COUNT_CAP the total is a lower bound.
    const [{ total }] = rowsOf<{ total: number }>(
      await em.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM procurement_product p WHERE ${filter} LIMIT ${COUNT_CAP}) m`, params),
    );
    return { rows, total, exact: total < COUNT_CAP };
  }
}
