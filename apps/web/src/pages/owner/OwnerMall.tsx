import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Divider, Drawer, Form, Input, InputNumber, Modal, Rate, Row, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Page as Paged } from '../../api/types';
import { BudgetLine, Category, MyRequirement, OpenedQuote, Order, Requirement } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { moneyRule, useAction } from '../../components/actions';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { shortHash, time, yuan } from '../../format';
import { ORDER_STATUS, REQUIREMENT_STATUS } from '../../workspace-labels';

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
      maxPrice: v.maxPrice.trim(),
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
        <Col span={8}><Form.Item name="maxPrice" label="最高限价" rules={[{ required: true, message: '请填写最高限价' }, moneyRule]}><Input addonAfter="元" /></Form.Item></Col>
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

type OrderAction = { kind: 'reject' | 'payment' | 'rating'; order: Order };

function OrderActionModal({ action, onClose, onDone }: { action: OrderAction | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { busy, refusal, setRefusal, run } = useAction();
  if (!action) return null;
  const o = action.order;
  const submit = async (v: Record<string, unknown>) => {
    const body =
      action.kind === 'reject'
        ? { reasons: String(v.reasons).split(/[;;\n]/).map((s) => s.trim()).filter(Boolean) }
        : action.kind === 'payment'
          ? { reference: String(v.reference).trim(), amount: String(v.amount).trim() }
          : { quality: v.quality, delivery: v.delivery, service: v.service, comment: String(v.comment).trim() };
    const path = action.kind === 'rating' ? 'rating' : action.kind;
    const done = { reject: '已记录验收不合格', payment: '已登记支付', rating: '评价已提交' }[action.kind];
    if (await run(action.kind, () => api.post(`/procurement/orders/${o.id}/${path}`, body), done)) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Modal open title={{ reject: '验收不合格', payment: '登记支付', rating: '评价供应商' }[action.kind] + ` · ${o.no}`} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy !== null }} okText="提交" cancelText="取消" destroyOnClose>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amount: o.total, quality: 5, delivery: 5, service: 5 }}>
        {action.kind === 'reject' && (
          <Form.Item name="reasons" label="不合格理由(多条以分号分隔)" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={3} /></Form.Item>
        )}
        {action.kind === 'payment' && (
          <>
            <Form.Item name="reference" label="支付凭证号" rules={[{ required: true, min: 4, message: '4–64 位凭证号' }]}><Input /></Form.Item>
            <Form.Item name="amount" label="支付金额(须等于订单金额)" rules={[{ required: true }, moneyRule]}><Input addonAfter="元" /></Form.Item>
          </>
        )}
        {action.kind === 'rating' && (
          <>
            <Form.Item name="quality" label="质量"><Rate /></Form.Item>
            <Form.Item name="delivery" label="交付"><Rate /></Form.Item>
            <Form.Item name="service" label="服务"><Rate /></Form.Item>
            <Form.Item name="comment" label="评价内容" rules={[{ required: true, message: '请填写评价' }]}><Input.TextArea rows={3} placeholder="到货及时,包装完好。" /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function Orders() {
  const orders = useLoad(() => api.get<Order[]>('/procurement/orders/mine'), []);
  const { busy, refusal, setRefusal, run } = useAction();
  const [action, setAction] = useState<OrderAction | null>(null);
  return (
    <>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={orders} empty={(l) => !l.length} emptyText="暂无订单">
        {(l) => (
          <Table<Order>
            rowKey="id"
            dataSource={l}
            pagination={{ pageSize: 10 }}
            expandable={{ expandedRowRender: (o) => <Table size="small" rowKey="lineNo" pagination={false} dataSource={o.items} columns={[{ title: '品名', dataIndex: 'description' }, { title: '数量', dataIndex: 'quantity', width: 80 }, { title: '单价', dataIndex: 'unitPrice', align: 'right', render: (v) => yuan(v) }, { title: '金额', dataIndex: 'amount', align: 'right', render: (v) => yuan(v) }]} /> }}
            columns={[
              { title: '订单', render: (_, o) => <><span className="mono">{o.no}</span><div className="muted">{o.source === 'quote' ? '网上竞价' : '直购'} · {time(o.placedAt)}</div></> },
              { title: '供应商', render: (_, o) => o.supplier.name },
              { title: '金额', dataIndex: 'total', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '状态', dataIndex: 'status', width: 100, render: (s) => <Tag color={ORDER_STATUS[s]?.color}>{ORDER_STATUS[s]?.text ?? s}</Tag> },
              { title: '待办', width: 200, render: (_, o) => (o.pending ? <span>{o.pending.responsible === 'purchaser' ? '我方' : '供应商'}{{ confirmation: '确认', acceptance: '验收', payment: '支付' }[o.pending.step]}<div className="muted">期限 {time(o.pending.dueAt)}</div></span> : <span className="muted">—</span>) },
              {
                title: '',
                width: 220,
                render: (_, o) => (
                  <Space wrap>
                    {o.status === 'delivered' && <Button size="small" type="primary" loading={busy === `acc-${o.id}`} onClick={async () => (await run(`acc-${o.id}`, () => api.post(`/procurement/orders/${o.id}/accept`), '验收合格')) && orders.reload()}>验收合格</Button>}
                    {o.status === 'delivered' && <Button size="small" danger onClick={() => setAction({ kind: 'reject', order: o })}>不合格</Button>}
                    {o.status === 'accepted' && <Button size="small" onClick={() => setAction({ kind: 'payment', order: o })}>登记支付</Button>}
                    {['accepted', 'paid'].includes(o.status) && <Button size="small" onClick={() => setAction({ kind: 'rating', order: o })}>评价</Button>}
                    {o.status === 'placed' && <Button size="small" loading={busy === `cancel-${o.id}`} onClick={async () => (await run(`cancel-${o.id}`, () => api.post(`/procurement/orders/${o.id}/cancel`), '订单已取消')) && orders.reload()}>超期取消</Button>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <OrderActionModal action={action} onClose={() => setAction(null)} onDone={() => (setAction(null), orders.reload())} />
    </>
  );
}

function BudgetLines({ lines, onChanged }: { lines: BudgetLine[]; onChanged: () => void }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [form] = Form.useForm();
  return (
    <>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Table size="small" rowKey="id" pagination={false} dataSource={lines} locale={{ emptyText: '尚未登记预算指标' }} style={{ marginBottom: 16 }} columns={[
        { title: '编码', dataIndex: 'code', render: (c) => <span className="mono">{c}</span> },
        { title: '名称', dataIndex: 'name' },
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '预算', dataIndex: 'amount', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '已占用', dataIndex: 'used', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '余额', dataIndex: 'remaining', align: 'right', render: (v) => <b className="money">{yuan(v)}</b> },
      ]} />
      <Form form={form} layout="inline" onFinish={async (v) => { if (await run('line', () => api.post('/procurement/budget-lines', { code: v.code.trim(), name: v.name.trim(), year: v.year, amount: v.amount.trim() }), '预算指标已登记')) { form.resetFields(); onChanged(); } }} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="code" rules={[{ required: true, message: '编码' }]}><Input placeholder="预算编码" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: '名称' }]}><Input placeholder="预算项目名称" style={{ width: 200 }} /></Form.Item>
        <Form.Item name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: 90 }} /></Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: '金额' }, moneyRule]}><Input addonAfter="元" placeholder="金额" style={{ width: 200 }} /></Form.Item>
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

/** The purchaser in the e-mall: budget lines, online-quote requirements and their opened quotes, orders to accept and rate. */
export function OwnerMall() {
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  const lines = useLoad(() => api.get<BudgetLine[]>('/procurement/budget-lines'), []);
  return (
    <Page
      title="电子卖场 · 采购人"
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/owner">项目单位工作台</Link> }, { title: '电子卖场' }]} />}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发布网上竞价需求</Button>}
    >
      <Card>
        <Tabs
          items={[
            { key: 'requirements', label: '我的采购需求', children: <MyRequirements reloadKey={reloadKey} onOpen={setOpenId} /> },
            { key: 'orders', label: '我的订单', children: <Orders /> },
            { key: 'budget', label: '预算指标', children: <Loaded state={lines}>{(l) => <BudgetLines lines={l} onChanged={lines.reload} />}</Loaded> },
          ]}
        />
      </Card>
      <Drawer width={760} title="发布网上竞价需求" open={creating} onClose={() => setCreating(false)} destroyOnClose>
        <NewRequirement lines={lines.data ?? []} onDone={(r) => (setCreating(false), reload(), setOpenId(r.id))} />
      </Drawer>
      <RequirementDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => (reload(), setOpenId(null))} />
    </Page>
  );
}
