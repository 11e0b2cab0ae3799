import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role, TradingDomain } from '@app/platform/auth/roles';
import { Clock } from '@app/platform/clock/clock';
import { Tx, TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneService } from '@app/platform/milestones/milestone.service';
import { Money } from '@app/platform/money/money';
import { ProcurementRules } from '@app/platform/rules/defaults';
import { RuleSetService } from '@app/platform/rules/rule-set.service';
import { ProcurementErrors } from '../procurement-errors';
import { operates, supervises, supplierOf } from './catalogue-access';
import { CatalogueRepository } from './catalogue.repository';
import { CategoryRow, ProductFields, ProductRow } from './catalogue.types';
import { ListProductDto, ReferencePriceDto, UpdateProductDto } from './dto/catalogue.dto';
import { ReviewedProductView, reviewedProductView, SupplierProductView, supplierProductView } from './dto/catalogue.view';
import { certificateExpiresAt, certificateValid, isCertificateNo, shanghaiDate } from './rules/certificate';
import { checkPrice, PriceCheck } from './rules/price-flag';
import { documentTokens, searchText } from './rules/search-tokens';

export const PRODUCT_SUBJECT = 'procurement_product';
export const CERTIFICATE_EXPIRY_KIND = 'procurement.certificate_expiry';

const CERTIFICATE_FIELDS = ['certificateNo', 'certificateValidUntil', 'packingUnit'] as const;

