import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { RuralDeal } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { ErrorState, Loading, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time, yuan, zh } from '../../format';
import { DEAL_STATUS } from '../../labels';
import { dealAnnouncement } from '../../announcement-text';
import { dealLifecycle, dealTimes, suspended } from '../../public-project';
import { AnnouncementCard, Attachments, HistoryCard, LifecycleBar, NextDeadline, RegionText, SuspensionNotices, usePortalProject } from './PublicParts';

/** A rural deal's public page: where it stands, the countdown, the 挂牌公告, the rounds and the result. */
export function RuralDealPage() {
  const { id = '' } = useParams();
  const deal = useLoad(() => api.get<RuralDeal>(`/public/rural/deals/${id}`), [id]);
  const portal = usePortalProject(id);
  if (deal.error) return <ErrorState error={deal.error} onRetry={deal.reload} />;
  if (!deal.data) return <Loading rows={8} />;
  const d = deal.data;
  const pp = portal.data ?? null;
  const isSuspended = pp?.project.status === 'suspended';
  const live = d.listings.find((l) => l.lotId && d.status === 'live');
  const listing = d.listings.find((l) => l.round === d.round);
  const lifecycle = suspended(dealLifecycle(d), isSuspended);
  return (
    <Page
      title={d.name}
      sub={<Breadcrumb items={[{ title: <Link to="/?domain=rural">交易公告</Link> }, { title: '农村产权交易' }, { title: d.code }]} />}
      extra={
        <>
          {isSuspended ? <Tag color="error">已中止</Tag> : <StatusTag map={DEAL_STATUS} value={d.status} />}
          {live && (
            <Link to={`/portal/lots/${live.lotId}`}>
              <Button danger>观看竞价实况</Button>
            </Link>
          )}
        </>
      }
    >
      <LifecycleBar lifecycle={lifecycle} />
      <NextDeadline points={dealTimes(d)} serverTime={pp?.serverTime} receivedAt={pp?.receivedAt} suspended={isSuspended} onPassed={() => (deal.reload(), portal.reload())} />
      {pp && <SuspensionNotices suspensions={pp.suspensions} />}
      {d.result && (
        <Alert
          data-testid="rural-result"
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={`成交:${d.result.buyerName},成交价 ${yuan(d.result.price)}(${d.result.method === 'live' ? '网络竞价' : '协议转让'})`}
          description={`成交时间 ${time(d.result.concludedAt)},公示至 ${time(d.result.publicityUntil)}${d.contract ? `;合同 ${d.contract.contractNo} 于 ${time(d.contract.signedAt)} 签订,金额 ${yuan(d.contract.amount)}` : ''}`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="标的信息" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" className="kv-table">
              <Descriptions.Item label="项目编号"><span className="mono">{d.code}</span></Descriptions.Item>
              <Descriptions.Item label="品种">{zh(d.kindName, d.kind)}</Descriptions.Item>
              <Descriptions.Item label="转出方">{d.ownerName}</Descriptions.Item>
              <Descriptions.Item label="所在地区"><RegionText code={d.region} /></Descriptions.Item>
              <Descriptions.Item label="数量">{d.quantity} {d.unit}</Descriptions.Item>
              <Descriptions.Item label="流转期限">{d.termMonths ? `${d.termMonths} 个月` : '不定期'}</Descriptions.Item>
              <Descriptions.Item label="挂牌价"><span className="money">{yuan(d.listingPrice)}</span></Descriptions.Item>
              <Descriptions.Item label="加价幅度"><span className="money">{yuan(d.increment)}</span></Descriptions.Item>
              <Descriptions.Item label="保证金"><span className="money">{yuan(d.deposit)}</span></Descriptions.Item>
              <Descriptions.Item label="说明" span={3}>{d.description}</Descriptions.Item>
            </Descriptions>
          </Card>
          <AnnouncementCard announcement={dealAnnouncement({ ...d, kindName: zh(d.kindName, d.kind), listing })} />
          <Card title="挂牌轮次" style={{ marginBottom: 16 }}>
            <div className="table-scroll">
              <Table
                rowKey="round"
                size="small"
                pagination={false}
                dataSource={d.listings}
                columns={[
                  { title: '轮次', dataIndex: 'round', width: 70, render: (r) => `第 ${r} 轮` },
                  { title: '挂牌价', dataIndex: 'price', render: (v) => <span className="money">{yuan(v)}</span> },
                  { title: '开始', dataIndex: 'startsAt', render: time },
                  { title: '截止', dataIndex: 'endsAt', render: time },
                  { title: '结果', dataIndex: 'outcome', render: (o) => ({ failed: '无人报名', agreement: '协议转让', live: '转入网络竞价' })[o as string] ?? '进行中' },
                ]}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Attachments docs={d.documents.map((x) => ({ ...x, publishedAt: x.createdAt }))} />
          <HistoryCard projectId={id} />
        </Col>
      </Row>
    </Page>
  );
}
