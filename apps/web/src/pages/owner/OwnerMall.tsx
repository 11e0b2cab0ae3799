import { useState } from 'react';
import { Alert, Badge, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { MallProduct } from '../../api/mall-types';
import { Page as Paged } from '../../api/types';
import { BudgetLine, Category, MyRequirement, OpenedQuote, Requirement } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { typedMoneyRule, useAction } from '../../components/actions';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { shortHash, time, yuan } from '../../format';
import { typedYuan } from '../../money-words';
import { ORDER_STATUS, REQUIREMENT_STATUS } from '../../workspace-labels';
import { addToCart, toggleCompare } from '../mall/cart';
import { useCart } from '../mall/useCart';
import '../mall/mall.css';
import { Cart } from './mall/Cart';
import { Catalogue } from './mall/Catalogue';
import { CompareBar, CompareDrawer } from './mall/Compare';
import { Orders } from './mall/Orders';

interface RequirementForm {
  title: string;
  categoryCode: string;
  items: { description: string; quantity: number; unit: string; specs?: string }[];
  deliveryRegion: string;
  deliveryDate: Dayjs;
  maxPrice: string;
  budgetLineId: string;
  ruleSet: 'standard' | 'sandbox';
}

function NewRequirement({ lines, onDone }: { lines: BudgetLine[]; onDone: (r: Requirement) => void }) {
  const categories = useLoad(() => api.get<Category[]>('/procurement/categories'), []);
  const { busy, refusal, setRefusal, run } = useAction();
  const submit = async (v: RequirementForm) => {
    const body = {
      title: v.title.trim(),
      categoryCode: v.categoryCode,
      items: v.items.map((i) => ({ description: i.description.trim(), quantity: i.quantity, unit: i.unit.trim(), ...(i.specs?.trim() ? { specs: i.specs.trim() } : {}) })),
      deliveryRegion: v.deliveryRegion,
      deliveryDate: v.deliveryDate.format('YYYY-MM-DD'),
      maxPrice: typedYuan(v.maxPrice)!,
      budgetLineId: v.budgetLineId,
      ruleSet: v.ruleSet,
    };
    const r = await run('publish', () => api.post<Requirement>('/procurement/requirements', body), '竞价需求已发布,供应商可在截止前报价');
    if (r) onDone(r);
  };
  return (
    <Form<RequirementForm> layout="vertical" onFinish={submit} initialValues={{ deliveryRegion: '350102', ruleSet: 'standard', items: [{ description: '', quantity: 1, unit: '台' }] }}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form.Item name="title" label="需求名称" rules={[{ required: true, min: 2, message: '请填写需求名称' }]}>
        <Input placeholder="如:市财政局办公计算机采购" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="categoryCode" label="采购品目" rules={[{ required: true, message: '请选择品目' }]}>
            <Select showSearch optionFilterProp="label" loading={categories.loading} options={(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.nameZh}` }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="budgetLineId" label="预算指标" rules={[{ required: true, message: '请选择预算指标' }]}>
            <Select options={lines.map((l) => ({ value: l.id, label: `${l.code} ${l.name}(余额 ${yuan(l.remaining)})` }))} notFoundContent="请先登记预算指标" />
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left" plain>采购明细</Divider>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key}>
                <Col span={7}><Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '品名' }]}><Input placeholder="品名" /></Form.Item></Col>
                <Col span={4}><Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: '数量' }]}><InputNumber min={1} max={1000000} precision={0} placeholder="数量" style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={3}><Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: '单位' }]}><Input placeholder="单位" /></Form.Item></Col>
                <Col span={9}><Form.Item name={[f.name, 'specs']}><Input placeholder="技术参数(可选)" /></Form.Item></Col>
                <Col span={1}>{fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 9, color: '#868e96' }} onClick={() => remove(f.name)} />}</Col>
              </Row>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ quantity: 1, unit: '台' })} style={{ marginBottom: 16 }}>增加明细</Button>
          </>
        )}
      </Form.List>
      <Row gutter={12}>
        <Col span={8}><Form.Item name="maxPrice" label="最高限价" rules={[{ required: true, message: '请填写最高限价' }, typedMoneyRule]}><Input addonAfter="元" placeholder="如 1,500,000" /></Form.Item></Col>
        <Col span={8}><Form.Item name="deliveryDate" label="交货日期" rules={[{ required: true, message: '请选择交货日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        <Col span={8}><Form.Item name="deliveryRegion" label="交货地区代码" rules={[{ required: true, pattern: /^[1-9]\d{5}$/, message: '6 位行政区划代码' }]}><Input /></Form.Item></Col>
      </Row>
      <Form.Item name="ruleSet" label="适用规则"><Select options={[{ value: 'standard', label: '现行正式规则' }, { value: 'sandbox', label: '沙箱规则(演示,以秒计)' }]} /></Form.Item>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="报价密封至截止时间,截止后系统自动开启,最低有效报价成交并生成订单;最高限价须高于直购上限。" />
      <Button type="primary" htmlType="submit" loading={busy === 'publish'}>发布竞价需求</Button>
    </Form>
  );
}

function RequirementDetail({ r, onChanged }: { r: Requirement; onChanged: () => void }) {
  const closed = r.status !== 'quoting';
  const quotes = useLoad(() => (closed ? api.get<OpenedQuote[]>(`/procurement/requirements/${r.id}/quotes`) : Promise.resolve(null)), [r.id, closed]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [reason, setReason] = useState('');
  return (
    <>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">{REQUIREMENT_STATUS[r.status] ?? r.status}</Descriptions.Item>
        <Descriptions.Item label="轮次">第 {r.round} 轮</Descriptions.Item>
        <Descriptions.Item label="最高限价"><span className="money">{yuan(r.maxPrice)}</span></Descriptions.Item>
        <Descriptions.Item label="报价截止">{time(r.quoteDeadline)}</Descriptions.Item>
        <Descriptions.Item label="规则">第 {r.ruleSet.version} 版{r.ruleSet.sandbox ? '(沙箱)' : ''} · 至少 {r.ruleSet.minQuotes} 家有效报价</Descriptions.Item>
        <Descriptions.Item label="交货">{r.deliveryDate} · {r.deliveryRegion}</Descriptions.Item>
      </Descriptions>
      <Table size="small" rowKey="description" pagination={false} style={{ marginBottom: 16 }} dataSource={r.items} columns={[{ title: '品名', dataIndex: 'description' }, { title: '数量', width: 90, render: (_, i) => `${i.quantity} ${i.unit}` }, { title: '参数', dataIndex: 'specs' }]} />
      {!closed ? (
        <Alert type="info" showIcon message="报价密封中:截止前任何人(包括采购人)都看不到报价。" />
      ) : (
        <Loaded state={quotes} empty={(q) => !q?.length} emptyText="本轮无报价">
          {(q) => (
            <Table<OpenedQuote>
              size="small"
              rowKey="quoteId"
              pagination={false}
              dataSource={q!}
              columns={[
                { title: '供应商', dataIndex: 'supplierName', render: (n, x) => <>{n} {r.winner?.quoteId === x.quoteId && <Tag color="success">成交</Tag>}</> },
                { title: '报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '有效', width: 120, render: (_, x) => (x.valid ? <Tag color="success">有效</Tag> : <Tag color="error">{({ above_maximum: '超过最高限价', not_qualified: '资格不符', digest_mismatch: '摘要不符' } as Record<string, string>)[x.invalidReason ?? ''] ?? '无效'}</Tag>) },
                { title: '摘要', dataIndex: 'quoteDigest', width: 110, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 8)}</span></Tooltip> },
              ]}
            />
          )}
        </Loaded>
      )}
      {r.status === 'failed' && (
        <Card size="small" title="有效报价不足" style={{ marginTop: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {r.round === 1 && <Button type="primary" loading={busy === 'reopen'} onClick={async () => (await run('reopen', () => api.post(`/procurement/requirements/${r.id}/reopen`), '已重新竞价')) && onChanged()}>重新竞价(仅一次)</Button>}
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder="变更采购方式的理由及拟采用方式" value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button disabled={reason.trim().length < 2} loading={busy === 'switch'} onClick={async () => (await run('switch', () => api.post(`/procurement/requirements/${r.id}/switch`, { reason: reason.trim() }), '已变更采购方式')) && onChanged()}>变更采购方式</Button>
            </Space.Compact>
          </Space>
        </Card>
      )}
    </>
  );
}

function BudgetLines({ lines, onChanged }: { lines: BudgetLine[]; onChanged: () => void }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [form] = Form.useForm();
  return (
    <>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Table size="small" rowKey="id" pagination={false} dataSource={lines} locale={{ emptyText: '尚未登记预算指标' }} style={{ marginBottom: 16 }} scroll={{ x: 680 }} columns={[
        { title: '编码', dataIndex: 'code', render: (c) => <span className="mono">{c}</span> },
        { title: '名称', dataIndex: 'name' },
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '预算', dataIndex: 'amount', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '已占用', dataIndex: 'used', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '余额', dataIndex: 'remaining', align: 'right', render: (v) => <b className="money">{yuan(v)}</b> },
      ]} />
      <Form form={form} layout="inline" onFinish={async (v) => { if (await run('line', () => api.post('/procurement/budget-lines', { code: v.code.trim(), name: v.name.trim(), year: v.year, amount: typedYuan(v.amount)! }), '预算指标已登记')) { form.resetFields(); onChanged(); } }} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="code" rules={[{ required: true, message: '编码' }]}><Input placeholder="预算编码" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: '名称' }]}><Input placeholder="预算项目名称" style={{ width: 200 }} /></Form.Item>
        <Form.Item name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: 90 }} /></Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: '金额' }, typedMoneyRule]}><Input addonAfter="元" placeholder="金额,如 50,000" style={{ width: 200 }} data-testid="budget-amount" /></Form.Item>
        <Button htmlType="submit" loading={busy === 'line'}>登记预算</Button>
      </Form>
    </>
  );
}

const REQUIREMENT_COLOUR: Record<string, string> = { awarded: 'success', quoting: 'processing', failed: 'error', switched: 'default' };

/** GET /procurement/requirements/mine, paged by the server; a click loads the requirement's public record for the drawer. */
function MyRequirements({ reloadKey, onOpen }: { reloadKey: number; onOpen: (id: string) => void }) {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | undefined>();
  const list = useLoad(() => api.get<Paged<MyRequirement>>('/procurement/requirements/mine', { page, pageSize: 20, ...(status ? { status } : {}) }), [page, status, reloadKey]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span className="muted">状态</span>
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 160 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={Object.entries(REQUIREMENT_STATUS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Loaded state={list} empty={(l) => !l.items.length} emptyText={status ? '没有该状态的需求' : '本单位暂无网上竞价需求'}>
        {(l) => (
          <Table<MyRequirement>
            rowKey="id"
            scroll={{ x: 960 }}
            dataSource={l.items}
            loading={list.loading}
            pagination={{ current: l.page, pageSize: l.pageSize, total: l.total, onChange: setPage, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 项` }}
            onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: '需求', render: (_, r) => <><a>{r.title}</a><div className="muted">{r.categoryCode} · 发布于 {time(r.createdAt)}</div></> },
              { title: '最高限价', dataIndex: 'maxPrice', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '报价截止', dataIndex: 'quoteDeadline', width: 170, render: time },
              { title: '状态', width: 130, render: (_, r) => <><Tag color={REQUIREMENT_COLOUR[r.status] ?? 'default'}>{REQUIREMENT_STATUS[r.status] ?? r.status}</Tag>{r.round > 1 && <span className="muted">第 {r.round} 轮</span>}</> },
              { title: '报价', width: 120, render: (_, r) => (r.quoteCount === null ? <span className="muted">密封中</span> : <span data-testid="quote-count">{r.quoteCount} 家 · 有效 {r.validQuoteCount}</span>) },
              { title: '成交', render: (_, r) => (r.winner ? <>{r.winner.supplierName}<div className="money">{yuan(r.winner.price)}</div></> : <span className="muted">—</span>) },
              { title: '订单', width: 150, render: (_, r) => (r.order ? <><span className="mono">{r.order.no}</span><div><StatusTag map={ORDER_STATUS} value={r.order.status} /></div></> : <span className="muted">—</span>) },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

function RequirementDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const r = useLoad(() => (id ? api.get<Requirement>(`/public/procurement/requirements/${id}`) : Promise.resolve(null)), [id]);
  return (
    <Drawer width={720} title={r.data?.title ?? '竞价需求'} open={!!id} onClose={onClose} destroyOnClose>
      {id && <Loaded state={r}>{(x) => x && <RequirementDetail r={x} onChanged={onChanged} />}</Loaded>}
    </Drawer>
  );
}

