import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { DeskLandApplication, DeskPage, DeskParcel, LandConfirmation } from '../../api/desk-types';
import { downloadFile, useAction } from '../../components/actions';
import { ErrorState, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { shortHash, time, yuan } from '../../format';
import { LAND_RESULT, LAND_USE } from '../../labels';
import { LAND_APPLICATION_STATUS } from '../../workspace-labels';
import { WaitingDesk, WaitingTab } from './DeskTabs';

const PARCEL_STATUS: Record<string, { text: string; color: string }> = {
  registered: { text: '待发布公告', color: 'warning' },
  announced: { text: '已公告', color: 'processing' },
  ended: { text: '已结束', color: 'default' },
  confirmed: { text: '已确认成交', color: 'success' },
};
const DEPOSIT: Record<string, { text: string; color: string }> = {
  held: { text: '持有', color: 'blue' },
  refund_due: { text: '待退还', color: 'warning' },
  refunded: { text: '已退还', color: 'default' },
  converted: { text: '转作价款', color: 'success' },
};
const TABS: WaitingTab[] = [
  { key: 'announcement', label: '待发布公告', hint: '出让人登记的地块:核对后发布出让公告,设定挂牌起止或拍卖时间' },
  { key: 'applications', label: '待审核申请', hint: '竞买申请:查看资格文件与保证金,确认资格(竞买号只发给竞买人)或不予确认' },
  { key: 'confirmation', label: '待出具确认书', hint: '已成交的地块:出具成交确认书,竞得人保证金转作价款' },
  { key: 'refunds', label: '待退保证金', hint: '结束后未竞得人的保证金:登记退款流水号' },
  { key: '', label: '全部', hint: '全部出让地块' },
];

function Announce({ p, onDone }: { p: DeskParcel; onDone: () => void }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [at, setAt] = useState<Dayjs | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const body = p.mode === 'auction' ? { auctionAt: at?.toISOString() } : { listingStartsAt: range?.[0]?.toISOString(), listingEndsAt: range?.[1]?.toISOString() };
  const ready = p.mode === 'auction' ? !!at : !!(range?.[0] && range?.[1]);
  return (
    <Card size="small" title="发布出让公告" data-testid="land-announce">
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Space wrap>
        {p.mode === 'auction' ? (
          <>
            <span>拍卖时间(北京时间):</span>
            <DatePicker showTime value={at} onChange={setAt} data-testid="land-auction-at" />
          </>
        ) : (
          <>
            <span>挂牌起止(北京时间):</span>
            <DatePicker.RangePicker showTime value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} data-testid="land-listing-range" />
          </>
        )}
        <Button type="primary" disabled={!ready} loading={busy === 'announce'} data-testid="land-announce-submit" onClick={async () => (await run('announce', () => api.post(`/land/parcels/${p.id}/announce`, body), '已发布出让公告')) !== undefined && onDone()}>
          发布公告
        </Button>
      </Space>
      <div className="muted" style={{ marginTop: 8 }}>发布时固化现行规则版本;开始时间须在公告后满规定期限(如 20 日),挂牌期不少于规定期限。</div>
    </Card>
  );
}

