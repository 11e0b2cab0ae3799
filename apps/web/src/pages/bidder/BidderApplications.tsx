import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Form, Input, Row, Select, Table, Tabs, Tag, Tooltip, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Page as Paged, PublicParcel, RuralDeal } from '../../api/types';
import { MyLandApplication, MyRuralApplication } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { typedMoneyRule, useAction } from '../../components/actions';
import { typedYuan } from '../../money-words';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { shortHash, time, yuan, zh } from '../../format';
import { DEAL_STATUS, LAND_USE, PARCEL_PHASE } from '../../labels';
import { LAND_APPLICATION_STATUS, RURAL_APPLICATION_STATUS } from '../../workspace-labels';

const DEPOSIT_METHODS = [{ value: 'transfer', label: '银行转账' }, { value: 'guarantee', label: '保函' }];

/** The organisation's applications in one request per domain (the newest 100), matched to the public lists by project. */
const MINE = { pageSize: 100 };

interface LandRow { parcel: PublicParcel; mine: MyLandApplication | null }

function LandApply({ parcel, onDone }: { parcel: PublicParcel; onDone: () => void }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { busy, refusal, setRefusal, run } = useAction();
  const submit = async (v: { depositMethod: string; depositReference: string; depositAmount: string }) => {
    const form = new FormData();
    form.append('depositMethod', v.depositMethod);
    form.append('depositReference', v.depositReference.trim());
    form.append('depositAmount', typedYuan(v.depositAmount)!);
    const f = files[0]?.originFileObj;
    if (f) form.append('file', f, f.name);
    if (await run('apply', () => api.form(`/land/parcels/${parcel.id}/applications`, form), '竞买申请已提交,等待交易中心审核资格')) onDone();
  };
  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ depositMethod: 'transfer', depositAmount: parcel.deposit }}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Row gutter={12}>
        <Col span={8}><Form.Item name="depositMethod" label="保证金方式"><Select options={DEPOSIT_METHODS} /></Form.Item></Col>
        <Col span={8}><Form.Item name="depositReference" label="流水号 / 保函编号" rules={[{ required: true, min: 4, message: '4–64 位编号' }]}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="depositAmount" label="保证金金额" rules={[{ required: true }, typedMoneyRule]}><Input addonAfter="元" /></Form.Item></Col>
      </Row>
      <Form.Item label="竞买资格文件(营业执照、授权书等,SHA-256 存证)" required>
        <Upload beforeUpload={() => false} maxCount={1} fileList={files} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={!files.length} loading={busy === 'apply'}>提交竞买申请</Button>
    </Form>
  );
}

