import { useMemo, useState } from 'react';
import { App, AutoComplete, Button, Card, Checkbox, Col, DatePicker, Form, Grid, Input, List, Rate, Row, Select, Space, Table, Tag, Tooltip, TreeSelect } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { Agreement, MallProduct, ProductSearchPage } from '../../../api/mall-types';
import { Category } from '../../../api/workspace-types';
import { typedMoneyRule } from '../../../components/actions';
import { Loaded, useLoad } from '../../../components/states';
import { beijingDay, yuan } from '../../../format';
import { typedYuan } from '../../../money-words';
import { certificateState, MAX_COMPARE, toFen } from '../../mall/cart';
import { REGION_OPTIONS, regionName } from '../../mall/regions';

export interface SearchFilters {
  q?: string;
  category?: string;
  brand?: string;
  supplierId?: string;
  minPrice?: string;
  maxPrice?: string;
  region?: string;
  certificateValidThrough?: string;
  sort: 'price' | '-price' | 'rating';
}

interface FilterForm {
  q?: string;
  category?: string;
  brand?: string;
  supplierId?: string;
  minPrice?: string;
  maxPrice?: string;
  region?: string;
  certificateValidThrough?: Dayjs | null;
  sort: SearchFilters['sort'];
}

/** The category code tree as TreeSelect nodes; consumables (注册证) say so. */
function categoryTree(categories: Category[]) {
  type Node = { value: string; title: string; children: Node[] };
  const nodes = new Map<string, Node>(categories.map((c) => [c.code, { value: c.code, title: `${c.code} ${c.nameZh}${c.medicalConsumable && !c.parentCode ? '(须注册证)' : ''}`, children: [] }]));
  const roots: Node[] = [];
  for (const c of categories) (c.parentCode && nodes.get(c.parentCode) ? nodes.get(c.parentCode)!.children : roots).push(nodes.get(c.code)!);
  return roots;
}

/** A certificate as the purchaser reads it: number, last valid day, and a warning colour when it runs out soon. */
export function CertificateCell({ p }: { p: Pick<MallProduct, 'certificateNo' | 'certificateValidUntil' | 'packingUnit'> }) {
  const s = certificateState(p.certificateValidUntil, beijingDay());
  if (!s || !p.certificateNo) return <span className="muted">—</span>;
  return (
    <span>
      <span className="mono">{p.certificateNo}</span>
      <div className={s.state === 'valid' ? 'muted' : `mall-cert-${s.state}`}>
        有效期至 {p.certificateValidUntil}
        {s.state === 'expiring' && `(${s.daysLeft} 天后到期)`}
        {s.state === 'expired' && '(已过期)'}
      </div>
    </span>
  );
}

function Supplier({ p }: { p: MallProduct }) {
  return (
    <>
      {p.supplierName}
      <div className="muted">{p.rating ? <><Rate disabled allowHalf value={Math.round(Number(p.rating) * 2) / 2} style={{ fontSize: 11 }} /> {p.rating}({p.ratingCount})</> : '暂无评价'}</div>
    </>
  );
}

/**
 * 商品目录: the public search (`GET /public/procurement/products`) with every filter it takes, server paging, and two
 * actions per product: compare (at most four) and add to the cart.
 */
