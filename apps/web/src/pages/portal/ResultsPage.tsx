import { useState } from 'react';
import { Card, Table, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Paged, PortalNotice } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { time, yuan } from '../../format';
import { noticePage, RegionSelect, RegionText } from './PublicParts';

type Tab = 'tendering' | 'land' | 'procurement' | 'rural' | 'candidates';

/** Who wins is called differently in each domain (中标人, 竞得人, 成交供应商, 受让方), and who buys too. */
const PARTY: Record<Tab, { winner: string; buyer: string; amount: string }> = {
  tendering: { winner: '中标人', buyer: '招标人', amount: '中标金额' },
  land: { winner: '竞得人', buyer: '出让人', amount: '成交价' },
  procurement: { winner: '成交供应商', buyer: '采购人', amount: '成交金额' },
  rural: { winner: '受让方', buyer: '转出方', amount: '成交价' },
  candidates: { winner: '第一中标候选人', buyer: '招标人', amount: '投标报价' },
};

function ResultList({ tab }: { tab: Tab }) {
  const [page, setPage] = useState(1);
  const [region, setRegion] = useState<string>();
  const query = tab === 'candidates' ? { kind: 'candidates', domain: 'tendering' } : { kind: 'result', domain: tab };
  const list = useLoad(() => api.get<Paged<PortalNotice>>('/public/portal/announcements', { ...query, region, page, pageSize: 15 }), [tab, region, page]);
  const party = PARTY[tab];
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <RegionSelect value={region} onChange={(v) => (setRegion(v), setPage(1))} />
      </div>
      <Loaded state={list} rows={6}>
        {(d) => (
          <Table<PortalNotice>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            data-testid={`results-${tab}`}
            dataSource={d.items}
            locale={{ emptyText: tab === 'candidates' ? '暂无中标候选人公示' : '暂无交易结果' }}
            pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
            columns={[
              {
                title: '项目',
                dataIndex: 'title',
                render: (title, n) => {
                  const to = noticePage(n);
                  return (
                    <div className="result-title">
                      {to ? <Link to={to}>{title}</Link> : title}
                      <div className="muted mono">{n.code ?? ''}{n.sectionNo && n.domain === 'tendering' ? ` · 第 ${n.sectionNo} 标段` : ''}{n.sectionNo && n.domain === 'rural' ? ` · 第 ${n.sectionNo} 轮` : ''}</div>
                    </div>
                  );
                },
              },
              { title: '结果', dataIndex: 'outcome', width: 90, render: (o) => (tab === 'candidates' ? <Tag color="gold">公示中</Tag> : o === 'failed' ? <Tag color="error">{tab === 'tendering' ? '流标' : tab === 'procurement' ? '竞价失败' : '流拍'}</Tag> : <Tag color="success">成交</Tag>) },
              { title: party.winner, dataIndex: 'organisationName', render: (v) => (v ? <b>{v}</b> : <span className="muted">—</span>) },
              { title: party.amount, dataIndex: 'amount', align: 'right', render: (v) => (v ? <span className="money">{yuan(v)}</span> : <span className="muted">—</span>) },
              { title: party.buyer, dataIndex: 'buyerName', render: (v) => v ?? '—' },
              { title: '地区', dataIndex: 'region', render: (r) => <RegionText code={r} /> },
              { title: '公告时间', dataIndex: 'publishedAt', render: time },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

/** 结果公示: the results of all four domains with who won and for how much, and the tenders' candidate publicity. */
export function ResultsPage() {
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab) ?? 'tendering';
  return (
    <Page title="结果公示" sub="四个交易领域的成交结果:中标人、竞得人、成交供应商、受让方及成交金额;招投标的中标候选人公示">
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          destroyInactiveTabPane
          items={[
            { key: 'tendering', label: '工程建设', children: <ResultList tab="tendering" /> },
            { key: 'land', label: '土地使用权', children: <ResultList tab="land" /> },
            { key: 'procurement', label: '政府采购', children: <ResultList tab="procurement" /> },
            { key: 'rural', label: '农村产权', children: <ResultList tab="rural" /> },
            { key: 'candidates', label: '中标候选人公示', children: <ResultList tab="candidates" /> },
          ]}
        />
      </Card>
    </Page>
  );
}
