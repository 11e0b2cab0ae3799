import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { Agreement, SupplierProduct } from '../../../api/mall-types';
import { Category } from '../../../api/workspace-types';
import { confirmBinding } from '../../../components/BindingConfirm';
import { typedMoneyRule, useAction } from '../../../components/actions';
import { Loadable, Loaded, Refusal, useLoad } from '../../../components/states';
import { beijingDay, time, yuan } from '../../../format';
import { typedYuan } from '../../../money-words';
import { CertificateCell } from '../../owner/mall/Catalogue';
import { REGION_OPTIONS, regionName } from '../../mall/regions';

/** Categories an agreement valid today covers: its own code and everything below it. */
export function coveredCategories(categories: Category[], agreements: Agreement[]): Category[] {
  const valid = agreements.filter((a) => a.valid);
  return categories.filter((c) => valid.some((a) => c.code === a.categoryCode || c.code.startsWith(`${a.categoryCode}.`)));
}

interface ProductForm {
  categoryCode: string;
  name: string;
  brand: string;
  model: string;
  specs?: string;
  unit: string;
  price: string;
  stock: number;
  regions: string[];
  certificateNo?: string;
  certificateValidUntil?: Dayjs;
  packingUnit?: string;
}

const CERTIFICATE_NO = /^[\u4e00-\u9fff]{1,4}械注[准进许]\d{11}$/;

/** 上架新商品: only in the categories the supplier's agreements cover; consumables carry their certificate. */
function NewProduct({ categories, onDone }: { categories: Category[]; onDone: () => void }) {
  const [form] = Form.useForm<ProductForm>();
  const { busy, refusal, setRefusal, run } = useAction();
  const code = Form.useWatch('categoryCode', form);
  const medical = categories.find((c) => c.code === code)?.medicalConsumable ?? false;
  const submit = async (v: ProductForm) => {
    const body = {
      categoryCode: v.categoryCode,
      name: v.name.trim(),
      brand: v.brand.trim(),
      model: v.model.trim(),
      specs: (v.specs ?? '').trim(),
      unit: v.unit.trim(),
      price: typedYuan(v.price)!,
      stock: v.stock,
      regions: v.regions,
      ...(medical ? { certificateNo: v.certificateNo!.trim(), certificateValidUntil: v.certificateValidUntil!.format('YYYY-MM-DD'), packingUnit: v.packingUnit!.trim() } : {}),
    };
    if (await run('list', () => api.post<SupplierProduct>('/procurement/products', body), '商品已上架')) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Form<ProductForm> form={form} layout="vertical" onFinish={submit} initialValues={{ stock: 100, unit: '台', regions: ['350100'] }} data-testid="product-form">
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form.Item name="categoryCode" label="品目(协议覆盖范围内)" rules={[{ required: true, message: '请选择品目' }]}>
        <Select showSearch optionFilterProp="label" options={categories.map((c) => ({ value: c.code, label: `${c.code} ${c.nameZh}${c.medicalConsumable ? '(医用耗材)' : ''}` }))} data-testid="product-category" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}><Form.Item name="name" label="商品名称" rules={[{ required: true, min: 2, max: 200, message: '2–200 字' }]}><Input data-testid="product-name" /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="brand" label="品牌" rules={[{ required: true, max: 100, message: '请填写品牌' }]}><Input data-testid="product-brand" /></Form.Item></Col>
        <Col xs={12} md={6}><Form.Item name="model" label="型号" rules={[{ required: true, max: 100, message: '请填写型号' }]}><Input data-testid="product-model" /></Form.Item></Col>
      </Row>
      <Form.Item name="specs" label="规格参数" rules={[{ max: 4000 }]}><Input.TextArea rows={2} data-testid="product-specs" /></Form.Item>
      <Row gutter={12}>
        <Col xs={12} md={8}><Form.Item name="price" label="单价(元)" rules={[{ required: true, message: '请填写单价' }, typedMoneyRule]}><Input addonAfter="元" placeholder="如 1,299.00" data-testid="product-price" /></Form.Item></Col>
        <Col xs={6} md={4}><Form.Item name="unit" label="单位" rules={[{ required: true, max: 20, message: '单位' }]}><Input data-testid="product-unit" /></Form.Item></Col>
        <Col xs={6} md={4}><Form.Item name="stock" label="库存" rules={[{ required: true, message: '库存' }]}><InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={24} md={8}>
          <Form.Item name="regions" label="供货区域" rules={[{ required: true, message: '至少一个地区' }, { validator: async (_, v: string[] = []) => { if (v.some((c) => !/^[1-9]\d{5}$/.test(c))) throw new Error('6 位行政区划代码'); } }]}>
            <Select mode="tags" options={REGION_OPTIONS} tokenSeparators={[',', ',', ' ']} data-testid="product-regions" />
          </Form.Item>
        </Col>
      </Row>
      {medical && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="医用耗材须填写医疗器械注册证:注册证到期次日零时(北京时间)商品自动下架,换证后可重新上架。" />
          <Row gutter={12}>
            <Col xs={24} md={10}><Form.Item name="certificateNo" label="医疗器械注册证号" rules={[{ required: true, pattern: CERTIFICATE_NO, message: '如 国械注准20193140123' }]}><Input data-testid="product-cert-no" /></Form.Item></Col>
            <Col xs={12} md={7}><Form.Item name="certificateValidUntil" label="注册证有效期至" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} data-testid="product-cert-until" /></Form.Item></Col>
            <Col xs={12} md={7}><Form.Item name="packingUnit" label="包装单位" rules={[{ required: true, max: 40, message: '如 盒(100 支)' }]}><Input placeholder="如 盒(100 支)" data-testid="product-packing" /></Form.Item></Col>
          </Row>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={busy === 'list'} data-testid="product-submit">上架</Button>
    </Form>
  );
}

