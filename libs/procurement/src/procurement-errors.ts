import { defineErrors, ErrorSpec } from '@app/platform/errors/domain-error';

// One catalogue of error codes for the e-mall. Each part keeps its codes in a block of its own below and adds
// the block to the spread at the end, so that the three parts never edit the same lines.

// catalogue: suppliers, framework agreements, products, reference prices, certificates
const CATALOGUE = {
  CATEGORY_NOT_FOUND: { status: 404, zh: '采购品目不存在', en: 'Category not found' },
  SUPPLIER_NOT_FOUND: { status: 404, zh: '供应商单位不存在', en: 'Supplier organisation not found' },
  AGREEMENT_INVALID: { status: 422, zh: '框架协议信息不符合要求(有效期起不得晚于止)', en: 'The agreement is not valid (it must start no later than it ends)' },
  AGREEMENT_DUPLICATE: { status: 409, zh: '协议编号已存在', en: 'An agreement with this number exists already' },
  NO_AGREEMENT: { status: 403, zh: '您的单位未与该品目签订有效的框架协议,不能上架商品', en: 'Your organisation holds no valid framework agreement for this category' },
  NOT_A_SUPPLIER: { status: 403, zh: '只有供应商单位的账号可以操作商品', en: 'Only an account of a supplier organisation may do this' },
  PRODUCT_NOT_FOUND: { status: 404, zh: '商品不存在', en: 'Product not found' },
  PRODUCT_INVALID: { status: 422, zh: '商品信息不符合要求', en: 'The product’s details are not valid' },
  CERTIFICATE_REQUIRED: { status: 422, zh: '医用耗材须填写医疗器械注册证号、注册证有效期和包装单位', en: 'A medical consumable needs its registration certificate number, validity date and packing unit' },
  CERTIFICATE_NOT_APPLICABLE: { status: 422, zh: '非医用耗材品目不填写注册证号、注册证有效期和包装单位', en: 'Only medical consumables carry a registration certificate and packing unit' },
  CERTIFICATE_EXPIRED: { status: 422, zh: '医疗器械注册证已过有效期,不能上架', en: 'The registration certificate has expired; the product may not be on sale' },
  REFERENCE_PRICE_INVALID: { status: 422, zh: '参考价须为正数,以元计,最多两位小数', en: 'The reference price must be positive yuan with at most 2 decimals' },
  FLAG_NOT_SET: { status: 409, zh: '该商品没有待复核的价格提示', en: 'The product is not flagged' },
  NOT_YOUR_DOMAIN: { status: 403, zh: '只有政府采购行业监管部门可以查看', en: 'Only the procurement regulator may see this' },
} satisfies Record<string, ErrorSpec>;

export const ProcurementErrors = defineErrors({
  ...CATALOGUE,
});
