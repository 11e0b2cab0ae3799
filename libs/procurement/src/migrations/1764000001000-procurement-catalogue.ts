import { MigrationInterface, QueryRunner } from 'typeorm';

// 政府采购品目分类目录 (abridged, dotted): A goods, C services. The A07 branch is 医用耗材, whose products carry a
// registration certificate (注册证) and a packing unit.
const CATEGORIES: [code: string, zh: string, en: string][] = [
  ['A02', '通用设备', 'General equipment'],
  ['A02.01', '计算机设备及软件', 'Computers and software'],
  ['A02.01.01', '服务器', 'Servers'],
  ['A02.01.02', '台式计算机', 'Desktop computers'],
  ['A02.01.03', '便携式计算机', 'Laptops'],
  ['A02.01.04', '平板式计算机', 'Tablets'],
  ['A02.01.05', '网络设备', 'Network equipment'],
  ['A02.01.06', '存储设备', 'Storage'],
  ['A02.01.07', '显示器', 'Monitors'],
  ['A02.02', '办公设备', 'Office equipment'],
  ['A02.02.01', '复印机', 'Copiers'],
  ['A02.02.02', '投影仪', 'Projectors'],
  ['A02.02.03', '多功能一体机', 'Multifunction printers'],
  ['A02.02.04', '打印机', 'Printers'],
  ['A02.02.05', '扫描仪', 'Scanners'],
  ['A02.02.06', '碎纸机', 'Shredders'],
  ['A02.02.07', '速印机', 'Duplicators'],
  ['A02.03', '办公消耗用品', 'Office consumables'],
  ['A02.03.01', '硒鼓、粉盒', 'Toner cartridges'],
  ['A02.03.02', '墨盒', 'Ink cartridges'],
  ['A02.03.03', '复印纸', 'Copy paper'],
  ['A02.04', '电气设备', 'Electrical equipment'],
  ['A02.04.01', '空调机', 'Air conditioners'],
  ['A02.04.02', '电冰箱', 'Refrigerators'],
  ['A02.04.03', '电视机', 'Televisions'],
  ['A05', '家具用具', 'Furniture'],
  ['A05.01', '家具', 'Furniture'],
  ['A05.01.01', '床类', 'Beds'],
  ['A05.01.02', '台、桌类', 'Desks and tables'],
  ['A05.01.03', '椅凳类', 'Chairs and stools'],
  ['A05.01.04', '沙发类', 'Sofas'],
  ['A05.01.05', '柜类', 'Cabinets'],
  ['A05.01.06', '架类', 'Shelving'],
  ['A05.02', '被服装具', 'Bedding and uniforms'],
  ['A07', '医用耗材', 'Medical consumables'],
  ['A07.01', '注射穿刺类', 'Injection and puncture'],
  ['A07.01.01', '一次性使用无菌注射器', 'Sterile single-use syringes'],
  ['A07.01.02', '一次性使用输液器', 'Single-use infusion sets'],
  ['A07.01.03', '留置针', 'Indwelling needles'],
  ['A07.02', '医用敷料类', 'Dressings'],
  ['A07.02.01', '医用纱布', 'Medical gauze'],
  ['A07.02.02', '医用口罩', 'Medical masks'],
  ['A07.02.03', '医用外科手套', 'Surgical gloves'],
  ['A07.03', '血管介入类', 'Vascular intervention'],
  ['A07.03.01', '冠脉支架', 'Coronary stents'],
  ['A07.03.02', '球囊扩张导管', 'Balloon dilatation catheters'],
  ['A07.04', '体外诊断试剂', 'In-vitro diagnostic reagents'],
  ['A07.05', '骨科植入类', 'Orthopaedic implants'],
  ['C01', '信息技术服务', 'IT services'],
  ['C01.01', '软件开发服务', 'Software development'],
  ['C01.02', '信息系统集成实施服务', 'Systems integration'],
  ['C01.03', '运行维护服务', 'Operations and maintenance'],
  ['C02', '车辆维修和保养服务', 'Vehicle repair and servicing'],
  ['C02.01', '车辆维修保养', 'Vehicle servicing'],
  ['C02.02', '车辆加油服务', 'Vehicle refuelling'],
  ['C03', '印刷服务', 'Printing services'],
  ['C04', '物业管理服务', 'Property management'],
  ['C05', '会议服务', 'Conference services'],
];

export class ProcurementCatalogue1764000001000 implements MigrationInterface {
  name = 'ProcurementCatalogue1764000001000';

