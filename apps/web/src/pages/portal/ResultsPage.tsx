import { Card, Table, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Page as Paged, PublicParcel, RuralDeal, Tender } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time, yuan } from '../../format';
import { LAND_RESULT, TENDER_STATUS } from '../../labels';

/** Results and publicity across domains; each row leads to the project page with the full record. */
export function ResultsPage() {
  const tenders = useLoad(() => api.get<Tender[]>('/public/tenders').then((l) => l.filter((t) => ['publicity', 'awarded', 'failed'].includes(t.status))), []);
  const parcels = useLoad(() => api.get<PublicParcel[]>('/public/land/parcels').then((l) => l.filter((p) => p.phase === 'ended')), []);
  const deals = useLoad(() => api.get<Paged<RuralDeal>>('/public/rural/deals', { page: 1, pageSize: 100 }).then((d) => d.items.filter((x) => x.result)), []);
  return (
    <Page title="结果公示" sub="中标候选人公示、中标结果、土地与农村产权成交结果(竞得人在结果公示中以竞买号示人)">
      <Card>
        <Tabs
          items={[
            {
              key: 'tendering',
              label: '工程建设',
              children: (
                <Loaded state={tenders}>
                  {(d) => (
                    <Table<Tender>
                      rowKey="id"
                      dataSource={d}
                      locale={{ emptyText: '暂无公示' }}
                      columns={[
                        { title: '项目编号', dataIndex: 'code', width: 170, render: (c) => <span className="mono">{c}</span> },
                        { title: '项目名称', dataIndex: 'name', render: (n, t) => <Link to={`/portal/tenders/${t.id}`}>{n}</Link> },
                        { title: '招标人', dataIndex: 'ownerName', width: 200 },
                        { title: '公示截止', width: 170, render: (_, t) => time(t.sections.find((s) => s.publicityUntil)?.publicityUntil) },
                        { title: '状态', dataIndex: 'status', width: 110, render: (s) => <StatusTag map={TENDER_STATUS} value={s} /> },
                      ]}
                    />
                  )}
                </Loaded>
              ),
            },
            {
              key: 'land',
              label: '土地使用权',
              children: (
                <Loaded state={parcels}>
                  {(d) => (
                    <Table<PublicParcel>
                      rowKey="id"
                      dataSource={d}
                      locale={{ emptyText: '暂无成交结果' }}
                      data-testid="land-results"
                      columns={[
                        { title: '地块编号', dataIndex: 'code', width: 170, render: (c) => <span className="mono">{c}</span> },
                        { title: '地块名称', dataIndex: 'name', render: (n, p) => <Link to={`/portal/land/${p.id}`}>{n}</Link> },
                        { title: '结果', dataIndex: 'result', width: 110, render: (r) => LAND_RESULT[r] ?? r },
                        { title: '竞得竞买号', dataIndex: 'winnerPaddle', width: 110, render: (n) => (n ? <span className="paddle">{n}</span> : '—') },
                        { title: '成交价', dataIndex: 'price', width: 180, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                        { title: '结束时间', dataIndex: 'endedAt', width: 170, render: time },
                      ]}
                    />
                  )}
                </Loaded>
              ),
            },
            {
              key: 'rural',
              label: '农村产权',
              children: (
                <Loaded state={deals}>
                  {(d) => (
                    <Table<RuralDeal>
                      rowKey="id"
                      dataSource={d}
                      locale={{ emptyText: '暂无成交结果' }}
                      columns={[
                        { title: '项目名称', dataIndex: 'name', render: (n, x) => <Link to={`/portal/rural/${x.id}`}>{n}</Link> },
                        { title: '受让方', render: (_, x) => x.result?.buyerName },
                        { title: '成交价', align: 'right', render: (_, x) => <span className="money">{yuan(x.result?.price)}</span> },
                        { title: '公示至', render: (_, x) => time(x.result?.publicityUntil) },
                      ]}
                    />
                  )}
                </Loaded>
              ),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
