import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, List, Modal, Rate, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { SupplierProduct } from '../../api/mall-types';
import { Category, Order, QuoteReceipt, Requirement, SupplierRatings } from '../../api/workspace-types';
import { Agreement } from '../../api/mall-types';
import { useAuth } from '../../auth';
import { Page } from '../../components/AppLayout';
import { confirmBinding } from '../../components/BindingConfirm';
import { saveText, typedMoneyRule, useAction } from '../../components/actions';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { shortHash, time, yuan } from '../../format';
import { typedYuan } from '../../money-words';
import { REQUIREMENT_STATUS } from '../../workspace-labels';
import { regionName } from '../mall/regions';
import '../mall/mall.css';
import { OrdersTable } from '../mall/OrdersTable';
import { Products } from './mall/Products';
import { Qualifications } from './mall/Qualifications';

function saveQuoteReceipt(r: Requirement, q: QuoteReceipt, total: string) {
  saveText(`报价回执-${q.receiptNo}.txt`, [
    '阳光交易 公共资源交易平台 · 电子卖场网上竞价报价回执',
    `需求:${r.title}(${r.purchaserName})`,
    `轮次:第 ${q.round} 轮`,
    `回执编号:${q.receiptNo}`,
    q.receivedAt ? `接收完成时间(北京时间,服务器时间,据此判断是否截止):${time(q.receivedAt)}` : '',
    `递交时间(北京时间,服务器时间):${time(q.submittedAt)}`,
    `报价摘要 SHA-256:${q.quoteDigest}`,
    `随机数 nonce:${q.nonce ?? '(未返回)'}`,
    `本方报价(仅保存在本文件中):${total} 元`,
    q.replaces ? `替换此前回执:${q.replaces}` : '',
    '报价加密保存至截止时间;开启后可用报价与随机数重算摘要,核对报价未被改动。随机数只显示这一次,请妥善保存。',
  ]);
}

/** 回执 of a sealed quote: the server's time, the digest and the nonce, shown once. */
function QuoteReceiptCard({ r, q, total }: { r: Requirement; q: QuoteReceipt; total: string }) {
  return (
    <div className="receipt" data-testid="quote-receipt">
      <Space align="start" size={12}>
        <CheckCircleTwoTone twoToneColor="#2f9e44" style={{ fontSize: 28 }} />
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>报价已加密递交,请保存回执与随机数</Typography.Title>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            <Descriptions.Item label="回执编号"><span className="mono" data-testid="quote-receipt-no">{q.receiptNo}</span></Descriptions.Item>
            {q.receivedAt && <Descriptions.Item label="接收完成"><span data-testid="quote-receipt-received">{time(q.receivedAt)}</span>(服务器完整收到的时间,据此判断是否截止)</Descriptions.Item>}
            <Descriptions.Item label="递交时间"><span data-testid="quote-receipt-time">{time(q.submittedAt)}</span>(北京时间,以服务器时间为准)</Descriptions.Item>
            <Descriptions.Item label="报价摘要"><span className="mono" data-testid="quote-receipt-digest">{q.quoteDigest}</span></Descriptions.Item>
            <Descriptions.Item label="随机数"><span className="mono" data-testid="quote-receipt-nonce">{q.nonce ?? '—'}</span></Descriptions.Item>
            {q.replaces && <Descriptions.Item label="替换回执"><span className="mono">{q.replaces}</span></Descriptions.Item>}
          </Descriptions>
          <Alert type="warning" showIcon style={{ margin: '8px 0' }} message="随机数只显示这一次:开启后凭报价与随机数可重算摘要,核对报价未被改动。" />
          <Button icon={<DownloadOutlined />} onClick={() => saveQuoteReceipt(r, q, total)}>下载回执</Button>
        </div>
      </Space>
    </div>
  );
}