function LandTab() {
  const rows = useLoad(async (): Promise<LandRow[]> => {
    const [all, mine] = await Promise.all([api.get<PublicParcel[]>('/public/land/parcels'), api.get<Paged<MyLandApplication>>('/land/applications/mine', MINE)]);
    const byParcel = new Map(mine.items.map((a) => [a.parcelId, a]));
    return all.filter((p) => p.phase !== 'ended').slice(0, 30).map((parcel) => ({ parcel, mine: byParcel.get(parcel.id) ?? null }));
  }, []);
  const [open, setOpen] = useState<LandRow | null>(null);
  return (
    <>
      <Loaded state={rows} empty={(l) => !l.length} emptyText="暂无公告中的出让地块">
        {(l) => (
          <Table<LandRow>
            rowKey={(r) => r.parcel.id}
            dataSource={l}
            columns={[
              { title: '地块', render: (_, { parcel: p }) => <><Link to={`/portal/land/${p.id}`}>{p.name}</Link><div className="muted">{p.location} · {LAND_USE[p.use] ?? p.use} · {p.area} ㎡</div></> },
              { title: '起始价', width: 150, align: 'right', render: (_, { parcel: p }) => <span className="money">{yuan(p.startPrice)}</span> },
              { title: '保证金', width: 150, align: 'right', render: (_, { parcel: p }) => <span className="money">{yuan(p.deposit)}</span> },
              { title: '阶段', width: 100, render: (_, { parcel: p }) => <StatusTag map={PARCEL_PHASE} value={p.phase} /> },
              { title: '我的申请', width: 160, render: (_, { mine }) => (mine ? <><StatusTag map={LAND_APPLICATION_STATUS} value={mine.status} />{mine.paddle !== null && <span className="paddle mine">{mine.paddle}</span>}</> : <span className="muted">未申请</span>) },
              { title: '', width: 90, render: (_, r) => <Button size="small" type={r.mine ? 'default' : 'primary'} onClick={() => setOpen(r)}>{r.mine ? '查看' : '申请'}</Button> },
            ]}
          />
        )}
      </Loaded>
      <Drawer width={680} open={!!open} title={open?.parcel.name} onClose={() => setOpen(null)} destroyOnClose>
        {open && (
          <>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="编号"><span className="mono">{open.parcel.code}</span></Descriptions.Item>
              <Descriptions.Item label="出让方式">{open.parcel.mode === 'auction' ? '拍卖' : '挂牌'}</Descriptions.Item>
              <Descriptions.Item label="起始价"><span className="money">{yuan(open.parcel.startPrice)}</span></Descriptions.Item>
              <Descriptions.Item label="保证金"><span className="money">{yuan(open.parcel.deposit)}</span></Descriptions.Item>
              <Descriptions.Item label="挂牌期">{time(open.parcel.listingStartsAt)} 至 {time(open.parcel.listingEndsAt)}</Descriptions.Item>
              <Descriptions.Item label="拍卖时间">{time(open.parcel.auctionAt)}</Descriptions.Item>
            </Descriptions>
            {open.mine ? (
              <Descriptions size="small" column={1} bordered title="我的竞买申请">
                <Descriptions.Item label="状态"><StatusTag map={LAND_APPLICATION_STATUS} value={open.mine.status} />{open.mine.rejectReason && <span>{open.mine.rejectReason}</span>}</Descriptions.Item>
                <Descriptions.Item label="竞买号">{open.mine.paddle ?? '资格确认后发放,仅本人可见'}</Descriptions.Item>
                <Descriptions.Item label="资格文件">{open.mine.fileName}<Tooltip title={open.mine.sha256}><span className="mono"> {shortHash(open.mine.sha256)}</span></Tooltip></Descriptions.Item>
                <Descriptions.Item label="保证金"><span className="money">{yuan(open.mine.deposit.amount)}</span> · {open.mine.deposit.reference}</Descriptions.Item>
                <Descriptions.Item label="申请时间">{time(open.mine.appliedAt)}</Descriptions.Item>
              </Descriptions>
            ) : (
              <LandApply parcel={open.parcel} onDone={() => (setOpen(null), rows.reload())} />
            )}
            {open.parcel.lotId && <Alert style={{ marginTop: 16 }} type="info" showIcon message={<>资格确认后可进入<Link to={`/workspace/bidder/lots/${open.parcel.lotId}`}>竞价室</Link>。</>} />}
          </>
        )}
      </Drawer>
    </>
  );
}

interface RuralRow { deal: RuralDeal; mine: MyRuralApplication[] }

function RuralApply({ deal, onDone }: { deal: RuralDeal; onDone: () => void }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const submit = async (v: { method: string; reference: string; payerAccount?: string; amount: string }) => {
    const body = { method: v.method, reference: v.reference.trim(), amount: typedYuan(v.amount)!, ...(v.payerAccount?.trim() ? { payerAccount: v.payerAccount.trim() } : {}) };
    if (await run('apply', () => api.post(`/rural/deals/${deal.id}/applications`, body), '报名成功,保证金待交易中心确认')) onDone();
  };
  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ method: 'transfer', amount: deal.deposit }}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Row gutter={12}>
        <Col span={8}><Form.Item name="method" label="保证金方式"><Select options={[{ value: 'transfer', label: '银行转账' }, { value: 'guarantee', label: '电子保函' }]} /></Form.Item></Col>
        <Col span={8}><Form.Item name="reference" label="流水号 / 保函编号" rules={[{ required: true, min: 4, message: '4–64 位编号' }]}><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="amount" label="金额" rules={[{ required: true }, typedMoneyRule]}><Input addonAfter="元" /></Form.Item></Col>
      </Row>
      <Form.Item name="payerAccount" label="付款账号(转账时)" rules={[{ pattern: /^\d{8,32}$/, message: '8–32 位数字' }]}><Input /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === 'apply'}>报名并申报保证金</Button>
    </Form>
  );
}

