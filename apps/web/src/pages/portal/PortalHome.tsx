import { useState } from 'react';
import { Button, Card, Input, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { RegionText } from './PublicParts';
import { SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Page as Paged, PublicParcel, PublicProject, RuralDeal, Tender } from '../../api/types';
import { Loadable, Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { DOMAIN_LABEL, time, yuan, zh } from '../../format';
import { DEAL_STATUS, LAND_USE, PARCEL_PHASE, PROJECT_STATUS, TENDER_KIND, TENDER_STATUS } from '../../labels';

import { Requirement } from '../../api/workspace-types';

const matches = (q: string, ...fields: (string | null | undefined)[]) => !q || fields.some((f) => f?.toLowerCase().includes(q.toLowerCase()));

/** A project's public page by domain; an e-mall project (its requirement id unknown here) goes to the portal's project page. */
export function projectLink(p: { id: string; domain: string }): string {
  return { tendering: `/portal/tenders/${p.id}`, land: `/portal/land/${p.id}`, rural: `/portal/rural/${p.id}` }[p.domain] ?? `/portal/projects/${p.id}`;
}

/** The counts are those of the lists below (same requests), so the banner never disagrees with a tab. */
function Hero({ counts }: { counts: (number | undefined)[] }) {
  return (
    <div className="hero">
      <div>
        <h2>公共资源交易公开信息</h2>
        <p>平台之外无交易 —— 让每一笔交易晒在阳光下。公告、开标记录、结果公示与竞价实况,无需登录即可查阅。</p>
      </div>
      <div className="hero-stats" data-testid="hero-counts">
        {(['工程建设', '土地使用权', '政府采购', '农村产权'] as const).map((label, i) => (
          <Statistic key={label} title={label} value={counts[i] ?? '—'} suffix={counts[i] === undefined ? '' : '项'} />
        ))}
      </div>
    </div>
  );
}

function Filters({ q, setQ, status, setStatus, options }: { q: string; setQ: (v: string) => void; status?: string; setStatus: (v?: string) => void; options: { value: string; label: string }[] }) {
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Input allowClear prefix={<SearchOutlined />} placeholder="项目名称、编号或单位" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 300, maxWidth: '100%' }} data-testid="search" />
      <Select allowClear placeholder="状态" value={status} onChange={setStatus} options={options} style={{ width: 160 }} />
    </Space>
  );
}

