import { Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Page as Paged, Tender } from '../../api/types';
import { MyLandApplication, MyRuralApplication, MyTenderRegistration } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { DOMAIN_LABEL, shortHash, time, yuan } from '../../format';
import { TENDER_STATUS } from '../../labels';
import { DOMAIN_COLOUR } from '../../oversight-labels';
import { mergeRegistrations, RegistrationRow } from './my-registrations';

/** The newest 100 of each list: one request per domain, whatever the number of projects. */
const LIMIT = 100;

interface Mine {
  rows: RegistrationRow[];
  truncated: boolean;
  registered: Set<string>;
}

async function loadMine(): Promise<Mine> {
  const [t, l, r] = await Promise.all([
    api.get<Paged<MyTenderRegistration>>('/tenders/registrations/mine', { pageSize: LIMIT }),
    api.get<Paged<MyLandApplication>>('/land/applications/mine', { pageSize: LIMIT }),
    api.get<Paged<MyRuralApplication>>('/rural/applications/mine', { pageSize: LIMIT }),
  ]);
  return {
    rows: mergeRegistrations(t.items, l.items, r.items),
    truncated: t.total > t.items.length || l.total > l.items.length || r.total > r.items.length,
    registered: new Set(t.items.map((x) => x.projectId)),
  };
}

const tag = (l: { text: string; color: string }) => <Tag color={l.color}>{l.text}</Tag>;

function MyRegistrations({ mine }: { mine: Mine }) {
  return (
    <div data-testid="my-registrations">
      {mine.truncated && <div className="muted" style={{ marginBottom: 8 }}>每类只显示最近 {LIMIT} 条。</div>}
      <Table<RegistrationRow>
        rowKey="key"
        dataSource={mine.rows}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          {
            title: '项目',
            render: (_, x) => (
              <Space direction="vertical" size={0}>
                <Link to={x.link}>{x.name}</Link>
                <Space size={4}>
                  <Tag color={DOMAIN_COLOUR[x.domain]} bordered={false}>{DOMAIN_LABEL[x.domain]}</Tag>
                  <span className="mono muted">{x.code}</span>
                </Space>
                {x.part && <span className="muted">{x.part}</span>}
              </Space>
            ),
          },
          { title: '报名时间', width: 170, render: (_, x) => time(x.at) },
          { title: '截止时间', width: 170, render: (_, x) => time(x.deadline) },
          { title: '项目进度', width: 110, render: (_, x) => tag(x.stage) },
          {
            title: '保证金',
            width: 190,
            align: 'right',
            render: (_, x) => (
              <Space direction="vertical" size={0} align="end">
                {x.deposit.amount ? <span className="money">{yuan(x.deposit.amount)}</span> : <span className="muted">应缴 {yuan(x.deposit.required)}</span>}
                {tag(x.deposit.status)}
              </Space>
            ),
          },
          {
            title: '我的投标 / 资格',
            width: 230,
            render: (_, x) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  {tag(x.mine)}
                  {x.paddle !== null && <span className="paddle mine">{x.paddle}</span>}
                  {x.won && <Tag color="success">竞得</Tag>}
                </Space>
                {x.receipt && (
                  <span className="muted">
                    回执 {time(x.receipt.at)}
                    <Tooltip title={`SHA-256 ${x.receipt.digest}`}><span className="mono"> {shortHash(x.receipt.digest)}</span></Tooltip>
                  </span>
                )}
              </Space>
            ),
          },
          { title: '', width: 90, render: (_, x) => <Link to={x.link}><Button size="small">{x.link.includes('/lots/') ? '竞价室' : '查看'}</Button></Link> },
        ]}
      />
    </div>
  );
}

/** Tenders taking bids that the organisation has not registered for: one public list, no per-tender requests. */
function OpenTenders({ registered }: { registered: Set<string> }) {
  const open = useLoad(async () => (await api.get<Tender[]>('/public/tenders')).filter((t) => t.status === 'bidding' && !registered.has(t.id)), [registered]);
  return (
    <Loaded state={open} empty={(r) => !r.length} emptyText="暂无可报名的招标项目">
      {(r) => (
        <Table<Tender>
          rowKey="id"
          dataSource={r}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          columns={[
            { title: '项目', render: (_, t) => <><Link to={`/portal/tenders/${t.id}`}>{t.name}</Link><div className="mono muted">{t.code}</div></> },
            { title: '状态', width: 100, render: (_, t) => <StatusTag map={TENDER_STATUS} value={t.status} /> },
            { title: '投标截止', width: 170, render: (_, t) => time(t.bidDeadline) },
            { title: '', width: 110, render: (_, t) => <Link to={`/workspace/bidder/tenders/${t.id}`}><Button size="small" type="primary">报名投标</Button></Link> },
          ]}
        />
      )}
    </Loaded>
  );
}

/** 我的报名与保证金 across tendering, land and rural (GET …/mine of each domain), then the tenders open to join. */
export function BidderHome() {
  const mine = useLoad(loadMine, []);
  return (
    <Page title="我的投标" sub="报名与保证金、加密投标回执、竞买资格与竞买号" extra={<Link to="/workspace/bidder/live"><Button danger>竞价大厅</Button></Link>}>
      <Card title="我的报名与保证金" style={{ marginBottom: 16 }}>
        <Loaded state={mine} empty={(m) => !m.rows.length} emptyText="尚未报名任何项目">
          {(m) => <MyRegistrations mine={m} />}
        </Loaded>
      </Card>
      <Card title="可报名的招标项目">
        {mine.data ? <OpenTenders registered={mine.data.registered} /> : mine.error ? <span className="muted">报名记录未能加载,稍后重试</span> : null}
      </Card>
    </Page>
  );
}
