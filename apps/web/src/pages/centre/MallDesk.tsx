import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { MallAgreement, ReviewedProduct } from '../../api/desk-types';
import { Category } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { useAction } from '../../components/actions';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { time, yuan } from '../../format';
import { DeskTabs, Waiting } from './DeskTabs';

/** One flagged product: clear the flag with a review note, or record a new reference price seen on another channel. */
function Review({ p, onDone }: { p: ReviewedProduct; onDone: () => void }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [note, setNote] = useState('');
  const [price, setPrice] = useState('');
  const [channel, setChannel] = useState('');
  return (
    <div data-testid={`review-${p.id}`}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input size="small" placeholder="复核意见(如:含三年上门保修,价格合理)" value={note} onChange={(e) => setNote(e.target.value)} data-testid={`clear-note-${p.id}`} />
          <Button size="small" type="primary" disabled={!note.trim()} loading={busy === 'clear'} data-testid={`clear-flag-${p.id}`} onClick={async () => (await run('clear', () => api.post(`/procurement/products/${p.id}/clear-flag`, { note: note.trim() }), '已解除价格提示')) !== undefined && onDone()}>
            解除提示
          </Button>
        </Space.Compact>
        <Space.Compact style={{ width: '100%' }}>
          <Input size="small" style={{ width: 130 }} placeholder="参考价(元)" value={price} onChange={(e) => setPrice(e.target.value)} data-testid={`ref-price-${p.id}`} />
          <Input size="small" placeholder="来源渠道" value={channel} onChange={(e) => setChannel(e.target.value)} data-testid={`ref-channel-${p.id}`} />
          <Button size="small" disabled={!price.trim() || !channel.trim()} loading={busy === 'ref'} data-testid={`ref-save-${p.id}`} onClick={async () => (await run('ref', () => api.post(`/procurement/products/${p.id}/reference-price`, { price: price.trim(), channel: channel.trim() }), '已登记参考价')) !== undefined && onDone()}>
            登记参考价
          </Button>
        </Space.Compact>
      </Space>
    </div>
  );
}