function RuralTab() {
  const rows = useLoad(async (): Promise<RuralRow[]> => {
    const [deals, mine] = await Promise.all([api.get<Paged<RuralDeal>>('/public/rural/deals', { pageSize: 50 }), api.get<Paged<MyRuralApplication>>('/rural/applications/mine', MINE)]);
    // oldest round first, as the drawer lists them; the column shows the latest
    const ofDeal = (id: string) => mine.items.filter((a) => a.dealId === id).reverse();
    return deals.items.filter((d) => ['listing', 'relisting', 'agreement', 'live'].includes(d.status)).map((deal) => ({ deal, mine: ofDeal(deal.id) }));
  }, []);
  const [open, setOpen] = useState<RuralRow | null>(null);
  return (
    <>
      <Loaded state={rows} empty={(l) => !l.length} emptyText="暂无挂牌中的农村产权项目">
        {(l) => (
          <Table<RuralRow>
            rowKey={(r) => r.deal.id}
            dataSource={l}
            columns={[
              { title: '项目', render: (_, { deal: d }) => <><Link to={`/portal/rural/${d.id}`}>{d.name}</Link><div className="muted">{zh(d.kindName, d.kind)} · {d.quantity} {d.unit}{d.termMonths ? ` · ${d.termMonths} 个月` : ''}</div></> },
              { title: '挂牌价', width: 150, align: 'right', render: (_, { deal: d }) => <span className="money">{yuan(d.listingPrice)}</span> },
              { title: '保证金', width: 130, align: 'right', render: (_, { deal: d }) => <span className="money">{yuan(d.deposit)}</span> },
              { title: '状态', width: 100, render: (_, { deal: d }) => <StatusTag map={DEAL_STATUS} value={d.status} /> },
              { title: '我的报名', width: 160, render: (_, { mine }) => (mine.length ? <><StatusTag map={RURAL_APPLICATION_STATUS} value={mine[mine.length - 1].status} />{mine[mine.length - 1].paddle !== null && <span className="paddle mine">{mine[mine.length - 1].paddle}</span>}</> : <span className="muted">未报名</span>) },
              { title: '', width: 90, render: (_, r) => <Button size="small" type={r.mine.length ? 'default' : 'primary'} onClick={() => setOpen(r)}>{r.mine.length ? '查看' : '报名'}</Button> },
            ]}
          />
        )}
      </Loaded>
      <Drawer width={640} open={!!open} title={open?.deal.name} onClose={() => setOpen(null)} destroyOnClose>
        {open && (
          <>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="编号"><span className="mono">{open.deal.code}</span></Descriptions.Item>
              <Descriptions.Item label="转出方">{open.deal.ownerName}</Descriptions.Item>
              <Descriptions.Item label="挂牌价"><span className="money">{yuan(open.deal.listingPrice)}</span></Descriptions.Item>
              <Descriptions.Item label="保证金"><span className="money">{yuan(open.deal.deposit)}</span></Descriptions.Item>
              <Descriptions.Item label="说明" span={2}>{open.deal.description}</Descriptions.Item>
            </Descriptions>
            {open.mine.length ? (
              <Table size="small" rowKey="id" pagination={false} dataSource={open.mine} columns={[
                { title: '轮次', dataIndex: 'round', width: 60 },
                { title: '金额', dataIndex: 'amount', align: 'right', render: (v) => yuan(v) },
                { title: '编号', dataIndex: 'reference' },
                { title: '状态', dataIndex: 'status', render: (s) => <StatusTag map={RURAL_APPLICATION_STATUS} value={s} /> },
                { title: '竞买号', dataIndex: 'paddle', render: (p) => p ?? '—' },
              ]} />
            ) : (
              <RuralApply deal={open.deal} onDone={() => (setOpen(null), rows.reload())} />
            )}
          </>
        )}
      </Drawer>
    </>
  );
}

/** The bidder's applications outside tendering: land (竞买申请 with documents and deposit) and rural (受让报名). */
export function BidderApplications() {
  return (
    <Page title="竞买与受让申请" sub="国有建设用地使用权竞买申请、农村产权受让报名;资格确认后发放竞买号(仅本人可见)">
      <Card>
        <Tabs items={[{ key: 'land', label: <Tag color="orange" bordered={false}>土地使用权</Tag>, children: <LandTab /> }, { key: 'rural', label: <Tag color="green" bordered={false}>农村产权</Tag>, children: <RuralTab /> }]} />
      </Card>
    </Page>
  );
}