function AllProjects() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  const list = useLoad(() => api.get<Paged<PublicProject>>('/public/projects', { page, pageSize: 15 }), [page]);
  return (
    <>
      <Filters q={q} setQ={setQ} status={status} setStatus={setStatus} options={Object.entries(PROJECT_STATUS).map(([value, s]) => ({ value, label: s.text }))} />
      <Loaded state={list}>
        {(d) => (
          <Table<PublicProject>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            dataSource={d.items.filter((p) => matches(q, p.name, p.code, p.owner?.name) && (!status || p.status === status))}
            pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showTotal: (t) => `共 ${t} 项` }}
            locale={{ emptyText: '暂无项目' }}
            columns={[
              { title: '项目编号', dataIndex: 'code', width: 170, responsive: ['sm'], render: (c) => <span className="mono">{c}</span> },
              { title: '项目名称', dataIndex: 'name', render: (n, p) => <Link to={projectLink(p)}>{n}</Link> },
              { title: '交易领域', dataIndex: 'domain', width: 110, render: (d) => <Tag>{DOMAIN_LABEL[d]}</Tag> },
              { title: '项目单位', dataIndex: ['owner', 'name'], width: 200 },
              { title: '地区', dataIndex: 'region', width: 150, render: (r) => <RegionText code={r} /> },
              { title: '状态', dataIndex: 'status', width: 100, render: (s) => <StatusTag map={PROJECT_STATUS} value={s} /> },
              { title: '发布时间', dataIndex: 'publishedAt', width: 180, render: time },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

function Tenders({ list }: { list: Loadable<Tender[]> }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  return (
    <>
      <Filters q={q} setQ={setQ} status={status} setStatus={setStatus} options={Object.entries(TENDER_STATUS).map(([value, s]) => ({ value, label: s.text }))} />
      <Loaded state={list}>
        {(d) => (
          <Table<Tender>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            dataSource={d.filter((t) => matches(q, t.name, t.code, t.ownerName, t.agentName) && (!status || t.status === status))}
            pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 项` }}
            locale={{ emptyText: '暂无招标公告' }}
            columns={[
              { title: '项目编号', dataIndex: 'code', width: 170, responsive: ['sm'], render: (c) => <span className="mono">{c}</span> },
              { title: '项目名称', dataIndex: 'name', render: (n, t) => <Link to={`/portal/tenders/${t.id}`}>{n}</Link> },
              { title: '类别', dataIndex: 'kind', width: 70, render: (k) => TENDER_KIND[k] ?? k },
              { title: '招标人', dataIndex: 'ownerName', width: 180 },
              { title: '地区', dataIndex: 'region', width: 150, render: (r) => <RegionText code={r} /> },
              { title: '估算金额', dataIndex: 'estimate', width: 160, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '投标截止', dataIndex: 'bidDeadline', width: 170, render: time },
              { title: '状态', dataIndex: 'status', width: 100, render: (s) => <StatusTag map={TENDER_STATUS} value={s} /> },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

function Parcels({ list }: { list: Loadable<PublicParcel[]> }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  return (
    <>
      <Filters q={q} setQ={setQ} status={status} setStatus={setStatus} options={Object.entries(PARCEL_PHASE).map(([value, s]) => ({ value, label: s.text }))} />
      <Loaded state={list}>
        {(d) => (
          <Table<PublicParcel>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            dataSource={d.filter((p) => matches(q, p.name, p.code, p.location, p.ownerName) && (!status || p.phase === status))}
            pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 宗` }}
            locale={{ emptyText: '暂无出让公告' }}
            columns={[
              { title: '地块编号', dataIndex: 'code', width: 170, responsive: ['sm'], render: (c) => <span className="mono">{c}</span> },
              { title: '地块名称', dataIndex: 'name', render: (n, p) => <Link to={`/portal/land/${p.id}`}>{n}</Link> },
              { title: '用途', dataIndex: 'use', width: 70, render: (u) => LAND_USE[u] ?? u },
              { title: '地区', dataIndex: 'region', width: 150, render: (r) => <RegionText code={r} /> },
              { title: '面积(㎡)', dataIndex: 'area', width: 120, align: 'right', render: (a) => yuan(a, false) },
              { title: '起始价', dataIndex: 'startPrice', width: 170, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '方式', dataIndex: 'mode', width: 70, render: (m) => (m === 'auction' ? '拍卖' : '挂牌') },
              { title: '状态', dataIndex: 'phase', width: 110, render: (s) => <StatusTag map={PARCEL_PHASE} value={s} /> },
              { title: '', width: 100, render: (_, p) => (p.lotId && (p.phase === 'listing' || p.phase === 'live') ? <Link to={`/portal/lots/${p.lotId}`}><Button size="small" danger>观看竞价</Button></Link> : null) },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

function Rural() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  const list = useLoad(() => api.get<Paged<RuralDeal>>('/public/rural/deals', { page, pageSize: 15 }), [page]);
  return (
    <>
      <Filters q={q} setQ={setQ} status={status} setStatus={setStatus} options={Object.entries(DEAL_STATUS).map(([value, s]) => ({ value, label: s.text }))} />
      <Loaded state={list}>
        {(d) => (
          <Table<RuralDeal>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            dataSource={d.items.filter((x) => matches(q, x.name, x.code, x.ownerName) && (!status || x.status === status))}
            pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showTotal: (t) => `共 ${t} 项` }}
            locale={{ emptyText: '暂无农村产权交易' }}
            columns={[
              { title: '项目编号', dataIndex: 'code', width: 170, responsive: ['sm'], render: (c) => <span className="mono">{c}</span> },
              { title: '项目名称', dataIndex: 'name', render: (n, x) => <Link to={`/portal/rural/${x.id}`}>{n}</Link> },
              { title: '品种', dataIndex: 'kindName', width: 140, render: (k, x) => zh(k, x.kind) },
              { title: '转出方', dataIndex: 'ownerName', width: 180 },
              { title: '地区', dataIndex: 'region', width: 150, render: (r) => <RegionText code={r} /> },
              { title: '挂牌价', dataIndex: 'listingPrice', width: 160, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '状态', dataIndex: 'status', width: 100, render: (s) => <StatusTag map={DEAL_STATUS} value={s} /> },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

const REQUIREMENT_STATUS: Record<string, { text: string; color: string }> = { quoting: { text: '报价中', color: 'processing' }, awarded: { text: '已成交', color: 'success' }, failed: { text: '竞价失败', color: 'error' }, switched: { text: '已变更方式', color: 'warning' } };

function Procurement({ list }: { list: Loadable<Requirement[]> }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  return (
    <>
      <Filters q={q} setQ={setQ} status={status} setStatus={setStatus} options={Object.entries(REQUIREMENT_STATUS).map(([value, s]) => ({ value, label: s.text }))} />
      <Loaded state={list}>
        {(d) => (
          <Table<Requirement>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            dataSource={d.filter((r) => matches(q, r.title, r.purchaserName) && (!status || r.status === status))}
            pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 项` }}
            locale={{ emptyText: '暂无网上竞价需求' }}
            columns={[
              { title: '采购需求', dataIndex: 'title', render: (n, r) => <Link to={`/portal/mall/${r.id}`}>{n}</Link> },
              { title: '采购人', dataIndex: 'purchaserName', width: 200 },
              { title: '交货地点', dataIndex: 'deliveryRegion', width: 150, render: (r) => <RegionText code={r} /> },
              { title: '状态', dataIndex: 'status', width: 110, render: (s) => <StatusTag map={REQUIREMENT_STATUS} value={s} /> },
              { title: '最高限价', dataIndex: 'maxPrice', width: 160, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '报价截止', dataIndex: 'quoteDeadline', width: 170, render: time },
              { title: '成交供应商', width: 220, render: (_, r) => (r.winner ? `${r.winner.supplierName} ${yuan(r.winner.price)}` : '—') },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

export function PortalHome() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('domain') ?? 'tendering';
  const tenders = useLoad(() => api.get<Tender[]>('/public/tenders'), []);
  const parcels = useLoad(() => api.get<PublicParcel[]>('/public/land/parcels'), []);
  const requirements = useLoad(() => api.get<Requirement[]>('/public/procurement/requirements'), []);
  const rural = useLoad(() => api.get<Paged<RuralDeal>>('/public/rural/deals', { page: 1, pageSize: 1 }).then((d) => d.total), []);
  const tabs = [
    { key: 'tendering', label: '工程建设招投标', children: <Tenders list={tenders} /> },
    { key: 'land', label: '土地使用权出让', children: <Parcels list={parcels} /> },
    { key: 'procurement', label: '政府采购', children: <Procurement list={requirements} /> },
    { key: 'rural', label: '农村产权交易', children: <Rural /> },
    { key: 'all', label: '全部项目', children: <AllProjects /> },
  ];
  return (
    <div className="page public-page">
      <Hero counts={[tenders.data?.length, parcels.data?.length, requirements.data?.length, rural.data]} />
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setParams({ domain: k })} items={tabs} destroyInactiveTabPane />
      </Card>
    </div>
  );
}