/** A supplier's products (上架/修改/下架), the centre's reference prices and price review, and certificate expiry. */
@Injectable()
export class ProductService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly milestones: MilestoneService,
    private readonly rules: RuleSetService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, dto: ListProductDto): Promise<SupplierProductView> {
    const organisationId = supplierOf(actor);
    if (!organisationId) throw ProcurementErrors.NOT_A_SUPPLIER();
    const priceFen = positivePrice(dto.price);
    return this.txr.run(async (tx) => {
      const category = await this.catalogue.category(tx.em, dto.categoryCode);
      if (!category) throw ProcurementErrors.CATEGORY_NOT_FOUND({ code: dto.categoryCode });
      const fields: ProductFields = {
        name: dto.name,
        brand: dto.brand,
        model: dto.model,
        specs: dto.specs,
        unit: dto.unit,
        priceFen,
        stock: dto.stock,
        regions: [...new Set(dto.regions)],
        certificateNo: dto.certificateNo ?? null,
        certificateValidUntil: dto.certificateValidUntil ?? null,
        packingUnit: dto.packingUnit ?? null,
      };
      checkCertificateFields(category, fields);
      const today = shanghaiDate(await this.clock.dbNow(tx.em));
      if (!(await this.catalogue.hasValidAgreement(tx.em, organisationId, category.code, today))) throw ProcurementErrors.NO_AGREEMENT({ categoryCode: category.code });
      if (fields.certificateValidUntil && !certificateValid(fields.certificateValidUntil, await this.clock.dbNow(tx.em))) {
        throw ProcurementErrors.CERTIFICATE_EXPIRED({ certificateValidUntil: fields.certificateValidUntil });
      }
      const id = await this.catalogue.insertProduct(tx.em, { ...fields, ...indexed(fields), organisationId, categoryCode: category.code, accountId: actor.accountId });
      const milestoneId = fields.certificateValidUntil ? await this.scheduleExpiry(tx, id, fields, null, actor) : null;
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'procurement.product_listed',
        subject: { type: PRODUCT_SUBJECT, id },
        payload: { ...auditFields(fields), categoryCode: category.code, priceVersion: 1, certificateMilestoneId: milestoneId },
      });
      return supplierProductView((await this.catalogue.product(tx.em, id))!);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateProductDto): Promise<SupplierProductView> {
    const organisationId = supplierOf(actor);
    if (!organisationId) throw ProcurementErrors.NOT_A_SUPPLIER();
    const newPriceFen = dto.price === undefined ? null : positivePrice(dto.price);
    return this.txr.run(async (tx) => {
      const p = await this.catalogue.product(tx.em, id, true);
      if (!p || p.organisationId !== organisationId) throw ProcurementErrors.PRODUCT_NOT_FOUND({ id });
      const before = fieldsOf(p);
      const after: ProductFields = {
        name: dto.name ?? before.name,
        brand: dto.brand ?? before.brand,
        model: dto.model ?? before.model,
        specs: dto.specs ?? before.specs,
        unit: dto.unit ?? before.unit,
        priceFen: newPriceFen ?? before.priceFen,
        stock: dto.stock ?? before.stock,
        regions: dto.regions ? [...new Set(dto.regions)] : before.regions,
        certificateNo: dto.certificateNo ?? before.certificateNo,
        certificateValidUntil: dto.certificateValidUntil ?? before.certificateValidUntil,
        packingUnit: dto.packingUnit ?? before.packingUnit,
      };
      const category = { code: p.categoryCode, medicalConsumable: p.medicalConsumable } as CategoryRow;
      if (!p.medicalConsumable && CERTIFICATE_FIELDS.some((f) => dto[f] !== undefined)) throw ProcurementErrors.CERTIFICATE_NOT_APPLICABLE({ categoryCode: p.categoryCode });
      checkCertificateFields(category, after);
      const now = await this.clock.dbNow(tx.em);
      const status = dto.onSale === undefined ? p.status : dto.onSale ? 'on_sale' : 'off_sale';
      if (status === 'on_sale' && p.status === 'off_sale' && !(await this.catalogue.hasValidAgreement(tx.em, organisationId, p.categoryCode, shanghaiDate(now)))) {
        throw ProcurementErrors.NO_AGREEMENT({ categoryCode: p.categoryCode });
      }
      // Taken off sale by the expiry milestone: only a renewed certificate puts it back.
      const expiredBefore = p.offSaleReason === 'certificate_expired' && after.certificateValidUntil === before.certificateValidUntil;
      if (status === 'on_sale' && after.certificateValidUntil && (expiredBefore || !certificateValid(after.certificateValidUntil, now))) {
        throw ProcurementErrors.CERTIFICATE_EXPIRED({ certificateValidUntil: after.certificateValidUntil });
      }

      await this.catalogue.updateFields(tx.em, id, { ...after, ...indexed(after) });
      let priceVersion = p.priceVersion;
      let check: PriceCheck | null = null;
      if (after.priceFen !== before.priceFen) {
        priceVersion = await this.catalogue.changePrice(tx.em, id, after.priceFen, actor.accountId);
        check = await this.checkFlag(tx, id, after.priceFen, p.referencePriceFen === null ? null : BigInt(p.referencePriceFen));
      }
      if (status !== p.status) await this.catalogue.setStatus(tx.em, id, status, status === 'off_sale' ? 'supplier' : null);
      let milestoneId = p.certificateMilestoneId;
      if (after.certificateValidUntil !== before.certificateValidUntil || after.certificateNo !== before.certificateNo) {
        milestoneId = await this.scheduleExpiry(tx, id, after, p.certificateMilestoneId, actor);
      }
      await this.audit.append(tx.em, {
        actor,
        role: Role.Bidder,
        action: 'procurement.product_updated',
        subject: { type: PRODUCT_SUBJECT, id },
        payload: {
          changed: Object.keys(dto).sort(),
          ...auditFields(after),
          priceVersion,
          status,
          flagged: check?.flagged ?? null,
          certificateMilestoneId: milestoneId,
        },
      });
      return supplierProductView((await this.catalogue.product(tx.em, id))!);
    });
  }

  async mine(actor: Actor): Promise<SupplierProductView[]> {
    const organisationId = supplierOf(actor);
    if (!organisationId) throw ProcurementErrors.NOT_A_SUPPLIER();
    return (await this.catalogue.productsOf(this.txr.dataSource.manager, organisationId)).map(supplierProductView);
  }

  async priceVersions(actor: Actor, id: string): Promise<{ version: number; price: string; changedAt: Date }[]> {
    const em = this.txr.dataSource.manager;
    const p = await this.catalogue.product(em, id);
    if (!p || !(operates(actor) || supervises(actor) || supplierOf(actor) === p.organisationId)) throw ProcurementErrors.PRODUCT_NOT_FOUND({ id });
    return (await this.catalogue.priceVersions(em, id)).map((v) => ({ version: v.version, price: Money.ofFen(v.priceFen).toYuan(), changedAt: v.changedAt }));
  }

  /** The centre records the lowest price of the product's other channels; the price is checked against it at once. */
  async recordReference(actor: Actor, id: string, dto: ReferencePriceDto): Promise<ReviewedProductView> {
    const referenceFen = Money.fromYuan(dto.price).fen;
    if (referenceFen <= 0n) throw ProcurementErrors.REFERENCE_PRICE_INVALID({ price: dto.price });
    return this.txr.run(async (tx) => {
      const p = await this.catalogue.product(tx.em, id, true);
      if (!p) throw ProcurementErrors.PRODUCT_NOT_FOUND({ id });
      await this.catalogue.setReference(tx.em, id, referenceFen, dto.channel);
      const check = (await this.checkFlag(tx, id, BigInt(p.priceFen), referenceFen))!;
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'procurement.reference_recorded',
        subject: { type: PRODUCT_SUBJECT, id },
        payload: { referenceFen: referenceFen.toString(), channel: dto.channel, priceFen: p.priceFen, limitFen: check.limitFen.toString(), flagged: check.flagged },
      });
      return reviewedProductView((await this.catalogue.product(tx.em, id))!);
    });
  }

  async flagged(actor: Actor): Promise<ReviewedProductView[]> {
    if (!operates(actor) && !supervises(actor)) throw ProcurementErrors.NOT_YOUR_DOMAIN();
    return (await this.catalogue.flagged(this.txr.dataSource.manager)).map(reviewedProductView);
  }

  async clearFlag(actor: Actor, id: string, note: string): Promise<ReviewedProductView> {
    return this.txr.run(async (tx) => {
      const p = await this.catalogue.product(tx.em, id, true);
      if (!p) throw ProcurementErrors.PRODUCT_NOT_FOUND({ id });
      if (!p.flagged) throw ProcurementErrors.FLAG_NOT_SET({ id });
      await this.catalogue.clearFlag(tx.em, id, note, actor.accountId);
      await this.audit.append(tx.em, {
        actor,
        role: Role.Centre,
        action: 'procurement.flag_cleared',
        subject: { type: PRODUCT_SUBJECT, id },
        payload: { note, flagReason: p.flagReason, priceFen: p.priceFen, referenceFen: p.referencePriceFen },
      });
      return reviewedProductView((await this.catalogue.product(tx.em, id))!);
    });
  }

  private async checkFlag(tx: Tx, id: string, priceFen: bigint, referenceFen: bigint | null): Promise<PriceCheck | null> {
    // The e-mall is not a project: no rule snapshot to read, so the rules in force at the moment of the check decide.
    const rules = (await this.rules.inForce(tx.em, TradingDomain.Procurement, false)).params as unknown as ProcurementRules;
    const check = checkPrice(priceFen, referenceFen, rules.numbers.priceToleranceBp);
    if (check) await this.catalogue.setFlag(tx.em, id, check.reason);
    return check;
  }

  /** The first schedule, or a renewal: the pending milestone moves; one already fired (product off sale) is replaced. */
  private async scheduleExpiry(tx: Tx, id: string, f: ProductFields, currentId: string | null, actor: Actor): Promise<string> {
    const dueAt = certificateExpiresAt(f.certificateValidUntil!);
    const payload = { productId: id, certificateNo: f.certificateNo, certificateValidUntil: f.certificateValidUntil };
    if (currentId && (await this.catalogue.milestoneStatus(tx.em, currentId)) === 'pending') {
      await this.catalogue.setMilestonePayload(tx.em, currentId, payload);
      await this.milestones.reschedule(tx, currentId, dueAt, actor);
      return currentId;
    }
    const m = await this.milestones.schedule(tx, { kind: CERTIFICATE_EXPIRY_KIND, subjectType: PRODUCT_SUBJECT, subjectId: id, dueAt, payload }, actor);
    await this.catalogue.setCertificateMilestone(tx.em, id, m.id);
    return m.id;
  }
}

