import { Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Tooltip } from 'antd';
import { ApiOutlined, FileSearchOutlined, LinkOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Paged, PortalProject, PublicDecision } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { day, DOMAIN_LABEL, time, yuan, zh } from '../../format';
import { PublicParcel, RuralDeal, Tender } from '../../api/types';
import { Requirement } from '../../api/workspace-types';
import { Announcement, dealAnnouncement, parcelAnnouncement, requirementAnnouncement, tenderAnnouncement } from '../../announcement-text';
import { dealLifecycle, dealTimes, Lifecycle, parcelLifecycle, parcelTimes, requirementLifecycle, requirementTimes, suspended, tenderLifecycle, tenderTimes, TimePoint } from '../../public-project';
import { incrementText } from '../portal/ParcelPage';
import { AnnouncementCard, Attachments, HistoryCard, LifecycleBar, NextDeadline, PortalProjectLoaded, RegionText, SuspensionNotices, usePortalProject } from '../portal/PublicParts';
import { DEAL_STATUS, LAND_RESULT, PROJECT_STATUS, SECTION_STATUS } from '../../labels';
import { COMPLAINT_OUTCOME, DOMAIN_COLOUR, NOTICE_KIND } from '../../oversight-labels';
import { projectLink } from '../portal/PortalHome';
import '../../oversight.css';


function Sections({ sections, bidDeadline }: { sections: NonNullable<PortalProject['sections']>; bidDeadline?: string | null }) {
  return (
    <>
      {sections.map((s) => (
        <Card key={s.no} title={`标段 ${s.no}:${s.name}`} extra={<Tag>{SECTION_STATUS[s.status] ?? s.status}</Tag>} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="估算价"><span className="money">{yuan(s.estimate)}</span></Descriptions.Item>
            {s.openedAt ? <Descriptions.Item label="开标时间">{time(s.openedAt)}</Descriptions.Item> : <Descriptions.Item label="预定开标时间">{bidDeadline ? `${time(bidDeadline)}(投标截止时)` : '投标截止时'}</Descriptions.Item>}
            <Descriptions.Item label="投标家数">{s.bidCount ?? <span className="muted">开标后公开</span>}</Descriptions.Item>
          </Descriptions>
          {s.opening.length > 0 && (
            <Table size="small" scroll={{ x: 'max-content' }} rowKey="bidderName" pagination={false} style={{ marginBottom: 12 }} title={() => <b>开标记录(唱标)</b>} dataSource={s.opening}
              columns={[{ title: '投标人', dataIndex: 'bidderName' }, { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> }]} />
          )}
          {s.candidates.length > 0 && (
            <Table size="small" scroll={{ x: 'max-content' }} rowKey="rank" pagination={false} style={{ marginBottom: 12 }} title={() => <b>中标候选人公示{s.publicityUntil ? `(公示至 ${time(s.publicityUntil)})` : ''}</b>} dataSource={s.candidates}
              columns={[{ title: '排名', dataIndex: 'rank', width: 70 }, { title: '候选人', dataIndex: 'bidderName' }, { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> }]} />
          )}
          {s.award && (
            <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }} title="中标结果">
              <Descriptions.Item label="中标人">{s.award.winner}</Descriptions.Item>
              <Descriptions.Item label="中标价"><span className="money">{yuan(s.award.price)}</span></Descriptions.Item>
              <Descriptions.Item label="定标时间">{time(s.award.awardedAt)}</Descriptions.Item>
              {s.contract && <Descriptions.Item label="合同签订">{time(s.contract.signedAt)}</Descriptions.Item>}
              {s.contract && <Descriptions.Item label="合同金额"><span className="money">{yuan(s.contract.amount)}</span></Descriptions.Item>}
            </Descriptions>
          )}
        </Card>
      ))}
    </>
  );
}