  async up(q: QueryRunner): Promise<void> {
    // Codes in byte order, so that a category and everything below it is one index range: [A02.02, A02.02/).
    await q.query(`
      CREATE TABLE procurement_category (
        code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z][0-9]{2}(\\.[0-9]{2}){0,3}$'),
        parent_code text COLLATE "C" REFERENCES procurement_category(code),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        medical_consumable boolean NOT NULL DEFAULT false
      )`);
    const codes = CATEGORIES.map((c) => c[0]);
    const parents = codes.map((c) => (c.includes('.') ? c.slice(0, c.lastIndexOf('.')) : null));
    await q.query(
      `INSERT INTO procurement_category (code, parent_code, name_zh, name_en, medical_consumable)
       SELECT code, parent, zh, en, code LIKE 'A07%' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, parent, zh, en)`,
      [codes, parents, CATEGORIES.map((c) => c[1]), CATEGORIES.map((c) => c[2])],
    );
    // 协议供货 (framework) / 定点采购 (designated): the centre records who signed for which branch, and until when.
    await q.query(`
      CREATE TABLE procurement_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_no text NOT NULL UNIQUE CHECK (length(agreement_no) BETWEEN 2 AND 60),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        category_code text COLLATE "C" NOT NULL REFERENCES procurement_category(code),
        kind text NOT NULL CHECK (kind IN ('framework','designated')),
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        recorded_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until >= valid_from)
      )`);
    await q.query(`CREATE INDEX procurement_agreement_supplier_idx ON procurement_agreement (organisation_id, category_code)`);
    // The search column holds the character unigrams and bigrams of the Chinese text and the latin words (built in
    // TS on write); search_text is the normalised text that confirms a longer phrase really is a substring.
    await q.query(`
      CREATE TABLE procurement_product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        category_code text COLLATE "C" NOT NULL REFERENCES procurement_category(code),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        brand text NOT NULL CHECK (length(brand) BETWEEN 1 AND 100),
        model text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
        specs text NOT NULL CHECK (length(specs) <= 4000),
        unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
        price_fen bigint NOT NULL CHECK (price_fen > 0),
        price_version int NOT NULL DEFAULT 1,
        stock int NOT NULL CHECK (stock >= 0),
        regions text[] NOT NULL CHECK (cardinality(regions) BETWEEN 1 AND 100),
        certificate_no text,
        certificate_valid_until date,
        packing_unit text,
        certificate_milestone_id uuid,
        status text NOT NULL DEFAULT 'on_sale' CHECK (status IN ('on_sale','off_sale')),
        off_sale_reason text CHECK (off_sale_reason IN ('supplier','certificate_expired')),
        reference_price_fen bigint CHECK (reference_price_fen > 0),
        reference_channel text,
        reference_recorded_at timestamptz,
        flagged boolean NOT NULL DEFAULT false,
        flag_reason text,
        flagged_at timestamptz,
        flag_cleared_note text,
        flag_cleared_at timestamptz,
        flag_cleared_by uuid REFERENCES account(id),
        search tsvector NOT NULL,
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((certificate_no IS NULL) = (certificate_valid_until IS NULL) AND (certificate_no IS NULL) = (packing_unit IS NULL)),
        CHECK ((status = 'off_sale') = (off_sale_reason IS NOT NULL)),
        CHECK (NOT flagged OR flag_reason IS NOT NULL)
      )`);
    // Search reads only products on sale: every index is partial on that.
    await q.query(`CREATE INDEX procurement_product_search_idx ON procurement_product USING gin (search) WHERE status = 'on_sale'`);
    await q.query(`CREATE INDEX procurement_product_category_idx ON procurement_product (category_code, price_fen) WHERE status = 'on_sale'`);
    await q.query(`CREATE INDEX procurement_product_price_idx ON procurement_product (price_fen, id) WHERE status = 'on_sale'`);
    await q.query(`CREATE INDEX procurement_product_regions_idx ON procurement_product USING gin (regions) WHERE status = 'on_sale'`);
    await q.query(`CREATE INDEX procurement_product_supplier_idx ON procurement_product (organisation_id, created_at DESC)`);
    await q.query(`CREATE INDEX procurement_product_flagged_idx ON procurement_product (flagged_at) WHERE flagged`);
    // Every price a product has had, in order (the current one included).
    await q.query(`
      CREATE TABLE product_price_version (
        product_id uuid NOT NULL REFERENCES procurement_product(id),
        version int NOT NULL CHECK (version >= 1),
        price_fen bigint NOT NULL CHECK (price_fen > 0),
        changed_by uuid REFERENCES account(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (product_id, version)
      )`);
    // A supplier's score from the purchasers' ratings: kept by the buying part, read by search.
    await q.query(`
      CREATE TABLE supplier_score (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        rating_avg numeric(3,2) NOT NULL DEFAULT 0 CHECK (rating_avg BETWEEN 0 AND 5),
        rating_count int NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supplier_score, product_price_version, procurement_product, procurement_agreement, procurement_category`);
  }
}
