import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Increment, PublicParcel } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { ErrorState, Loading, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { useAuth } from '../../auth';
import { time, yuan, zh } from '../../format';
import { LAND_RESULT, LAND_USE, PARCEL_PHASE } from '../../labels';
import { parcelAnnouncement } from '../../announcement-text';
import { parcelLifecycle, parcelTimes, suspended } from '../../public-project';
import { AnnouncementCard, Attachments, HistoryCard, LifecycleBar, NextDeadline, RegionText, SuspensionNotices, usePortalProject } from './PublicParts';

export function incrementText(inc: Increment): string {
  if ('fixed' in inc) return `每次加价 ${yuan(inc.fixed)}`;
  return inc.ladder.map((b) => `${yuan(b.from)} 起每次 ${yuan(b.step)}`).join(';');
}

type ParcelDetail = PublicParcel & { scheduleChanges?: { step: { zh: string; en: string }; previousAt: string; newAt: string; reannounced: boolean; publishedAt: string }[] };

/** A parcel's public page: where the sale stands, the countdown, the 出让公告, the schedule changes and the result. */
export function ParcelPage() {
  const { id = '' } = useParams();
  const { has } = useAuth();
  const parcel = useLoad(() => api.get<ParcelDetail>(`/public/land/parcels/${id}`), [id]);
  const portal = usePortalProject(id);
  if (parcel.error) return <ErrorState error={parcel.error} onRetry={parcel.reload} />;
  if (!parcel.data) return <Loading rows={8} />;
  const p = parcel.data;
  const pp = portal.data ?? null;
  const isSuspended = pp?.project.status === 'suspended';
  const bidding = p.lotId && (p.phase === 'listing' || p.phase === 'live');
  const lifecycle = suspended(parcelLifecycle(p, pp?.land?.confirmedAt), isSuspended);
  return (
    <Page
      title={p.name}
      sub={<Breadcrumb items={[{ title: <Link to="/?domain=land">交易公告</Link> }, { title: '国有建设用地使用权出让' }, { title: p.code }]} />}
      extra={
        <>
          {isSuspended ? <Tag color="error">已中止</Tag> : <StatusTag map={PARCEL_PHASE} value={p.phase} />}
          {bidding && (
            <Link to={`/portal/lots/${p.lotId}`}>
              <Button danger>观看竞价实况</Button>
            </Link>
          )}
          {bidding && has('bidder') && (
            <Link to={`/workspace/bidder/lots/${p.lotId}`}>
              <Button type="primary">进入竞价室</Button>
            </Link>
          )}
        </>
      }
    >
      <LifecycleBar lifecycle={lifecycle} />
      <NextDeadline points={parcelTimes(p)} serverTime={pp?.serverTime} receivedAt={pp?.receivedAt} suspended={isSuspended} onPassed={() => (parcel.reload(), portal.reload())} />
      {pp && <SuspensionNotices suspensions={pp.suspensions} />}
      {p.phase === 'ended' && (
        <Alert
          data-testid="parcel-result"
          type={p.result === 'sold' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={p.result === 'sold' ? `成交:${p.winnerName ?? ''}(竞买号 ${p.winnerPaddle})以 ${yuan(p.price)} 竞得` : `结果:${LAND_RESULT[p.result ?? ''] ?? p.result}`}
          description={`竞价结束于 ${time(p.endedAt)}${p.publicityUntil ? `,结果公示至 ${time(p.publicityUntil)}` : ''}${pp?.land?.confirmedAt ? `,成交确认书签发于 ${time(pp.land.confirmedAt)}` : ''}`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="地块信息" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" className="kv-table">
              <Descriptions.Item label="地块编号"><span className="mono">{p.code}</span></Descriptions.Item>
              <Descriptions.Item label="出让人">{p.ownerName}</Descriptions.Item>
              <Descriptions.Item label="出让方式">{p.mode === 'auction' ? '拍卖' : '挂牌'}</Descriptions.Item>
              <Descriptions.Item label="所在地区"><RegionText code={p.region} /></Descriptions.Item>
              <Descriptions.Item label="坐落" span={2}>{p.location}</Descriptions.Item>
              <Descriptions.Item label="面积">{yuan(p.area, false)} ㎡</Descriptions.Item>
              <Descriptions.Item label="用途">{LAND_USE[p.use] ?? p.use}</Descriptions.Item>
              <Descriptions.Item label="出让年限">{p.termYears} 年</Descriptions.Item>
              <Descriptions.Item label="容积率">{p.plotRatio}</Descriptions.Item>
              <Descriptions.Item label="起始价"><span className="money">{yuan(p.startPrice)}</span></Descriptions.Item>
              <Descriptions.Item label="加价幅度">{incrementText(p.increment)}</Descriptions.Item>
              <Descriptions.Item label="竞买保证金"><span className="money">{yuan(p.deposit)}</span></Descriptions.Item>
              {p.mode === 'listing' ? (
                <>
                  <Descriptions.Item label="挂牌开始">{time(p.listingStartsAt)}</Descriptions.Item>
                  <Descriptions.Item label="挂牌截止">{time(p.listingEndsAt)}</Descriptions.Item>
                </>
              ) : (
                <Descriptions.Item label="拍卖会时间">{time(p.auctionAt)}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <AnnouncementCard announcement={parcelAnnouncement({ ...p, incrementText: incrementText(p.increment) })} />
          {!!p.scheduleChanges?.length && (
            <Card title="变更公告" style={{ marginBottom: 16 }}>
              <div className="table-scroll">
                <Table
                  size="small"
                  rowKey="publishedAt"
                  pagination={false}
                  dataSource={p.scheduleChanges}
                  columns={[
                    { title: '环节', render: (_, c) => zh(c.step) },
                    { title: '原公布时间', dataIndex: 'previousAt', render: time },
                    { title: '新时间', dataIndex: 'newAt', render: (v, c) => <b>{time(v)}{c.reannounced ? '(重新公告)' : ''}</b> },
                    { title: '发布时间', dataIndex: 'publishedAt', render: time },
                  ]}
                />
              </div>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Attachments docs={pp?.documents ?? []} />
          <HistoryCard projectId={id} />
        </Col>
      </Row>
    </Page>
  );
}