function Land({ land }: { land: NonNullable<PortalProject['land']> }) {
  return (
    <Card title="出让情况" style={{ marginBottom: 16 }} extra={land.lotId ? <Link to={`/portal/lots/${land.lotId}`}>竞价实况</Link> : null}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="方式">{land.mode === 'auction' ? '拍卖' : '挂牌'}</Descriptions.Item>
        <Descriptions.Item label="起始价"><span className="money">{yuan(land.startPrice)}</span></Descriptions.Item>
        <Descriptions.Item label="结果">{land.outcome ? LAND_RESULT[land.outcome] ?? land.outcome : <span className="muted">尚未结束</span>}</Descriptions.Item>
        <Descriptions.Item label="成交价"><span className="money">{yuan(land.price)}</span></Descriptions.Item>
        <Descriptions.Item label="竞得人">{land.winnerName ? `${land.winnerName}${land.winnerPaddle ? `(竞买号 ${land.winnerPaddle})` : ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="结束时间">{time(land.endedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Rural({ rural }: { rural: NonNullable<PortalProject['rural']> }) {
  return (
    <Card title="流转交易情况" style={{ marginBottom: 16 }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="状态"><StatusTag map={DEAL_STATUS} value={rural.status} /></Descriptions.Item>
        <Descriptions.Item label="挂牌轮次">第 {rural.round} 轮</Descriptions.Item>
        <Descriptions.Item label="挂牌价"><span className="money">{yuan(rural.listingPrice)}</span></Descriptions.Item>
        <Descriptions.Item label="成交方式">{rural.method === 'agreement' ? '协议转让' : rural.method === 'live' ? '网络竞价' : '—'}</Descriptions.Item>
        <Descriptions.Item label="受让方">{rural.buyer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="成交价"><span className="money">{yuan(rural.price)}</span></Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The domain's own public record (its lifecycle, time points and announcement come from it). */
type DomainView = { domain: 'tendering'; v: Tender } | { domain: 'land'; v: PublicParcel } | { domain: 'rural'; v: RuralDeal } | { domain: 'procurement'; v: Requirement };

function pieces(d: PortalProjectLoaded, dv: DomainView | null): { lifecycle: Lifecycle; times: TimePoint[]; announcement: Announcement } | null {
  if (!dv) return null;
  const stopped = d.project.status === 'suspended';
  switch (dv.domain) {
    case 'tendering':
      return {
        lifecycle: suspended(tenderLifecycle(dv.v, { awardedAt: d.sections?.find((s) => s.award)?.award?.awardedAt, contractSignedAt: d.sections?.find((s) => s.contract)?.contract?.signedAt }), stopped),
        times: tenderTimes(dv.v),
        announcement: tenderAnnouncement(dv.v),
      };
    case 'land':
      return { lifecycle: suspended(parcelLifecycle(dv.v, d.land?.confirmedAt), stopped), times: parcelTimes(dv.v), announcement: parcelAnnouncement({ ...dv.v, incrementText: incrementText(dv.v.increment) }) };
    case 'rural':
      return {
        lifecycle: suspended(dealLifecycle(dv.v), stopped),
        times: dealTimes(dv.v),
        announcement: dealAnnouncement({ ...dv.v, kindName: zh(dv.v.kindName, dv.v.kind), listing: dv.v.listings.find((l) => l.round === dv.v.round) }),
      };
    case 'procurement':
      return {
        lifecycle: suspended(requirementLifecycle(dv.v, d.notices.find((n) => n.kind === 'contract')?.publishedAt), stopped),
        times: requirementTimes(dv.v),
        announcement: requirementAnnouncement({ ...dv.v, minQuotes: dv.v.ruleSet.minQuotes }),
      };
  }
}

/** The web page of the domain's public record: `/public/tenders/:id` → `/portal/tenders/:id`, an e-mall requirement → `/portal/mall/:id`. */
export function domainPage(d: Pick<PortalProject, 'project' | 'links'>): string {
  const m = /^\/public\/procurement\/requirements\/([0-9a-f-]{36})$/.exec(d.links.domain);
  if (d.project.domain === 'procurement') return m ? `/portal/mall/${m[1]}` : '/?domain=procurement';
  return projectLink(d.project);
}

/** 项目公开页 (GET /public/portal/projects/:id): notices, documents, opening, candidates, result, contract, and the open data. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const data = usePortalProject(id);
  const domainView = useLoad<DomainView | null>(async () => {
    const d = data.data;
    if (!d || !/^\/public\/(tenders|land|rural|procurement\/requirements)\//.test(d.links.domain)) return null;
    return { domain: d.project.domain, v: await api.get(d.links.domain) } as DomainView;
  }, [data.data?.project.id, data.data?.links.domain]);
  const decisions = useLoad(() => api.get<Paged<PublicDecision>>('/public/complaints/decisions', { projectId: id, pageSize: 20 }), [id]);

  return (
    <Loaded state={data} rows={10}>
      {(loaded) => {
        const d = loaded!;
        const parts = pieces(d, domainView.data ?? null);
        return (
        <Page
          title={d.project.name}
          sub={
            <Space wrap>
              <span className="mono">{d.project.code}</span>
              <Tag color={DOMAIN_COLOUR[d.project.domain]} bordered={false}>{DOMAIN_LABEL[d.project.domain]}</Tag>
              <StatusTag map={PROJECT_STATUS} value={d.project.status} />
            </Space>
          }
          extra={
            <Space>
              <Link to={domainPage(d)}>
                <Button icon={<FileSearchOutlined />}>领域详情页</Button>
              </Link>
              <Tooltip title="开放合同数据标准(OCDS 1.1)发布包,机器可读">
                <Button icon={<ApiOutlined />} href={`/public/ocds/projects/${d.project.id}`} target="_blank" data-testid="ocds-link">
                  开放数据(OCDS)
                </Button>
              </Tooltip>
            </Space>
          }
        >
          {parts && <LifecycleBar lifecycle={parts.lifecycle} />}
          {parts && <NextDeadline points={parts.times} serverTime={d.serverTime} receivedAt={d.receivedAt} suspended={d.project.status === 'suspended'} onPassed={() => (data.reload(), domainView.reload())} />}
          <SuspensionNotices suspensions={d.suspensions} />
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Card style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  <Descriptions.Item label="项目单位">{d.project.owner.name}</Descriptions.Item>
                  {d.project.agent && <Descriptions.Item label="代理机构">{d.project.agent.name}</Descriptions.Item>}
                  <Descriptions.Item label="所在地区"><RegionText code={d.project.region} /></Descriptions.Item>
                  <Descriptions.Item label="发布时间">{time(d.project.publishedAt)}</Descriptions.Item>
                </Descriptions>
              </Card>
              {parts && <AnnouncementCard announcement={parts.announcement} />}
              {d.sections && <Sections sections={d.sections} bidDeadline={domainView.data?.domain === 'tendering' ? domainView.data.v.bidDeadline : null} />}
              {d.land && <Land land={d.land} />}
              {d.rural && <Rural rural={d.rural} />}
              <Attachments docs={d.documents} download={d.project.domain === 'tendering' ? (doc) => `/tenders/${d.project.id}/documents/${doc.id}` : undefined}
                loginHint={<Link to={`/login?next=${encodeURIComponent(`/workspace/bidder/tenders/${d.project.id}`)}`}><Button size="small">登录报名后下载</Button></Link>} />
            </Col>
            <Col xs={24} lg={8}>
              <Card title="公告时间线" style={{ marginBottom: 16 }}>
                {d.notices.length ? (
                  <Timeline
                    items={d.notices.map((n) => ({
                      color: n.kind === 'suspension' || (n.kind === 'result' && n.outcome === 'failed') ? 'red' : n.kind === 'result' || n.kind === 'resumption' ? 'green' : 'blue',
                      children: (
                        <>
                          <StatusTag map={NOTICE_KIND} value={n.kind} />
                          <div>{n.title}</div>
                          {n.detail?.reason && <div>原因:{n.detail.reason}</div>}
                          <div className="muted">{time(n.publishedAt)}{n.amount ? ` · ${yuan(n.amount)}` : ''}</div>
                        </>
                      ),
                    }))}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无公告" />
                )}
              </Card>
              <HistoryCard projectId={d.project.id} />
              <Card title="投诉处理决定" extra={<Link to={`/portal/info/complaints?projectId=${d.project.id}`}><LinkOutlined /> 全部</Link>}>
                <Loaded state={decisions} rows={2} empty={(x) => x.items.length === 0} emptyText="本项目无投诉处理决定">
                  {(x) => (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {x.items.map((c) => (
                        <div key={c.id}>
                          <StatusTag map={COMPLAINT_OUTCOME} value={c.outcome} /> <span className="muted">{day(c.decidedAt)} · 投诉人 {c.complainant.name}</span>
                          <p className="decision-text">{c.decision}</p>
                        </div>
                      ))}
                    </Space>
                  )}
                </Loaded>
              </Card>
            </Col>
          </Row>
        </Page>
        );
      }}
    </Loaded>
  );
}
