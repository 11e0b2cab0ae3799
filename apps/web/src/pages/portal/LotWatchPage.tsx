import { Alert, Breadcrumb } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/AppLayout';
import { LotBoard } from '../../components/LotBoard';
import { asApiError, ErrorState, Loading } from '../../components/states';
import { useLiveLot } from '../../live';

/** Anyone watches a lot without logging in: paddle numbers only. */
export function LotWatchPage() {
  const { id } = useParams();
  const live = useLiveLot(id);
  return (
    <Page title="竞价实况" sub={<Breadcrumb items={[{ title: <Link to="/">交易公告</Link> }, { title: '竞价实况' }]} />}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="公开观看:竞价过程仅显示竞买号,竞买人身份在竞价结束前对任何人保密。" />
      {live.error && !live.lot ? <ErrorState error={asApiError(live.error)} /> : live.lot ? <LotBoard live={live} /> : <Loading />}
    </Page>
  );
}