function Flagged({ onCount }: { onCount: () => void }) {
  const list = useLoad(() => api.get<ReviewedProduct[]>('/procurement/products/flagged'), []);
  const done = () => (list.reload(), onCount());
  return (
    <Loaded state={list} empty={(l) => l.length === 0} emptyText="暂无价格待复核的商品">
      {(items) => (
        <Table<ReviewedProduct>
          scroll={{ x: 900 }}
          rowKey="id"
          dataSource={items}
          pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 件商品` }}
          columns={[
            { title: '商品', render: (_, p) => <>{p.name}<div className="muted">{p.brand} {p.model} · {p.categoryCode} {p.categoryName}</div></> },
            { title: '供应商', dataIndex: 'supplierName', width: 150 },
            { title: '售价 / 参考价', width: 150, align: 'right', render: (_, p) => <><span className="money">{yuan(p.price)}</span><div className="money muted">{yuan(p.referencePrice)}</div><div className="muted">{p.referenceChannel}</div></> },
            { title: '提示原因', width: 200, render: (_, p) => <>{p.flagReason?.split(' / ')[0]}<div className="muted">{time(p.flaggedAt)}</div></> },
            { title: '复核', width: 420, render: (_, p) => <Review p={p} onDone={done} /> },
          ]}
        />
      )}
    </Loaded>
  );
}

interface AgreementForm {
  agreementNo: string;
  uscc: string;
  categoryCode: string;
  kind: 'framework' | 'designated';
  valid: [Dayjs, Dayjs];
}

function Agreements() {
  const list = useLoad(() => api.get<MallAgreement[]>('/procurement/agreements'), []);
  const categories = useLoad(() => api.get<Category[]>('/procurement/categories'), []);
  const { busy, refusal, setRefusal, run } = useAction();
  const [form] = Form.useForm<AgreementForm>();
  const submit = async (v: AgreementForm) => {
    const r = await run(
      'record',
      async () => {
        const org = await api.get<{ id: string }>(`/public/organisations/${encodeURIComponent(v.uscc.trim())}`);
        return api.post<MallAgreement>('/procurement/agreements', { agreementNo: v.agreementNo.trim(), organisationId: org.id, categoryCode: v.categoryCode, kind: v.kind, validFrom: v.valid[0].format('YYYY-MM-DD'), validUntil: v.valid[1].format('YYYY-MM-DD') });
      },
      '已登记协议',
    );
    if (r) (form.resetFields(), list.reload());
  };
  return (
    <>
      <Card size="small" title="登记协议供货 / 定点采购" style={{ marginBottom: 16 }}>
        <Refusal error={refusal} onClose={() => setRefusal(null)} />
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ kind: 'framework' }}>
          <Form.Item name="agreementNo" rules={[{ required: true, message: '请填写协议编号' }]}><Input placeholder="协议编号" data-testid="agreement-no" /></Form.Item>
          <Form.Item name="uscc" rules={[{ required: true, message: '请填写供应商统一社会信用代码' }]}><Input placeholder="供应商统一社会信用代码" style={{ width: 220 }} data-testid="agreement-uscc" /></Form.Item>
          <Form.Item name="categoryCode" rules={[{ required: true, message: '请选择品目' }]}>
            <Select showSearch optionFilterProp="label" placeholder="品目(含下级)" style={{ width: 220 }} loading={categories.loading} options={(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.nameZh}` }))} data-testid="agreement-category" />
          </Form.Item>
          <Form.Item name="kind"><Select style={{ width: 120 }} options={[{ value: 'framework', label: '协议供货' }, { value: 'designated', label: '定点采购' }]} /></Form.Item>
          <Form.Item name="valid" rules={[{ required: true, message: '请选择有效期' }]}><DatePicker.RangePicker data-testid="agreement-valid" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" loading={busy === 'record'} data-testid="agreement-submit">登记</Button></Form.Item>
        </Form>
      </Card>
      <Loaded state={list} empty={(l) => l.length === 0} emptyText="尚无协议">
        {(items) => (
          <Table<MallAgreement>
            scroll={{ x: 900 }}
            rowKey="id"
            size="small"
            dataSource={items}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 份协议` }}
            columns={[
              { title: '协议编号', dataIndex: 'agreementNo', render: (v) => <span className="mono">{v}</span> },
              { title: '供应商', dataIndex: 'organisationName' },
              { title: '品目', render: (_, a) => `${a.categoryCode} ${a.categoryName}` },
              { title: '类型', width: 100, render: (_, a) => (a.kind === 'framework' ? '协议供货' : '定点采购') },
              { title: '有效期', width: 210, render: (_, a) => `${a.validFrom} 至 ${a.validUntil}` },
              { title: '今日', width: 80, render: (_, a) => <Tag color={a.valid ? 'green' : 'default'}>{a.valid ? '有效' : '无效'}</Tag> },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

/** The centre's e-mall desk: flagged prices to review (GET /procurement/products/flagged) and the agreements it records. */
export function MallDesk() {
  const [tab, setTab] = useState('flagged');
  const [tick, setTick] = useState(0);
  const flagged = useLoad(() => api.get<ReviewedProduct[]>('/procurement/products/flagged').then((l) => l.length), [tick]);
  return (
    <Page title="交易业务" sub="土地出让、农村产权、电子卖场中等待交易中心办理的事项">
      <DeskTabs />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'flagged', label: <Waiting label="价格待复核" n={flagged.data} />, children: <><div className="muted" style={{ marginBottom: 12 }}>售价高出参考价超过规则容差的商品:复核后解除提示,或登记其他渠道的参考价(价格回到容差内时提示自动解除)</div><Flagged onCount={() => setTick((n) => n + 1)} /></> },
            { key: 'agreements', label: '协议供货', children: <><div className="muted" style={{ marginBottom: 12 }}>供应商须持有效协议方可在该品目(含下级)上架商品和参与网上竞价</div><Agreements /></> },
          ]}
        />
      </Card>
    </Page>
  );
}