function QuoteDrawer({ r, onClose }: { r: Requirement; onClose: () => void }) {
  const mine = useLoad(() => api.get<QuoteReceipt[]>(`/procurement/requirements/${r.id}/quotes/mine`), [r.id]);
  const [receipt, setReceipt] = useState<{ q: QuoteReceipt; total: string } | null>(null);
  const { busy, refusal, setRefusal, run } = useAction();
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const open = r.status === 'quoting' && new Date(r.quoteDeadline).getTime() > Date.now();
  const submit = async (v: { total: string }) => {
    const total = typedYuan(v.total)!;
    const ok = await confirmBinding(modal, {
      title: '确认递交报价',
      amountYuan: total,
      amountLabel: '报价总价',
      lines: [
        { label: '需求', value: `${r.title}(${r.purchaserName})` },
        { label: '最高限价', value: yuan(r.maxPrice) },
        { label: '报价截止', value: time(r.quoteDeadline) },
      ],
      warning: '报价加密保存至截止时间;截止前可重新报价,以最后一次为准;截止后最低有效报价成交并生成订单。',
      okText: '确认递交',
    });
    if (!ok) return;
    const q = await run('quote', () => api.post<QuoteReceipt>(`/procurement/requirements/${r.id}/quotes`, { total }));
    if (q) {
      setReceipt({ q, total });
      form.resetFields();
      mine.reload();
    }
  };
  return (
    <Drawer width={720} open title={r.title} onClose={onClose} styles={{ wrapper: { maxWidth: '100vw' } }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="采购人">{r.purchaserName}</Descriptions.Item>
        <Descriptions.Item label="品目">{r.categoryCode}</Descriptions.Item>
        <Descriptions.Item label="最高限价"><span className="money">{yuan(r.maxPrice)}</span></Descriptions.Item>
        <Descriptions.Item label="报价截止">{time(r.quoteDeadline)}</Descriptions.Item>
        <Descriptions.Item label="交货">{r.deliveryDate} · {regionName(r.deliveryRegion)}</Descriptions.Item>
        <Descriptions.Item label="状态">{REQUIREMENT_STATUS[r.status] ?? r.status} · 第 {r.round} 轮</Descriptions.Item>
      </Descriptions>
      <Table size="small" rowKey="description" pagination={false} style={{ marginBottom: 16 }} dataSource={r.items} columns={[{ title: '品名', dataIndex: 'description' }, { title: '数量', width: 90, render: (_, i) => `${i.quantity} ${i.unit}` }, { title: '技术参数', dataIndex: 'specs' }]} />
      <Card size="small" title={<><LockOutlined /> 密封报价</>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">报价在服务器加密保存,截止前任何人(包括采购人和交易中心)无法查看;截止前可重新报价,以最后一次为准。须持有该品目有效框架协议。</Typography.Paragraph>
        <Refusal error={refusal} onClose={() => setRefusal(null)} />
        <Form form={form} layout="inline" onFinish={submit} disabled={!open}>
          <Form.Item name="total" label="报价总价" rules={[{ required: true, message: '请填写报价' }, typedMoneyRule]}>
            <Input addonAfter="元" style={{ width: 240, maxWidth: '100%' }} placeholder="如 1,280,000" data-testid="quote-total" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy === 'quote'} data-testid="quote-submit">加密递交报价</Button>
        </Form>
        {!open && <div className="muted" style={{ marginTop: 8 }}>报价已截止。</div>}
      </Card>
      {receipt && <QuoteReceiptCard r={r} q={receipt.q} total={receipt.total} />}
      <Card size="small" title="我的报价回执" style={{ marginTop: 16 }}>
        <Loaded state={mine} empty={(l) => !l.length} emptyText="尚未报价">
          {(l) => (
            <Table size="small" rowKey="receiptNo" pagination={false} dataSource={l} scroll={{ x: 560 }} columns={[
              { title: '轮次', dataIndex: 'round', width: 60 },
              { title: '递交时间', dataIndex: 'submittedAt', width: 170, render: time },
              { title: '摘要', dataIndex: 'quoteDigest', render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 20)}</span></Tooltip> },
              { title: '状态', dataIndex: 'status', width: 80, render: (s) => (s === 'submitted' ? <Tag color="success">有效</Tag> : <Tag>已替换</Tag>) },
            ]} />
          )}
        </Loaded>
      </Card>
      {r.rounds.length > 0 && (
        <Card size="small" title="开启结果" style={{ marginTop: 16 }}>
          {r.winner && <Alert type="success" showIcon style={{ marginBottom: 8 }} message={`成交供应商:${r.winner.supplierName},成交价 ${yuan(r.winner.price)}`} />}
          {r.rounds.map((round) => (
            <Table key={round.round} size="small" rowKey="quoteId" pagination={false} title={() => `第 ${round.round} 轮`} dataSource={round.quotes} columns={[{ title: '供应商', dataIndex: 'supplierName' }, { title: '报价', dataIndex: 'price', align: 'right', render: (v) => yuan(v) }, { title: '有效', dataIndex: 'valid', render: (v) => (v ? '有效' : '无效') }]} />
          ))}
        </Card>
      )}
    </Drawer>
  );
}

