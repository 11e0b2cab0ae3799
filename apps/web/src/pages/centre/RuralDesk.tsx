import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { DeskDeal, DeskPage, DeskRuralApplication } from '../../api/desk-types';
import { useAction } from '../../components/actions';
import { ErrorState, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { shortHash, time, yuan } from '../../format';
import { DEAL_STATUS } from '../../labels';
import { RURAL_APPLICATION_STATUS } from '../../workspace-labels';
import { WaitingDesk, WaitingTab } from './DeskTabs';

const TABS: WaitingTab[] = [
  { key: 'listing', label: '待挂牌', hint: '登记或申请重新挂牌的项目:核对决议(不少于三分之二同意)与乡镇审批后挂牌公示' },
  { key: 'deposits', label: '待确认保证金', hint: '挂牌期内的报名:保证金到账后确认,发放竞买号' },
  { key: 'refunds', label: '待退保证金', hint: '未成交或未受让方的保证金:登记退款流水号' },
  { key: '', label: '全部', hint: '全部农村产权交易项目' },
];
const BODY: Record<string, string> = { villagers_meeting: '村民会议', representatives_meeting: '村民代表会议' };
const DOC_KIND: Record<string, string> = { resolution: '决议', approval: '审批', contract: '合同' };

/** LISTING_REFUSED lists every reason (details.reasons, each with zh and en). */
function listingReasons(details: unknown): string[] {
  const reasons = (details as { reasons?: { zh?: string }[] } | undefined)?.reasons;
  return Array.isArray(reasons) ? reasons.map((r) => r.zh ?? '').filter(Boolean) : [];
}

function DealApplications({ d, onChanged }: { d: DeskDeal; onChanged: () => void }) {
  const apps = useLoad(() => api.get<DeskRuralApplication[]>(`/rural/deals/${d.id}/applications`), [d.id]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [ref, setRef] = useState<Record<string, string>>({});
  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    if ((await run(key, fn, done)) !== undefined) (apps.reload(), onChanged());
  };
  return (
    <Card size="small" title="报名与保证金" style={{ marginTop: 16 }}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={apps} empty={(a) => a.length === 0} emptyText="尚无报名">
        {(list) => (
          <Table<DeskRuralApplication>
            scroll={{ x: 900 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={list}
            columns={[
              { title: '轮次', dataIndex: 'round', width: 60 },
              { title: '意向受让方', render: (_, a) => <>{a.organisationName}<div className="muted">{time(a.declaredAt)}</div></> },
              { title: '保证金', align: 'right', render: (_, a) => <><span className="money">{yuan(a.amount)}</span><div className="muted">{a.method === 'guarantee' ? '保函' : '转账'} {a.reference}</div></> },
              { title: '状态', width: 120, render: (_, a) => <><StatusTag map={RURAL_APPLICATION_STATUS} value={a.status} />{a.status === 'refund_due' && a.refundDue && <div className="muted">应于 {time(a.refundDue)}</div>}</> },
              {
                title: '办理',
                width: 250,
                render: (_, a) => {
                  if (a.status === 'declared' && d.status === 'listing' && a.round === d.round)
                    return (
                      <Button size="small" type="primary" loading={busy === `c${a.id}`} data-testid={`rural-confirm-${a.id}`} onClick={() => act(`c${a.id}`, () => api.post(`/rural/applications/${a.id}/confirm`), '保证金已确认,竞买号已发给意向受让方')}>
                        确认保证金到账
                      </Button>
                    );
                  if (a.status === 'refund_due')
                    return (
                      <Space.Compact>
                        <Input size="small" placeholder="退款流水号" value={ref[a.id] ?? ''} onChange={(e) => setRef({ ...ref, [a.id]: e.target.value })} />
                        <Button size="small" type="primary" disabled={!ref[a.id]?.trim()} loading={busy === `f${a.id}`} onClick={() => act(`f${a.id}`, () => api.post(`/rural/applications/${a.id}/refund`, { reference: ref[a.id].trim() }), '已登记退还')}>
                          登记退还
                        </Button>
                      </Space.Compact>
                    );
                  return <span className="muted">—</span>;
                },
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

function DealDesk({ id, onChanged }: { id: string; onChanged: () => void }) {
  const deal = useLoad(() => api.get<DeskDeal>(`/rural/deals/${id}`), [id]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [listingEnd, setListingEnd] = useState<Dayjs | null>(null);
  const changed = () => (deal.reload(), onChanged());
  return (
    <Loaded state={deal} rows={8}>
      {(d) => {
        const current = d.listings.find((l) => l.round === d.round);
        return (
          <div data-testid="deal-desk">
            <Space style={{ marginBottom: 12 }}>
              <StatusTag map={DEAL_STATUS} value={d.status} />
              <span className="mono">{d.code}</span>
              <Tag>{d.kindName?.zh ?? d.kind}</Tag>
              {d.round > 1 && <Tag color="orange">第 {d.round} 轮</Tag>}
            </Space>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="转出方">{d.ownerName}</Descriptions.Item>
              <Descriptions.Item label="代理机构">{d.agentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="标的" span={2}>{d.description}</Descriptions.Item>
              <Descriptions.Item label="数量 / 期限">{d.quantity} {d.unit}{d.termMonths ? ` · ${d.termMonths} 个月` : ''}</Descriptions.Item>
              <Descriptions.Item label="挂牌价"><span className="money">{yuan(d.listingPrice)}</span></Descriptions.Item>
              <Descriptions.Item label="加价幅度"><span className="money">{yuan(d.increment)}</span></Descriptions.Item>
              <Descriptions.Item label="保证金"><span className="money">{yuan(d.deposit)}</span></Descriptions.Item>
              <Descriptions.Item label="集体决议">{d.resolution ? `${BODY[d.resolution.body] ?? d.resolution.body} ${d.resolution.date}:${d.resolution.votesFor}/${d.resolution.votesTotal} 同意` : <span className="muted">未上传</span>}</Descriptions.Item>
              <Descriptions.Item label="乡镇审批">{d.approval ? `${d.approval.authority} ${d.approval.date}` : <span className="muted">未上传</span>}</Descriptions.Item>
              {current && <Descriptions.Item label="本轮挂牌" span={2}>{time(current.startsAt)} 至 {time(current.endsAt)}</Descriptions.Item>}
              {d.result && <Descriptions.Item label="成交" span={2}>{d.result.method === 'agreement' ? '协议转让' : '网络竞价'} · {d.result.buyerName} · <span className="money">{yuan(d.result.price)}</span> · 公示至 {time(d.result.publicityUntil)}</Descriptions.Item>}
            </Descriptions>
            {d.documents.length > 0 && (
              <Table size="small" rowKey="id" pagination={false} style={{ marginBottom: 16 }} dataSource={d.documents} columns={[
                { title: '文件', width: 70, render: (_, x) => DOC_KIND[x.kind] ?? x.kind },
                { title: '文件名', dataIndex: 'fileName' },
                { title: 'SHA-256', dataIndex: 'sha256', width: 150, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h)}</span></Tooltip> },
              ]} />
            )}
            {['draft', 'relisting'].includes(d.status) && (
              <Card size="small" title={d.status === 'relisting' ? `重新挂牌(第 ${d.round} 轮)` : '挂牌公示'} data-testid="rural-list-card">
                <Refusal error={refusal} onClose={() => setRefusal(null)} />
                {listingReasons(refusal?.body.details).length > 0 && (
                  <ul data-testid="rural-list-reasons">
                    {listingReasons(refusal?.body.details).map((r, i) => <li key={i}>{r}</li>)}
                  </ul>
                )}
                <Space wrap>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    placeholder="挂牌截止(可选)"
                    value={listingEnd}
                    onChange={setListingEnd}
                    data-testid="rural-list-ends"
                  />
                  <Popconfirm
                    title={listingEnd ? `挂牌公示至 ${listingEnd.format('YYYY-MM-DD HH:mm')}?不得短于规则的最短挂牌期。` : '挂牌公示?挂牌期按规则的最短期限计算。'}
                    okText="挂牌"
                    cancelText="取消"
                    onConfirm={async () => (await run('list', () => api.post(`/rural/deals/${d.id}/list`, listingEnd ? { endsAt: listingEnd.toISOString() } : {}), '已挂牌公示')) !== undefined && changed()}
                  >
                    <Button type="primary" loading={busy === 'list'} data-testid="rural-list">挂牌公示</Button>
                  </Popconfirm>
                </Space>
                <div className="muted" style={{ marginTop: 8 }}>首次挂牌时固化现行规则;决议同意比例、乡镇审批与加价幅度不符合规则的,平台不予挂牌并列明理由。</div>
              </Card>
            )}
            {d.status !== 'draft' && <DealApplications d={d} onChanged={changed} />}
            {d.status !== 'draft' && <div style={{ marginTop: 16 }}><Link to={`/portal/rural/${d.id}`}>公开页面</Link>{current?.lotId && d.status === 'live' && <> · <Link to={`/portal/lots/${current.lotId}`}>竞价实况</Link></>}</div>}
          </div>
        );
      }}
    </Loaded>
  );
}

function DealTable({ waiting, tick, onOpen }: { waiting: string; tick: number; onOpen: (d: DeskDeal) => void }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useLoad(() => api.get<DeskPage<DeskDeal>>('/rural/deals', { waiting: waiting || undefined, page, pageSize }), [waiting, page, pageSize, tick]);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Table<DeskDeal>
      scroll={{ x: 900 }}
      rowKey="id"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.data ? '暂无待办项目' : ' ' }}
      onRow={(d) => ({ onClick: () => onOpen(d), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 个项目`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
      columns={[
        { title: '项目', render: (_, d) => <><a>{d.name}</a><div className="mono muted">{d.code} · {d.kindName?.zh}</div></> },
        { title: '转出方', dataIndex: 'ownerName', width: 200 },
        { title: '挂牌价', width: 150, align: 'right', render: (_, d) => <span className="money">{yuan(d.listingPrice)}</span> },
        { title: '决议 / 审批', width: 110, render: (_, d) => <Space size={4}><Tag color={d.resolution ? 'green' : 'default'}>决议</Tag><Tag color={d.approval ? 'green' : 'default'}>审批</Tag></Space> },
        { title: '待确认 / 已确认 / 待退', width: 150, render: (_, d) => <Space size={4}><Tag color={d.declaredApplications ? 'orange' : 'default'}>{d.declaredApplications}</Tag><Tag color="green">{d.qualifiedApplications}</Tag><Tag color={d.refundsDue ? 'gold' : 'default'}>{d.refundsDue}</Tag></Space> },
        { title: '挂牌截止', width: 170, render: (_, d) => time(d.listings.find((l) => l.round === d.round)?.endsAt) },
        { title: '状态', width: 100, render: (_, d) => <StatusTag map={DEAL_STATUS} value={d.status} /> },
      ]}
    />
  );
}

/** The centre's rural desk: deals to list, deposits to confirm, deposits to refund (GET /rural/deals). */
export function RuralDesk() {
  return (
    <WaitingDesk<DeskDeal>
      tabs={TABS}
      path="/rural/deals"
      drawerWidth={860}
      list={(waiting, tick, onOpen) => <DealTable waiting={waiting} tick={tick} onOpen={onOpen} />}
      detail={(id, onChanged) => <DealDesk id={id} onChanged={onChanged} />}
    />
  );
}
