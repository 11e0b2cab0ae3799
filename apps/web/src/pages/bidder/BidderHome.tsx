import { Button, Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { BidReceipt, Deposit, Tender } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time } from '../../format';
import { DEPOSIT_STATUS, TENDER_STATUS } from '../../labels';

interface Row {
  tender: Tender;
  receipts: BidReceipt[] | null;
  deposits: Deposit[] | null;
}

async function load(): Promise<Row[]> {
  const tenders = (await api.get<Tender[]>('/public/tenders')).filter((t) => t.status !== 'submitted' && t.status !== 'returned').slice(0, 40);
  return Promise.all(
    tenders.map(async (tender) => {
      const [receipts, deposits] = await Promise.all([api.get<BidReceipt[]>(`/tenders/${tender.id}/bids/mine`).catch(() => null), api.get<Deposit[]>(`/tenders/${tender.id}/deposits`).catch(() => null)]);
      return { tender, receipts, deposits };
    }),
  );
}

/** The bidder's tenders: open ones to join, and those it took part in with its deposits and receipts. */
export function BidderHome() {
  const rows = useLoad(load, []);
  return (
    <Page title="我的投标" sub="报名、保证金与加密投标文件的递交回执" extra={<Link to="/workspace/bidder/live"><Button danger>竞价大厅</Button></Link>}>
      <Card>
        <Loaded state={rows} empty={(r) => !r.length} emptyText="暂无可参与的招标项目">
          {(r) => (
            <Table<Row>
              rowKey={(x) => x.tender.id}
              dataSource={r}
              pagination={{ pageSize: 12 }}
              columns={[
                { title: '项目', render: (_, x) => <><Link to={`/portal/tenders/${x.tender.id}`}>{x.tender.name}</Link><div className="mono muted">{x.tender.code}</div></> },
                { title: '状态', width: 100, render: (_, x) => <StatusTag map={TENDER_STATUS} value={x.tender.status} /> },
                { title: '投标截止', width: 170, render: (_, x) => time(x.tender.bidDeadline) },
                { title: '我的保证金', width: 150, render: (_, x) => (x.deposits?.length ? x.deposits.map((d) => <Tag key={d.id} color={d.status === 'confirmed' ? 'success' : 'default'}>第{d.sectionNo}标段 {DEPOSIT_STATUS[d.status] ?? d.status}</Tag>) : <span className="muted">—</span>) },
                { title: '我的递交', width: 200, render: (_, x) => { const live = x.receipts?.filter((b) => b.status === 'submitted') ?? []; return live.length ? <span>已递交 {live.length} 份 · {time(live[live.length - 1].submittedAt)}</span> : <span className="muted">未递交</span>; } },
                { title: '', width: 110, render: (_, x) => <Link to={`/workspace/bidder/tenders/${x.tender.id}`}><Button size="small" type={x.tender.status === 'bidding' ? 'primary' : 'default'}>{x.tender.status === 'bidding' ? '投标' : '查看'}</Button></Link> },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </Page>
  );
}
