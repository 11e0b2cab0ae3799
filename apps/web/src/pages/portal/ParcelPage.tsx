import { Alert, Breadcrumb, Button, Card, Descriptions } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Increment, PublicParcel } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { ErrorState, Loading, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { useAuth } from '../../auth';
import { time, yuan } from '../../format';
import { LAND_RESULT, LAND_USE, PARCEL_PHASE } from '../../labels';

export function incrementText(inc: Increment): string {
  if ('fixed' in inc) return `每次加价 ${yuan(inc.fixed)}`;
  return inc.ladder.map((b) => `${yuan(b.from)} 起每次 ${yuan(b.step)}`).join(';');
}

export function ParcelPage() {
  const { id = '' } = useParams();
  const { has } = useAuth();
  const parcel = useLoad(() => api.get<PublicParcel>(`/public/land/parcels/${id}`), [id]);
  if (parcel.error) return <ErrorState error={parcel.error} onRetry={parcel.reload} />;
  if (!parcel.data) return <Loading rows={8} />;
  const p = parcel.data;
  const bidding = p.lotId && (p.phase === 'listing' || p.phase === 'live');
  return (
    <Page
      title={p.name}
      sub={<Breadcrumb items={[{ title: <Link to="/?domain=land">交易公告</Link> }, { title: '国有建设用地使用权出让' }, { title: p.code }]} />}
      extra={
        <>
          <StatusTag map={PARCEL_PHASE} value={p.phase} />
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
      {p.phase === 'ended' && (
        <Alert
          data-testid="parcel-result"
          type={p.result === 'sold' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={p.result === 'sold' ? `成交:${p.winnerName ?? ''}(竞买号 ${p.winnerPaddle})以 ${yuan(p.price)} 竞得` : `结果:${LAND_RESULT[p.result ?? ''] ?? p.result}`}
          description={`竞价结束于 ${time(p.endedAt)}${p.publicityUntil ? `,结果公示至 ${time(p.publicityUntil)}` : ''}`}
        />
      )}
      <Card>
        <Descriptions column={3} size="small" className="kv-table">
          <Descriptions.Item label="地块编号"><span className="mono">{p.code}</span></Descriptions.Item>
          <Descriptions.Item label="出让人">{p.ownerName}</Descriptions.Item>
          <Descriptions.Item label="出让方式">{p.mode === 'auction' ? '拍卖' : '挂牌'}</Descriptions.Item>
          <Descriptions.Item label="位置" span={3}>{p.location}</Descriptions.Item>
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
            <Descriptions.Item label="拍卖时间">{time(p.auctionAt)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </Page>
  );
}