function positivePrice(yuan: string): bigint {
  const fen = Money.fromYuan(yuan).fen;
  if (fen <= 0n) throw ProcurementErrors.PRODUCT_INVALID({ reason: 'the price must be positive' });
  return fen;
}

/** 医用耗材 need all three certificate fields; any other category none of them. */
function checkCertificateFields(category: Pick<CategoryRow, 'code' | 'medicalConsumable'>, f: ProductFields): void {
  const given = CERTIFICATE_FIELDS.filter((k) => f[k] !== null);
  if (!category.medicalConsumable) {
    if (given.length) throw ProcurementErrors.CERTIFICATE_NOT_APPLICABLE({ categoryCode: category.code, fields: given });
    return;
  }
  if (given.length < CERTIFICATE_FIELDS.length) throw ProcurementErrors.CERTIFICATE_REQUIRED({ categoryCode: category.code, missing: CERTIFICATE_FIELDS.filter((k) => f[k] === null) });
  if (!isCertificateNo(f.certificateNo!)) throw ProcurementErrors.PRODUCT_INVALID({ reason: 'certificateNo must look like 国械注准20193140123' });
}

function fieldsOf(p: ProductRow): ProductFields {
  return {
    name: p.name,
    brand: p.brand,
    model: p.model,
    specs: p.specs,
    unit: p.unit,
    priceFen: BigInt(p.priceFen),
    stock: p.stock,
    regions: p.regions,
    certificateNo: p.certificateNo,
    certificateValidUntil: p.certificateValidUntil,
    packingUnit: p.packingUnit,
  };
}

const indexed = (f: ProductFields) => ({ search: documentTokens(f.name, f.brand, f.model, f.specs), searchText: searchText(f.name, f.brand, f.model, f.specs) });

const auditFields = (f: ProductFields) => ({ ...f, priceFen: f.priceFen.toString() });