function Applications({ p, onChanged }: { p: DeskParcel; onChanged: () => void }) {
  const apps = useLoad(() => api.get<DeskLandApplication[]>(`/land/parcels/${p.id}/applications`), [p.id]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [reason, setReason] = useState<Record<string, string>>({});
  const [ref, setRef] = useState<Record<string, string>>({});
  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    if ((await run(key, fn, done)) !== undefined) (apps.reload(), onChanged());
  };
  return (
    <Card size="small" title="竞买申请与保证金" style={{ marginTop: 16 }}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={apps} empty={(a) => a.length === 0} emptyText="尚无竞买申请">
        {(list) => (
          <Table<DeskLandApplication>
            scroll={{ x: 900 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={list}
            columns={[
              { title: '竞买人', width: 170, render: (_, a) => <>{a.organisationName}<div className="muted">{time(a.appliedAt)}</div></> },
              {
                title: '资格文件',
                width: 150,
                render: (_, a) => (
                  <Tooltip title={`SHA-256 ${a.sha256}`}>
                    <a onClick={() => run('doc', () => downloadFile(`/land/applications/${a.id}/documents`, a.fileName))}>{a.fileName}</a>
                    <div className="mono muted">{shortHash(a.sha256)}</div>
                  </Tooltip>
                ),
              },
              { title: '保证金', align: 'right', render: (_, a) => <><span className="money">{yuan(a.depositAmount)}</span><div className="muted">{a.depositMethod === 'guarantee' ? '保函' : '转账'} {a.depositReference}</div></> },
              { title: '资格', width: 110, render: (_, a) => <><StatusTag map={LAND_APPLICATION_STATUS} value={a.status} />{a.rejectReason && <div className="muted">{a.rejectReason}</div>}</> },
              { title: '保证金状态', width: 100, render: (_, a) => <><StatusTag map={DEPOSIT} value={a.depositStatus} />{a.refundDue && a.depositStatus === 'refund_due' && <div className="muted">应于 {time(a.refundDue)}</div>}</> },
              {
                title: '办理',
                width: 250,
                render: (_, a) => {
                  if (a.status === 'submitted' && p.status === 'announced')
                    return (
                      <Space direction="vertical" size={4}>
                        <Button size="small" type="primary" loading={busy === `q${a.id}`} data-testid={`land-qualify-${a.id}`} onClick={() => act(`q${a.id}`, () => api.post(`/land/applications/${a.id}/qualify`), '已确认竞买资格,竞买号已发给竞买人')}>
                          确认资格
                        </Button>
                        <Space.Compact>
                          <Input size="small" placeholder="不予确认的理由" value={reason[a.id] ?? ''} onChange={(e) => setReason({ ...reason, [a.id]: e.target.value })} />
                          <Button size="small" danger disabled={!reason[a.id]?.trim()} loading={busy === `r${a.id}`} onClick={() => act(`r${a.id}`, () => api.post(`/land/applications/${a.id}/reject`, { reason: reason[a.id].trim() }), '已不予确认')}>
                            不予确认
                          </Button>
                        </Space.Compact>
                      </Space>
                    );
                  if (a.depositStatus === 'refund_due')
                    return (
                      <Space.Compact>
                        <Input size="small" placeholder="退款流水号" value={ref[a.id] ?? ''} onChange={(e) => setRef({ ...ref, [a.id]: e.target.value })} data-testid={`land-refund-ref-${a.id}`} />
                        <Button size="small" type="primary" disabled={!ref[a.id]?.trim()} loading={busy === `f${a.id}`} data-testid={`land-refund-${a.id}`} onClick={() => act(`f${a.id}`, () => api.post(`/land/applications/${a.id}/refund`, { reference: ref[a.id].trim() }), '已登记退还')}>
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

function Confirmation({ p, onDone }: { p: DeskParcel; onDone: () => void }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [done, setDone] = useState<LandConfirmation | null>(null);
  return (
    <Card size="small" title="成交确认书" style={{ marginTop: 16 }}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {done ? (
        <div data-testid="land-confirmation-no">成交确认书 <span className="mono">{done.confirmationNo}</span> 已出具</div>
      ) : (
        <Popconfirm title="出具成交确认书?竞得人的保证金将转作价款。" okText="出具" cancelText="取消" onConfirm={async () => { const r = await run('confirm', () => api.post<LandConfirmation>(`/land/parcels/${p.id}/confirmation`), '已出具成交确认书'); if (r) (setDone(r), onDone()); }}>
          <Button type="primary" loading={busy === 'confirm'} data-testid="land-confirm">出具成交确认书</Button>
        </Popconfirm>
      )}
    </Card>
  );
}

function ParcelDesk({ id, onChanged }: { id: string; onChanged: () => void }) {
  const parcel = useLoad(() => api.get<DeskParcel>(`/land/parcels/${id}`), [id]);
  const changed = () => (parcel.reload(), onChanged());
  return (
    <Loaded state={parcel} rows={8}>
      {(p) => (
        <div data-testid="parcel-desk">
          <Space style={{ marginBottom: 12 }}>
            <StatusTag map={PARCEL_STATUS} value={p.status} />
            <span className="mono">{p.code}</span>
            <Tag>{p.mode === 'auction' ? '拍卖' : '挂牌'}</Tag>
          </Space>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="出让人">{p.ownerName}</Descriptions.Item>
            <Descriptions.Item label="坐落">{p.location}</Descriptions.Item>
            <Descriptions.Item label="面积">{p.area} 平方米</Descriptions.Item>
            <Descriptions.Item label="用途 / 年限">{LAND_USE[p.use] ?? p.use} · {p.termYears} 年 · 容积率 {p.plotRatio}</Descriptions.Item>
            <Descriptions.Item label="起始价"><span className="money">{yuan(p.startPrice)}</span></Descriptions.Item>
            <Descriptions.Item label="竞买保证金"><span className="money">{yuan(p.deposit)}</span></Descriptions.Item>
            <Descriptions.Item label="加价幅度">{'fixed' in p.increment ? yuan(p.increment.fixed) : p.increment.ladder.map((b) => `${yuan(b.from)} 起 ${yuan(b.step)}`).join(';')}</Descriptions.Item>
            <Descriptions.Item label="保留价">{p.hasReserve ? '已设(密封)' : '未设'}</Descriptions.Item>
            {p.status !== 'registered' && <Descriptions.Item label={p.mode === 'auction' ? '拍卖时间' : '挂牌起止'} span={2}>{p.mode === 'auction' ? time(p.auctionAt) : `${time(p.listingStartsAt)} 至 ${time(p.listingEndsAt)}`}</Descriptions.Item>}
            {p.outcome && <Descriptions.Item label="结果">{LAND_RESULT[p.outcome]}{p.price && <> · <span className="money">{yuan(p.price)}</span> · {p.winnerName ? `${p.winnerName} · ` : ''}竞买号 {p.winnerPaddle}</>}</Descriptions.Item>}
            {p.confirmationNo && <Descriptions.Item label="成交确认书"><span className="mono">{p.confirmationNo}</span></Descriptions.Item>}
          </Descriptions>
          {p.status === 'registered' && <Announce p={p} onDone={changed} />}
          {p.status === 'ended' && p.outcome === 'sold' && <Confirmation p={p} onDone={changed} />}
          {p.status !== 'registered' && <Applications p={p} onChanged={changed} />}
          {p.status !== 'registered' && <div style={{ marginTop: 16 }}><Link to={`/portal/land/${p.id}`}>公开页面</Link>{p.lotId && <> · <Link to={`/portal/lots/${p.lotId}`}>竞价实况</Link></>}</div>}
        </div>
      )}
    </Loaded>
  );
}

function ParcelTable({ waiting, tick, onOpen }: { waiting: string; tick: number; onOpen: (p: DeskParcel) => void }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useLoad(() => api.get<DeskPage<DeskParcel>>('/land/parcels', { waiting: waiting || undefined, page, pageSize }), [waiting, page, pageSize, tick]);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Table<DeskParcel>
      scroll={{ x: 900 }}
      rowKey="id"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.data ? '暂无待办地块' : ' ' }}
      onRow={(p) => ({ onClick: () => onOpen(p), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 宗地块`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
      columns={[
        { title: '地块', render: (_, p) => <><a>{p.name}</a><div className="mono muted">{p.code}</div></> },
        { title: '出让人', dataIndex: 'ownerName', width: 200 },
        { title: '方式', width: 70, render: (_, p) => (p.mode === 'auction' ? '拍卖' : '挂牌') },
        { title: '起始价 / 成交价', width: 170, align: 'right', render: (_, p) => <><span className="money">{yuan(p.startPrice)}</span>{p.price && <div className="money">{yuan(p.price)}</div>}</> },
        { title: '待审核 / 已确认 / 待退', width: 150, render: (_, p) => <Space size={4}><Tag color={p.submittedApplications ? 'orange' : 'default'}>{p.submittedApplications}</Tag><Tag color="green">{p.qualifiedApplications}</Tag><Tag color={p.refundsDue ? 'gold' : 'default'}>{p.refundsDue}</Tag></Space> },
        { title: '时间', width: 170, render: (_, p) => time(p.endedAt ?? p.auctionAt ?? p.listingEndsAt ?? p.announcedAt) },
        { title: '状态', width: 110, render: (_, p) => <StatusTag map={PARCEL_STATUS} value={p.status} /> },
      ]}
    />
  );
}

/** The centre's land desk: parcels to announce, applications to decide, deals to confirm, deposits to refund (GET /land/parcels). */
export function LandDesk() {
  return (
    <WaitingDesk<DeskParcel>
      tabs={TABS}
      path="/land/parcels"
      drawerWidth={980}
      list={(waiting, tick, onOpen) => <ParcelTable waiting={waiting} tick={tick} onOpen={onOpen} />}
      detail={(id, onChanged) => <ParcelDesk id={id} onChanged={onChanged} />}
    />
  );
}