export function Catalogue({ compare, onCompare, onAdd }: { compare: MallProduct[]; onCompare: (p: MallProduct) => void; onAdd: (p: MallProduct) => void }) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<SearchFilters>({ sort: 'price' });
  const [page, setPage] = useState(1);
  const [brandsSeen, setBrandsSeen] = useState<string[]>([]);
  const categories = useLoad(() => api.get<Category[]>('/procurement/categories'), []);
  // The mall's suppliers are the holders of framework agreements (a public list).
  const agreements = useLoad(() => api.get<Agreement[]>('/procurement/agreements'), []);
  const suppliers = useMemo(() => {
    const byId = new Map<string, string>();
    for (const a of agreements.data ?? []) if (a.valid) byId.set(a.organisationId, a.organisationName);
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [agreements.data]);
  const results = useLoad(async () => {
    const query: Record<string, string | number> = { page, pageSize: 10 };
    for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
    const r = await api.get<ProductSearchPage>('/public/procurement/products', query);
    setBrandsSeen((seen) => [...new Set([...seen, ...r.items.map((p) => p.brand)])].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    return r;
  }, [filters, page]);

  const search = (v: FilterForm) => {
    const minPrice = v.minPrice ? typedYuan(v.minPrice) ?? undefined : undefined;
    const maxPrice = v.maxPrice ? typedYuan(v.maxPrice) ?? undefined : undefined;
    setFilters({
      q: v.q?.trim() || undefined,
      category: v.category || undefined,
      brand: v.brand?.trim() || undefined,
      supplierId: v.supplierId || undefined,
      minPrice,
      maxPrice,
      region: v.region || undefined,
      certificateValidThrough: v.certificateValidThrough ? v.certificateValidThrough.format('YYYY-MM-DD') : undefined,
      sort: v.sort,
    });
    setPage(1);
  };

  const inCompare = (p: MallProduct) => compare.some((c) => c.id === p.id);
  const compareBox = (p: MallProduct) => (
    <Checkbox
      checked={inCompare(p)}
      data-testid={`compare-${p.id}`}
      onChange={() => {
        if (!inCompare(p) && compare.length >= MAX_COMPARE) message.warning(`最多同时对比 ${MAX_COMPARE} 件商品`);
        onCompare(p);
      }}
    >
      对比
    </Checkbox>
  );
  const addButton = (p: MallProduct) => (
    <Button size="small" type="primary" icon={<ShoppingCartOutlined />} data-testid={`add-cart-${p.id}`} onClick={() => (onAdd(p), message.success(`已加入购物车:${p.name}`))}>
      加入购物车
    </Button>
  );

  return (
    <>
      <Form<FilterForm> form={form} layout="vertical" className="mall-filters" initialValues={{ sort: 'price' }} onFinish={search} data-testid="catalogue-filters">
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="名称、品牌、型号、参数,如:激光打印机" data-testid="filter-q" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label="品目">
              <TreeSelect allowClear showSearch treeNodeFilterProp="title" placeholder="全部品目" loading={categories.loading} treeData={categoryTree(categories.data ?? [])} data-testid="filter-category" popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="brand" label="品牌">
              <AutoComplete allowClear placeholder="如:惠普" options={brandsSeen.map((b) => ({ value: b }))} filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())} data-testid="filter-brand" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="sort" label="排序">
              <Select options={[{ value: 'price', label: '价格从低到高' }, { value: '-price', label: '价格从高到低' }, { value: 'rating', label: '供应商评分' }]} data-testid="filter-sort" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="supplierId" label="供应商(协议供货)">
              <Select allowClear showSearch optionFilterProp="label" placeholder="全部供应商" options={suppliers} loading={agreements.loading} data-testid="filter-supplier" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="minPrice" label="最低价(元)" rules={[typedMoneyRule]}>
              <Input allowClear placeholder="如 500" data-testid="filter-min" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="maxPrice"
              label="最高价(元)"
              dependencies={['minPrice']}
              rules={[
                typedMoneyRule,
                ({ getFieldValue }) => ({
                  validator: async (_, v?: string) => {
                    const lo = typedYuan(getFieldValue('minPrice'));
                    const hi = typedYuan(v);
                    if (lo && hi && toFen(lo)! > toFen(hi)!) throw new Error('最高价不能低于最低价');
                  },
                }),
              ]}
            >
              <Input allowClear placeholder="如 3,000" data-testid="filter-max" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="region" label="送达地区">
              <Select allowClear showSearch optionFilterProp="label" placeholder="不限" options={REGION_OPTIONS} data-testid="filter-region" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="certificateValidThrough" label={<Tooltip title="医用耗材的医疗器械注册证有效期至少到该日;选择后只显示医用耗材">注册证有效至少到</Tooltip>}>
              <DatePicker style={{ width: '100%' }} placeholder="医用耗材" data-testid="filter-cert" />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" htmlType="submit" data-testid="filter-submit">搜索</Button>
          <Button onClick={() => (form.resetFields(), search({ sort: 'price' }))}>重置</Button>
        </Space>
      </Form>

      <Loaded state={results} empty={(r) => !r.items.length} emptyText="没有符合条件的在售商品">
        {(r) => {
          const pagination = { current: r.page, pageSize: r.pageSize, total: r.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n: number) => (r.totalExact ? `共 ${n} 件商品` : `超过 ${n} 件商品`) };
          return narrow ? (
            <List<MallProduct>
              className="mall-card-list"
              dataSource={r.items}
              pagination={{ ...pagination, simple: true }}
              header={<span className="muted" data-testid="catalogue-total">{r.totalExact ? `共 ${r.total} 件商品` : `超过 ${r.total} 件商品`}</span>}
              renderItem={(p) => (
                <Card size="small" data-testid={`product-${p.id}`}>
                  <div className="mall-product-name">{p.name}</div>
                  <div className="muted">{p.brand} {p.model} · {p.categoryName}</div>
                  <div className="mall-card-price">{yuan(p.price)}<span className="muted" style={{ fontSize: 12, fontWeight: 400 }}> / {p.unit}</span></div>
                  <div className="muted">{p.supplierName} · 库存 {p.stock}</div>
                  {p.certificateNo && <CertificateCell p={p} />}
                  <Space style={{ marginTop: 8 }}>{compareBox(p)}{addButton(p)}</Space>
                </Card>
              )}
            />
          ) : (
            <Table<MallProduct>
              rowKey="id"
              size="middle"
              dataSource={r.items}
              loading={results.loading}
              pagination={pagination}
              title={() => <span className="muted" data-testid="catalogue-total">{r.totalExact ? `共 ${r.total} 件商品` : `超过 ${r.total} 件商品`}</span>}
              onRow={(p) => ({ 'data-testid': `product-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: '商品',
                  render: (_, p) => (
                    <>
                      <div className="mall-product-name">{p.name}</div>
                      <div className="muted">{p.brand} · {p.model} · <Tag bordered={false}>{p.categoryCode} {p.categoryName}</Tag></div>
                      <Tooltip title={p.specs}><div className="mall-specs">{p.specs}</div></Tooltip>
                    </>
                  ),
                },
                { title: '供应商', width: 190, render: (_, p) => <Supplier p={p} /> },
                { title: '单价', width: 130, align: 'right', render: (_, p) => <><span className="money">{yuan(p.price)}</span><div className="muted">/ {p.unit}{p.packingUnit ? `(${p.packingUnit})` : ''}</div></> },
                { title: '库存', dataIndex: 'stock', width: 80, align: 'right' },
                { title: '供货区域', width: 130, render: (_, p) => p.regions.map(regionName).join('、') },
                { title: '注册证', width: 190, render: (_, p) => <CertificateCell p={p} /> },
                { title: '', width: 230, render: (_, p) => <Space>{compareBox(p)}{addButton(p)}</Space> },
              ]}
            />
          );
        }}
      </Loaded>
    </>
  );
}