function Requirements() {
  const list = useLoad(() => api.get<Requirement[]>('/public/procurement/requirements'), []);
  const [open, setOpen] = useState<Requirement | null>(null);
  return (
    <>
      <Loaded state={list} empty={(l) => !l.length} emptyText="暂无网上竞价需求">
        {(l) => (
          <Table<Requirement>
            rowKey="id"
            scroll={{ x: 720 }}
            dataSource={[...l].sort((a, b) => Number(b.status === 'quoting') - Number(a.status === 'quoting'))}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '需求', render: (_, r) => <><a onClick={() => setOpen(r)}>{r.title}</a><div className="muted">{r.purchaserName} · {r.categoryCode}</div></> },
              { title: '最高限价', dataIndex: 'maxPrice', align: 'right', width: 160, render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '报价截止', dataIndex: 'quoteDeadline', width: 170, render: time },
              { title: '状态', dataIndex: 'status', width: 110, render: (s) => <Tag color={s === 'quoting' ? 'processing' : s === 'awarded' ? 'success' : 'default'}>{REQUIREMENT_STATUS[s] ?? s}</Tag> },
              { title: '', width: 90, render: (_, r) => <Button size="small" type={r.status === 'quoting' ? 'primary' : 'default'} onClick={() => setOpen(r)} data-testid={`quote-open-${r.id}`}>{r.status === 'quoting' ? '报价' : '查看'}</Button> },
            ]}
          />
        )}
      </Loaded>
      {open && <QuoteDrawer r={open} onClose={() => (setOpen(null), list.reload())} />}
    </>
  );
}

function Orders() {
  const orders = useLoad(() => api.get<Order[]>('/procurement/orders/mine'), []);
  const { busy, refusal, setRefusal, run } = useAction();
  const { modal } = App.useApp();
  const [delivering, setDelivering] = useState<Order | null>(null);
  const [note, setNote] = useState('');
  const confirm = async (o: Order) => {
    const ok = await confirmBinding(modal, {
      title: '确认接受订单',
      amountYuan: o.total,
      amountLabel: '订单金额',
      lines: [
        { label: '订单', value: `${o.no}(${o.source === 'quote' ? '网上竞价成交' : '直购'})` },
        { label: '采购人', value: o.purchaser.name },
        { label: '明细', value: o.items.map((i) => `${i.description} × ${i.quantity}`).join(';') },
      ],
      warning: '确认即承诺按订单价格和数量供货。',
      okText: '确认订单',
    });
    if (ok && (await run(o.id, () => api.post(`/procurement/orders/${o.id}/confirm`), '订单已确认'))) orders.reload();
  };
  return (
    <>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={orders} empty={(l) => !l.length} emptyText="暂无订单">
        {(l) => (
          <OrdersTable
            orders={l}
            side="supplier"
            actionsWidth={160}
            actions={(o) => (
            <Space>
              {o.status === 'placed' && <Button size="small" type="primary" loading={busy === o.id} onClick={() => confirm(o)} data-testid={`confirm-${o.no}`}>确认订单</Button>}
              {o.status === 'confirmed' && <Button size="small" onClick={() => (setDelivering(o), setNote(''))} data-testid={`deliver-${o.no}`}>发货</Button>}
            </Space>
            )}
          />
        )}
      </Loaded>
      <Modal open={!!delivering} title={`发货 · ${delivering?.no ?? ''}`} okText="提交送货单" cancelText="取消" okButtonProps={{ disabled: !note.trim(), loading: busy === 'deliver' }} onCancel={() => setDelivering(null)} onOk={async () => { if (await run('deliver', () => api.post(`/procurement/orders/${delivering!.id}/deliver`, { note: note.trim() }), '已发货')) { setDelivering(null); orders.reload(); } }}>
        <Input.TextArea rows={3} placeholder="送货单:编号、件数、送达地点" value={note} onChange={(e) => setNote(e.target.value)} data-testid="deliver-note" />
      </Modal>
    </>
  );
}