/** 调价: the new price in figures and 大写 before it replaces the current one (every price is kept as a version). */
function Reprice({ p, onClose, onDone }: { p: SupplierProduct; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ price: string; stock: number }>();
  const { modal } = App.useApp();
  const { busy, refusal, setRefusal, run } = useAction();
  const submit = async (v: { price: string; stock: number }) => {
    const price = typedYuan(v.price)!;
    const changes: Record<string, unknown> = {};
    if (price !== p.price) changes.price = price;
    if (v.stock !== p.stock) changes.stock = v.stock;
    if (!Object.keys(changes).length) return onClose();
    if (changes.price) {
      const ok = await confirmBinding(modal, {
        title: '确认调整单价',
        amountYuan: price,
        amountLabel: '新单价',
        lines: [{ label: '商品', value: `${p.name}(${p.brand} ${p.model})` }, { label: '现价', value: `${yuan(p.price)} / ${p.unit}` }],
        warning: '新价格立即对采购人生效,并留存为新的价格版本。',
        okText: '确认调价',
      });
      if (!ok) return;
    }
    if (await run('reprice', () => api.patch(`/procurement/products/${p.id}`, changes), '已保存')) onDone();
  };
  return (
    <Modal open title={`调价与库存 · ${p.name}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" okButtonProps={{ loading: busy === 'reprice' }} destroyOnClose>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ price: yuan(p.price, false), stock: p.stock }}>
        <Form.Item name="price" label={`单价(元 / ${p.unit})`} rules={[{ required: true }, typedMoneyRule]}><Input addonAfter="元" data-testid="reprice-price" /></Form.Item>
        <Form.Item name="stock" label="库存"><InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}

const OFF_REASON: Record<string, string> = { supplier: '本单位下架', certificate_expired: '注册证过期' };

/** 我的商品: every product of the organisation, on or off sale; 上架 / 下架, price and stock, a new listing. */
export function Products({ agreements, categories, products }: { agreements: Agreement[]; categories: Category[]; products: Loadable<SupplierProduct[]> }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [creating, setCreating] = useState(false);
  const [repricing, setRepricing] = useState<SupplierProduct | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const covered = useMemo(() => coveredCategories(categories, agreements), [categories, agreements]);
  const toggle = async (p: SupplierProduct) => {
    const on = p.status !== 'on_sale';
    if (await run(`toggle-${p.id}`, () => api.patch(`/procurement/products/${p.id}`, { onSale: on }), on ? '已上架' : '已下架')) products.reload();
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <span className="muted">状态</span>
          <Select allowClear placeholder="全部" style={{ width: 120 }} value={status} onChange={setStatus} options={[{ value: 'on_sale', label: '在售' }, { value: 'off_sale', label: '已下架' }]} />
        </Space>
        <Tooltip title={covered.length ? undefined : '贵单位尚无有效的框架协议,不能上架商品'}>
          <Button type="primary" icon={<PlusOutlined />} disabled={!covered.length} onClick={() => setCreating(true)} data-testid="product-new">上架新商品</Button>
        </Tooltip>
      </Space>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={products} empty={(l) => !l.length} emptyText="尚未上架商品">
        {(l) => (
          <Table<SupplierProduct>
            rowKey="id"
            dataSource={status ? l.filter((p) => p.status === status) : l}
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 件` }}
            onRow={(p) => ({ 'data-testid': `my-product-${p.name}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '商品', render: (_, p) => <><div className="mall-product-name">{p.name}</div><div className="muted">{p.brand} · {p.model} · {p.categoryCode} {p.categoryName}</div></> },
              { title: '单价', width: 140, align: 'right', render: (_, p) => <><span className="money">{yuan(p.price)}</span><div className="muted">第 {p.priceVersion} 版价格</div></> },
              { title: '库存', dataIndex: 'stock', width: 80, align: 'right' },
              { title: '供货区域', width: 130, render: (_, p) => p.regions.map(regionName).join('、') },
              { title: '注册证', width: 200, render: (_, p) => <CertificateCell p={p} /> },
              { title: '状态', width: 120, render: (_, p) => (p.status === 'on_sale' ? <Tag color="success" data-testid="product-status">在售</Tag> : <><Tag data-testid="product-status">已下架</Tag><div className="muted">{OFF_REASON[p.offSaleReason ?? ''] ?? ''}</div></>) },
              { title: '更新', dataIndex: 'updatedAt', width: 160, render: time },
              {
                title: '',
                width: 170,
                render: (_, p) => (
                  <Space>
                    <Button size="small" onClick={() => setRepricing(p)}>调价</Button>
                    <Popconfirm title={p.status === 'on_sale' ? '下架后采购人不能再购买该商品' : '重新上架该商品?'} okText={p.status === 'on_sale' ? '下架' : '上架'} cancelText="取消" onConfirm={() => toggle(p)}>
                      <Button size="small" danger={p.status === 'on_sale'} loading={busy === `toggle-${p.id}`} data-testid={`toggle-${p.name}`}>{p.status === 'on_sale' ? '下架' : '上架'}</Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <Drawer width={720} title="上架新商品" open={creating} onClose={() => setCreating(false)} destroyOnClose styles={{ wrapper: { maxWidth: '100vw' } }}>
        <NewProduct categories={covered} onDone={() => (setCreating(false), products.reload())} />
      </Drawer>
      {repricing && <Reprice p={repricing} onClose={() => setRepricing(null)} onDone={() => (setRepricing(null), products.reload())} />}
    </>
  );
}

/** Days from today (Beijing) to a date, for the "N 天后到期" of agreements. */
export function daysUntil(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${beijingDay()}T00:00:00Z`)) / 86_400_000);
}
