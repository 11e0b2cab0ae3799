import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Requirement } from '../../api/workspace-types';
import { Paged, PortalNotice } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { ErrorState, Loading, useLoad } from '../../components/states';
import { shortHash, time, yuan } from '../../format';
import { requirementAnnouncement } from '../../announcement-text';
import { requirementLifecycle, requirementTimes, suspended } from '../../public-project';
import { AnnouncementCard, Attachments, HistoryCard, LifecycleBar, NextDeadline, RegionText, SuspensionNotices, usePortalProject } from './PublicParts';

export const REQUIREMENT_STATUS: Record<string, { text: string; color: string }> = {
  quoting: { text: '报价中', color: 'processing' },
  awarded: { text: '已成交', color: 'success' },
  failed: { text: '竞价失败', color: 'error' },
  switched: { text: '已变更采购方式', color: 'warning' },
};

/** 电子卖场 网上竞价: the requirement, the countdown to the quote deadline, the announcement, the opened quotes and the winner. */
export function MallRequirementPage() {
  const { id = '' } = useParams();
  const req = useLoad(() => api.get<Requirement>(`/public/procurement/requirements/${id}`), [id]);
  const portal = usePortalProject(req.data?.projectId);
  // 合同公开 of the order (e-mall notices carry no project): found by the requirement's title, matched on the order id.
  const order = useLoad(async () => {
    const r = req.data;
    if (!r?.orderId) return null;
    const feed = await api.get<Paged<PortalNotice>>('/public/portal/announcements', { kind: 'contract', domain: 'procurement', keyword: r.title.slice(0, 50), pageSize: 100 });
    return feed.items.find((n) => n.subjectId === r.orderId) ?? null;
  }, [req.data?.orderId]);
  if (req.error) return <ErrorState error={req.error} onRetry={req.reload} />;
  if (!req.data) return <Loading rows={8} />;
  const r = req.data;
  const pp = portal.data ?? null;
  const isSuspended = r.projectStatus === 'suspended';
  const confirmed = order.data?.publishedAt;
  const status = REQUIREMENT_STATUS[r.status];
  return (
    <Page
      title={r.title}
      sub={<Breadcrumb items={[{ title: <Link to="/?domain=procurement">交易公告</Link> }, { title: '政府采购 · 电子卖场网上竞价' }, { title: r.categoryCode }]} />}
      extra={isSuspended ? <Tag color="error">已中止</Tag> : <Tag color={status?.color}>{status?.text ?? r.status}</Tag>}
    >
      <LifecycleBar lifecycle={suspended(requirementLifecycle(r, confirmed), isSuspended)} />
      <NextDeadline points={requirementTimes(r)} serverTime={pp?.serverTime} receivedAt={pp?.receivedAt} suspended={isSuspended} onPassed={() => (req.reload(), portal.reload())} />
      {pp && <SuspensionNotices suspensions={pp.suspensions} />}
      {r.winner && (
        <Alert data-testid="mall-result" type="success" showIcon style={{ marginBottom: 16 }} message={`成交供应商:${r.winner.supplierName},成交价 ${yuan(r.winner.price)}`} description={`报价开启于 ${time(r.closedAt)}${confirmed ? `;订单于 ${time(confirmed)} 经供应商确认` : ''}`} />
      )}
      {r.status === 'failed' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`第 ${r.round} 轮有效报价不足 ${r.ruleSet.minQuotes} 家,竞价失败`} />}
      {r.status === 'switched' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="采购人已变更采购方式" description={r.switchReason} />}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="竞价需求" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" className="kv-table">
              <Descriptions.Item label="采购人">{r.purchaserName}</Descriptions.Item>
              <Descriptions.Item label="采购品目"><span className="mono">{r.categoryCode}</span></Descriptions.Item>
              <Descriptions.Item label="最高限价"><span className="money">{yuan(r.maxPrice)}</span></Descriptions.Item>
              <Descriptions.Item label="交货地点"><RegionText code={r.deliveryRegion} /></Descriptions.Item>
              <Descriptions.Item label="交货日期">{r.deliveryDate}</Descriptions.Item>
              <Descriptions.Item label="报价截止">{time(r.quoteDeadline)}</Descriptions.Item>
              <Descriptions.Item label="竞价轮次">第 {r.round} 轮</Descriptions.Item>
              <Descriptions.Item label="适用规则">第 {r.ruleSet.version} 版{r.ruleSet.sandbox ? <Tag color="purple" style={{ marginLeft: 6 }}>演示(沙箱)</Tag> : null}</Descriptions.Item>
            </Descriptions>
          </Card>
          <AnnouncementCard announcement={requirementAnnouncement({ ...r, minQuotes: r.ruleSet.minQuotes })} />
          <Card title="报价开启记录" style={{ marginBottom: 16 }} data-testid="quotes">
            {r.rounds.length === 0 ? (
              <p className="muted">报价截止前各家报价密封保存,截止后统一开启并在此公开。</p>
            ) : (
              r.rounds.map((round) => (
                <div key={round.round} className="table-scroll" style={{ marginBottom: 12 }}>
                  <Table
                    size="small"
                    rowKey="quoteId"
                    pagination={false}
                    title={() => <b>第 {round.round} 轮</b>}
                    dataSource={round.quotes}
                    columns={[
                      { title: '供应商', dataIndex: 'supplierName', render: (n, q) => <>{n}{q.quoteId === r.winner?.quoteId && <Tag color="success" style={{ marginLeft: 6 }}>成交</Tag>}</> },
                      { title: '报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                      { title: '递交时间', dataIndex: 'submittedAt', render: time },
                      { title: '有效', dataIndex: 'valid', render: (v, q) => (v ? '有效' : `无效:${q.invalidReason ?? ''}`) },
                      { title: '报价摘要', dataIndex: 'quoteDigest', render: (h) => <span className="mono">{shortHash(h, 12)}</span> },
                    ]}
                  />
                </div>
              ))
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Attachments docs={pp?.documents ?? []} />
          {r.projectId ? <HistoryCard projectId={r.projectId} /> : <Card title="历史版本" className="muted">本需求早于电子卖场项目登记,无历史版本。</Card>}
        </Col>
      </Row>
    </Page>
  );
}