const TABS = ['catalogue', 'cart', 'orders', 'requirements', 'budget'] as const;

/**
 * The purchaser in the e-mall: the catalogue (search, filters, compare), the cart and direct orders within the budget,
 * orders to accept, pay and rate, online-quote requirements, budget lines. The tab is in the address (?tab=).
 */
export function OwnerMall() {
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'catalogue';
  const setTab = (t: string) => setParams({ tab: t }, { replace: true });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  const lines = useLoad(() => api.get<BudgetLine[]>('/procurement/budget-lines'), []);
  const { cart, update } = useCart();
  const [compare, setCompare] = useState<MallProduct[]>([]);
  const [comparing, setComparing] = useState(false);
  const add = (p: MallProduct) => update((c) => addToCart(c, p));
  const pieces = cart.reduce((n, l) => n + l.quantity, 0);
  return (
    <div className="mall">
      <Page
        title="电子卖场 · 采购人"
        sub={<Breadcrumb items={[{ title: <Link to="/workspace/owner">项目单位工作台</Link> }, { title: '电子卖场' }]} />}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发布网上竞价需求</Button>}
      >
        <Card>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'catalogue', label: '商品目录', children: <Catalogue compare={compare} onCompare={(p) => setCompare((l) => toggleCompare(l, p).list)} onAdd={add} /> },
              {
                key: 'cart',
                label: <span data-testid="tab-cart">购物车 <Badge count={pieces} size="small" overflowCount={999} color="#e8590c" /></span>,
                children: <Cart cart={cart} update={update} lines={lines.data ?? []} onOrdered={() => (lines.reload(), reload(), setTab('orders'))} />,
              },
              { key: 'orders', label: '我的订单', children: <Orders reloadKey={reloadKey} onBudgetChanged={lines.reload} /> },
              { key: 'requirements', label: '网上竞价需求', children: <MyRequirements reloadKey={reloadKey} onOpen={setOpenId} /> },
              { key: 'budget', label: '预算指标', children: <Loaded state={lines}>{(l) => <BudgetLines lines={l} onChanged={lines.reload} />}</Loaded> },
            ]}
          />
          {tab === 'catalogue' && <CompareBar list={compare} onOpen={() => setComparing(true)} onClear={() => setCompare([])} />}
        </Card>
        <CompareDrawer open={comparing} list={compare} onClose={() => setComparing(false)} onRemove={(p) => setCompare((l) => l.filter((x) => x.id !== p.id))} onAdd={add} />
        <Drawer width={760} title="发布网上竞价需求" open={creating} onClose={() => setCreating(false)} destroyOnClose>
          <NewRequirement lines={lines.data ?? []} onDone={(r) => (setCreating(false), reload(), setTab('requirements'), setOpenId(r.id))} />
        </Drawer>
        <RequirementDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => (reload(), setOpenId(null))} />
      </Page>
    </div>
  );
}