function Ratings({ organisationId }: { organisationId: string }) {
  const ratings = useLoad(() => api.get<SupplierRatings>(`/public/procurement/suppliers/${organisationId}/ratings`), [organisationId]);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const { busy, refusal, setRefusal, run } = useAction();
  return (
    <Loaded state={ratings}>
      {(r) => (
        <>
          <Refusal error={refusal} onClose={() => setRefusal(null)} />
          <Space size={48} style={{ marginBottom: 16 }}>
            <Statistic title="综合评分" value={r.ratingAvg ?? '—'} suffix={r.ratingAvg ? '/ 5' : undefined} />
            <Statistic title="评价数" value={r.ratingCount} />
          </Space>
          <List
            dataSource={r.ratings}
            locale={{ emptyText: '暂无评价' }}
            renderItem={(g) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Space wrap>
                    <b>{g.purchaserName}</b>
                    <span className="mono muted">{g.orderNo}</span>
                    <span>质量 <Rate disabled value={g.quality} style={{ fontSize: 12 }} /></span>
                    <span>交付 <Rate disabled value={g.delivery} style={{ fontSize: 12 }} /></span>
                    <span>服务 <Rate disabled value={g.service} style={{ fontSize: 12 }} /></span>
                    <span className="muted">{time(g.ratedAt)}</span>
                  </Space>
                  <div style={{ margin: '6px 0' }}>{g.comment}</div>
                  {g.reply ? (
                    <div style={{ color: '#2b8a3e' }}>我方回复:{g.reply}</div>
                  ) : (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input placeholder="回复评价(仅一次)" value={replies[g.orderId] ?? ''} onChange={(e) => setReplies({ ...replies, [g.orderId]: e.target.value })} />
                      <Button disabled={!replies[g.orderId]?.trim()} loading={busy === g.orderId} onClick={async () => (await run(g.orderId, () => api.post(`/procurement/orders/${g.orderId}/rating/reply`, { reply: replies[g.orderId].trim() }), '已回复')) && ratings.reload()}>回复</Button>
                    </Space.Compact>
                  )}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Loaded>
  );
}

const TABS = ['products', 'qualifications', 'requirements', 'orders', 'ratings'] as const;

/**
 * The supplier in the e-mall: its products (上架/下架, price, stock), its agreements and certificates, requirements to
 * quote on (sealed, with a receipt and nonce), its orders (confirm, deliver), its ratings. The tab is in the address.
 */
export function BidderMall() {
  const { account } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'products';
  const organisationId = account?.organisationId ?? null;
  const products = useLoad(() => api.get<SupplierProduct[]>('/procurement/products/mine'), []);
  const categories = useLoad(() => api.get<Category[]>('/procurement/categories'), []);
  const agreements = useLoad(() => (organisationId ? api.get<Agreement[]>('/procurement/agreements', { organisationId }) : Promise.resolve([])), [organisationId]);
  const noOrg = <Alert type="info" message="账户未关联单位" />;
  return (
    <div className="mall">
      <Page title="电子卖场 · 供应商" sub="商品上下架、协议与注册证、网上竞价报价(密封)、订单确认与发货、采购人评价">
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(t) => setParams({ tab: t }, { replace: true })}
            items={[
              { key: 'products', label: '我的商品', children: organisationId ? <Products agreements={agreements.data ?? []} categories={categories.data ?? []} products={products} /> : noOrg },
              { key: 'qualifications', label: '协议与资质', children: organisationId ? <Qualifications organisationId={organisationId} products={products} /> : noOrg },
              { key: 'requirements', label: '网上竞价', children: <Requirements /> },
              { key: 'orders', label: '我的订单', children: <Orders /> },
              { key: 'ratings', label: '收到的评价', children: organisationId ? <Ratings organisationId={organisationId} /> : noOrg },
            ]}
          />
        </Card>
      </Page>
    </div>
  );
}
