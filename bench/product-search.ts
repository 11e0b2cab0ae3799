/**
 * The e-mall's public product search on 100,000 products: generated Chinese names, brands, models and specs across
 * the catalogue, tokenised by the same code as the service (Han unigrams + bigrams, latin words), in a fresh
 * database; then p50/p99 of ProductSearchService.search for a mix of keyword, filter, sort and page queries.
 * Usage: npm run build && node dist/bench/product-search.js [products=100000] [rounds=40]
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { CatalogueRepository } from '../libs/procurement/src/catalogue/catalogue.repository';
import { ProductSearchQuery } from '../libs/procurement/src/catalogue/dto/catalogue.dto';
import { documentTokens, searchText } from '../libs/procurement/src/catalogue/rules/search-tokens';
import { ProductSearchService } from '../libs/procurement/src/catalogue/search.service';
import { withFreshDatabase } from './support/fresh-database';
import { result, sizeArg } from './support/report';
import { summarise } from './support/stats';

const products = sizeArg(0, 100_000, 20_000);
const rounds = sizeArg(1, 40, 10);
const SUPPLIERS = 300;
const BATCH = 5000;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
};

// A deterministic generator, so that runs compare.
let seed = 20261124;
const rand = () => {
  // mulberry32
  let x = (seed = (seed + 0x6d2b79f5) | 0);
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

interface Kind {
  code: string;
  names: string[];
  brands: string[];
  specs: string[][];
  unit: string;
  price: [number, number];
  consumable?: boolean;
}

const KINDS: Kind[] = [
  { code: 'A02.02.04', names: ['黑白激光打印机', '彩色激光打印机', '喷墨打印机', '针式打印机', '标签打印机'], brands: ['惠普', '佳能', '兄弟', '爱普生', '得力', '奔图', '联想', '理光'], specs: [['A4 幅面', 'A3 幅面'], ['20 页/分钟', '30 页/分钟', '40 页/分钟'], ['自动双面', '手动双面'], ['USB 2.0', '有线网络', '无线 WiFi']], unit: '台', price: [600, 12000] },
  { code: 'A02.01.02', names: ['台式计算机', '商用台式机', '一体机电脑'], brands: ['联想', '华为', '戴尔', '惠普', '清华同方', '长城', '浪潮'], specs: [['Intel i5-12500', 'Intel i7-12700', '龙芯 3A6000', '飞腾 D2000', '兆芯 KX-6000'], ['8G 内存', '16G 内存', '32G 内存'], ['512G SSD', '1T SSD', '256G SSD + 1T HDD'], ['23.8 英寸显示器', '27 英寸显示器', '不含显示器'], ['Windows 11', '统信 UOS', '麒麟 V10']], unit: '台', price: [3500, 12000] },
  { code: 'A02.01.03', names: ['笔记本电脑', '轻薄笔记本', '商用笔记本', '国产化笔记本'], brands: ['联想', '华为', '戴尔', '惠普', '宏碁', '华硕'], specs: [['14 英寸', '15.6 英寸', '13.3 英寸'], ['i5-1340P', 'i7-1360P', '锐龙 R7'], ['16G', '32G'], ['512G SSD', '1T SSD']], unit: '台', price: [4000, 15000] },
  { code: 'A02.02.01', names: ['数码复合机', '黑白复印机', '彩色复印机'], brands: ['理光', '柯尼卡美能达', '夏普', '京瓷', '东芝', '佳能'], specs: [['A3 幅面'], ['25 页/分钟', '35 页/分钟', '45 页/分钟'], ['输稿器', '双纸盒', '四纸盒'], ['复印/打印/扫描']], unit: '台', price: [8000, 60000] },
  { code: 'A02.02.02', names: ['商务投影仪', '激光投影机', '高清投影仪', '教育投影机'], brands: ['爱普生', '明基', '索尼', 'NEC', '极米', '坚果'], specs: [['3600 流明', '4500 流明', '6000 流明'], ['1080P', '4K', 'WXGA'], ['HDMI', '无线投屏']], unit: '台', price: [2500, 40000] },
  { code: 'A02.03.03', names: ['A4复印纸', 'A3复印纸', '多功能复印纸'], brands: ['得力', '晨光', '亚太森博', '金光', '齐心', '百旺'], specs: [['70g', '80g'], ['500 张/包', '5 包/箱', '8 包/箱']], unit: '箱', price: [80, 260] },
  { code: 'A02.04.01', names: ['壁挂式空调', '柜式空调', '变频空调', '中央空调室内机'], brands: ['格力', '美的', '海尔', '海信', '大金', '奥克斯'], specs: [['1.5 匹', '2 匹', '3 匹', '5 匹'], ['一级能效', '三级能效'], ['冷暖', '单冷'], ['含安装']], unit: '台', price: [2200, 30000] },
  { code: 'A05.01.02', names: ['办公桌', '会议桌', '职员办公桌', '钢木办公桌', '班台'], brands: ['圣奥', '震旦', '美时', '冠美', '迪欧', '华盛'], specs: [['1400×700×750mm', '1600×800×760mm', '1800×900×760mm', '3600×1500×760mm'], ['E1 级板材', '实木贴皮', '钢制框架'], ['含主机位', '含活动柜']], unit: '张', price: [600, 9000] },
  { code: 'A05.01.03', names: ['办公椅', '会议椅', '人体工学椅', '培训椅', '职员椅'], brands: ['圣奥', '震旦', '美时', '永艺', '西昊', '黑白调'], specs: [['网布', '真皮', 'PU 皮'], ['升降', '固定'], ['带扶手', '无扶手'], ['五星脚', '弓形脚']], unit: '把', price: [150, 4000] },
  { code: 'A05.01.05', names: ['文件柜', '钢制文件柜', '保密柜', '更衣柜', '档案密集架'], brands: ['圣奥', '震旦', '冠美', '华盛', '得力'], specs: [['1850×900×390mm', '2000×850×400mm'], ['0.8mm 冷轧钢板', '1.0mm 冷轧钢板'], ['电子密码锁', '机械锁']], unit: '组', price: [500, 8000] },
  { code: 'A07.01.01', names: ['一次性使用无菌注射器', '无菌注射器 带针', '胰岛素注射器'], brands: ['威高', '康德莱', '洪达', '双鸽', '碧迪'], specs: [['1ml', '2ml', '5ml', '10ml', '20ml'], ['0.45×16RWLB', '0.6×25TWLB', '0.7×32TWLB'], ['中心锥头', '偏心锥头']], unit: '支', price: [0.2, 3], consumable: true },
  { code: 'A07.01.02', names: ['一次性使用输液器', '精密过滤输液器', '避光输液器'], brands: ['威高', '康德莱', '洪达', '双鸽', '费森尤斯'], specs: [['带针', '不带针'], ['5μm 过滤', '3μm 过滤'], ['重力式']], unit: '套', price: [0.8, 25], consumable: true },
  { code: 'A07.02.02', names: ['医用外科口罩', '医用防护口罩', '一次性使用医用口罩'], brands: ['稳健', '振德', '3M', '奥美', '蓝帆'], specs: [['YY 0469', 'GB 19083', 'YY/T 0969'], ['挂耳式', '头戴式'], ['独立包装', '50 只/盒']], unit: '只', price: [0.3, 8], consumable: true },
];
const REGIONS = ['350000', '350100', '350102', '350103', '350104', '350105', '350111', '350200', '350203', '350206', '350300', '350400', '350500', '350600', '350700', '350800', '350900'];

async function generate(ds: DataSource): Promise<void> {
  const t0 = performance.now();
  const orgs = rowsIds(
    await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone)
      SELECT '福建省第' || i || '供应链有限公司', '91350100' || lpad(i::text, 10, '0'), '张三', '李四', '13800000000' FROM generate_series(1, ${SUPPLIERS}) i RETURNING id`),
  );
  await ds.query(`INSERT INTO supplier_score (organisation_id, rating_avg, rating_count) SELECT id, round((3 + random() * 2)::numeric, 2), (random() * 200)::int FROM organisation`);
  for (let start = 0; start < products; start += BATCH) {
    const cols: Record<string, unknown[]> = { org: [], cat: [], name: [], brand: [], model: [], specs: [], unit: [], price: [], stock: [], regions: [], cert: [], until: [], pack: [], status: [], tokens: [], text: [] };
    for (let i = start; i < Math.min(products, start + BATCH); i++) {
      const k = pick(KINDS);
      const brand = pick(k.brands);
      const name = `${brand} ${pick(k.names)}`;
      const model = `${String.fromCharCode(65 + int(0, 25))}${String.fromCharCode(65 + int(0, 25))}-${int(100, 9999)}${pick(['', 'A', 'DN', 'Pro', 'Plus'])}`;
      const specs = k.specs.map((opts) => pick(opts)).join(',');
      const yuan = k.price[0] + rand() * (k.price[1] - k.price[0]);
      const regions = [...new Set(Array.from({ length: int(1, 3) }, () => pick(REGIONS)))];
      cols.org.push(pick(orgs));
      cols.cat.push(k.code);
      cols.name.push(name);
      cols.brand.push(brand);
      cols.model.push(model);
      cols.specs.push(specs);
      cols.unit.push(k.unit);
      cols.price.push(String(Math.max(1, Math.round(yuan * 100))));
      cols.stock.push(int(0, 5000));
      cols.regions.push(`{${regions.join(',')}}`);
      cols.cert.push(k.consumable ? `国械注准${int(2019, 2025)}${int(2, 3)}${String(int(0, 999999)).padStart(6, '0')}`.slice(0, 15) : null);
      cols.until.push(k.consumable ? `${int(2027, 2031)}-06-30` : null);
      cols.pack.push(k.consumable ? pick(['盒(100 支)', '箱(50 盒)', '袋(10 只)']) : null);
      cols.status.push(rand() < 0.05 ? 'off_sale' : 'on_sale');
      cols.tokens.push(documentTokens(name, brand, model, specs).join(' '));
      cols.text.push(searchText(name, brand, model, specs));
    }
    await ds.query(
      `INSERT INTO procurement_product (organisation_id, category_code, name, brand, model, specs, unit, price_fen, stock, regions, certificate_no, certificate_valid_until,
         packing_unit, status, off_sale_reason, search, search_text)
       SELECT org, cat, name, brand, model, specs, unit, price, stock, regions::text[], cert, until, pack, status, CASE WHEN status = 'off_sale' THEN 'supplier' END,
              array_to_tsvector(string_to_array(tokens, ' ')), text
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::int[], $10::text[], $11::text[], $12::date[], $13::text[],
                   $14::text[], $15::text[], $16::text[])
         AS t(org, cat, name, brand, model, specs, unit, price, stock, regions, cert, until, pack, status, tokens, text)`,
      Object.values(cols),
    );
  }
  await ds.query(`INSERT INTO product_price_version (product_id, version, price_fen) SELECT id, 1, price_fen FROM procurement_product`);
  await ds.query(`VACUUM ANALYZE`);
  console.log(`catalogue: ${products} products (5 % off sale) from ${SUPPLIERS} suppliers in ${KINDS.length} categories, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const rowsIds = (rows: { id: string }[]) => rows.map((r) => r.id);

const QUERIES: [label: string, q: ProductSearchQuery][] = [
  ['q=打印机', { q: '打印机' }],
  ['q=激光打印机 sort=-price', { q: '激光打印机', sort: '-price' }],
  ['q=联想 笔记本', { q: '联想 笔记本' }],
  ['q=注射器 region=350102', { q: '注射器', region: '350102' }],
  ['q=格力 空调 sort=rating', { q: '格力 空调', sort: 'rating' }],
  ['q=办公椅 price 200–800', { q: '办公椅', minPrice: '200.00', maxPrice: '800.00' }],
  ['q=A4', { q: 'A4' }],
  ['q=投影 category=A02.02 page=5', { q: '投影', category: 'A02.02', page: 5 }],
  ['q=口罩 category=A07', { q: '口罩', category: 'A07' }],
  ['category=A05 sort=price', { category: 'A05' }],
  ['category=A02.01 region=350200 sort=rating', { category: 'A02.01', region: '350200', sort: 'rating' }],
  ['no filter page=20', { page: 20 }],
  ['q=飞腾 (rare)', { q: '飞腾' }],
];

async function main(): Promise<void> {
  await withFreshDatabase('search', async (url) => {
    const ds = new DataSource(dataSourceOptions(url, { entities: [] }));
    await ds.initialize();
    try {
      await generate(ds);
      const service = new ProductSearchService(undefined as never, new CatalogueRepository());
      for (const [, q] of QUERIES) await service.search(q, ds.manager); // warm the caches once
      const all: number[] = [];
      const per = new Map<string, number[]>();
      const totals = new Map<string, number>();
      for (let r = 0; r < rounds; r++) {
        for (const [label, q] of QUERIES) {
          const t0 = performance.now();
          const page = await service.search(q, ds.manager);
          const ms = performance.now() - t0;
          all.push(ms);
          (per.get(label) ?? per.set(label, []).get(label)!).push(ms);
          totals.set(label, page.total);
        }
      }
      for (const [label] of QUERIES) console.log(`  ${label.padEnd(44)} ${String(totals.get(label)).padStart(6)} hits  ${summary(per.get(label)!)}`);
      console.log(`search, ${all.length} queries (${QUERIES.length} kinds × ${rounds}), one client: ${summary(all)}`);
      // The floor: one trivial round trip on the same connection pool, as often.
      const bare: number[] = [];
      for (let i = 0; i < all.length; i++) {
        const t0 = performance.now();
        await ds.query('SELECT 1');
        bare.push(performance.now() - t0);
      }
      console.log(`bare round trip (SELECT 1), ${bare.length} times: ${summary(bare)}`);
      const s = summarise(all);
      result({
        bench: 'product-search',
        metric: `e-mall product search p99, ${products.toLocaleString('en')} products`,
        value: s.p99,
        unit: 'ms',
        limit: { what: 'bare SELECT 1 round trip, p99', value: summarise(bare).p99, unit: 'ms' },
        note: `p50 ${s.p50.toFixed(1)} ms; ${QUERIES.length} query kinds × ${rounds}, service call without HTTP`,
      });
    } finally {
      await ds.destroy();
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
