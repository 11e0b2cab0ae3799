import { Button, Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { PublicParcel } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time, yuan } from '../../format';
import { PARCEL_PHASE } from '../../labels';

/** Lots open for bidding; the room itself checks the bidder's paddle (GET /lots/:id/me). */
export function LiveHall() {
  const parcels = useLoad(() => api.get<PublicParcel[]>('/public/land/parcels').then((l) => l.filter((p) => p.lotId && p.phase !== 'ended')), []);
  return (
    <Page title="竞价大厅" sub="挂牌与限时竞价中的标的;取得竞买号后进入竞价室出价">
      <Card>
        <Loaded state={parcels} empty={(l) => !l.length} emptyText="当前没有进行中的竞价">
          {(l) => (
            <Table<PublicParcel>
              rowKey="id"
              dataSource={l}
              pagination={false}
              columns={[
                { title: '标的', render: (_, p) => <><Link to={`/portal/land/${p.id}`}>{p.name}</Link><div className="mono muted">{p.code}</div></> },
                { title: '起始价', dataIndex: 'startPrice', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '状态', dataIndex: 'phase', width: 110, render: (s) => <StatusTag map={PARCEL_PHASE} value={s} /> },
                { title: '开始', width: 170, render: (_, p) => time(p.auctionAt ?? p.listingStartsAt) },
                { title: '', width: 120, render: (_, p) => <Link to={`/workspace/bidder/lots/${p.lotId}`}><Button type="primary" danger size="small">进入竞价室</Button></Link> },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </Page>
  );
}
