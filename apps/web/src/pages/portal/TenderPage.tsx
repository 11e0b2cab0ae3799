import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { CheckCircleTwoTone, LockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { OpeningRecord, PublicResults, Tender } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { ErrorState, Loaded, Loading, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { useAuth } from '../../auth';
import { shortHash, time, yuan } from '../../format';
import { tenderAnnouncement } from '../../announcement-text';
import { suspended, tenderLifecycle, tenderTimes } from '../../public-project';
import { AnnouncementCard, Attachments, HistoryCard, LifecycleBar, NextDeadline, RegionText, SuspensionNotices, usePortalProject } from './PublicParts';
import { DEPOSIT_STATUS, EVALUATION_METHOD, SECTION_STATUS, TENDER_KIND, TENDER_STATUS } from '../../labels';

function Opening({ id }: { id: string }) {
  const record = useLoad(() => api.get<OpeningRecord>(`/public/tenders/${id}/opening`), [id]);
  return (
    <Loaded state={record}>
      {(r) =>
        r.sealed ? (
          <Result
            icon={<LockOutlined />}
            title="尚未开标"
            subTitle={`投标截止 ${time(r.bidDeadline)}。投标文件加密保存,截止时间到达后由系统解密并公开唱标;开标前不公开投标人及其数量。`}
          />
        ) : (
          <div data-testid="opening-record">
            <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="开标时间">{time(r.openedAt)}</Descriptions.Item>
              <Descriptions.Item label="开标异议截止">{time(r.objectionsUntil)}</Descriptions.Item>
            </Descriptions>
            {r.sections.map((s) => (
              <Card key={s.no} size="small" title={`第 ${s.no} 标段 · ${s.name}`} extra={<span>递交 {s.bidCount} 份 · {SECTION_STATUS[s.status] ?? s.status}</span>} style={{ marginBottom: 12 }}>
                {s.status === 'failed' ? (
                  <Alert type="warning" showIcon message={`投标人少于法定数量,本标段流标(递交 ${s.bidCount} 份,未开启)。`} />
                ) : (
                  <Table
                    scroll={{ x: 'max-content' }}
                    rowKey="bidId"
                    size="small"
                    pagination={false}
                    dataSource={s.bids}
                    columns={[
                      { title: '序号', width: 60, render: (_, __, i) => i + 1 },
                      { title: '投标人', dataIndex: 'organisationName' },
                      { title: '投标报价', dataIndex: 'price', align: 'right', width: 180, render: (v) => <span className="money">{yuan(v)}</span> },
                      { title: '保证金', dataIndex: 'depositStatus', width: 110, render: (d) => DEPOSIT_STATUS[d] ?? d },
                      { title: '递交时间', dataIndex: 'submittedAt', width: 170, render: time },
                      {
                        title: '文件校验(SHA-256)',
                        dataIndex: 'bidDigest',
                        width: 220,
                        render: (h, b) => (
                          <Tooltip title={h}>
                            {b.documentsVerified ? <CheckCircleTwoTone twoToneColor="#2f9e44" /> : null} <span className="mono">{shortHash(h, 16)}</span>
                          </Tooltip>
                        ),
                      },
                    ]}
                  />
                )}
              </Card>
            ))}
          </div>
        )
      }
    </Loaded>
  );
}

function Results({ id }: { id: string }) {
  const results = useLoad(() => api.get<PublicResults>(`/public/tenders/${id}/results`), [id]);
  return (
    <Loaded state={results} empty={(r) => r.sections.every((s) => !s.candidates.length && !s.award)} emptyText="评标结束后在此公示中标候选人与中标结果">
      {(r) => (
        <div data-testid="results">
          {r.sections.map((s) => (
            <Card key={s.no} size="small" title={`第 ${s.no} 标段 · ${s.name}`} extra={s.publicityUntil ? `公示截止 ${time(s.publicityUntil)}` : null} style={{ marginBottom: 12 }}>
              {s.award && (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={
                    <span data-testid="award">
                      中标人:<b>{s.award.winner}</b> · 中标价 <span className="money">{yuan(s.award.price)}</span> · 定标时间 {time(s.award.awardedAt)}
                    </span>
                  }
                />
              )}
              <Table
                scroll={{ x: 'max-content' }}
                rowKey="rank"
                size="small"
                pagination={false}
                dataSource={s.candidates}
                locale={{ emptyText: '暂无候选人' }}
                columns={[
                  { title: '排名', dataIndex: 'rank', width: 80, render: (r) => `第 ${r} 名` },
                  { title: '中标候选人', dataIndex: 'bidderName' },
                  { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                ]}
              />
            </Card>
          ))}
        </div>
      )}
    </Loaded>
  );
}

/** A tender's public page: where it stands, the countdown, the announcement, the documents, the opening and the results. */
export function TenderPage() {
  const { id = '' } = useParams();
  const { has } = useAuth();
  const tender = useLoad(() => api.get<Tender>(`/public/tenders/${id}`), [id]);
  const portal = usePortalProject(id);
  if (tender.error) return <ErrorState error={tender.error} onRetry={tender.reload} />;
  if (!tender.data) return <Loading rows={8} />;
  const t = tender.data;
  const p = portal.data ?? null;
  const opened = ['opened', 'failed', 'evaluating', 'publicity', 'awarded'].includes(t.status);
  const isSuspended = p?.project.status === 'suspended';
  const awarded = p?.sections?.find((s) => s.award);
  const lifecycle = suspended(tenderLifecycle(t, { awardedAt: awarded?.award?.awardedAt, contractSignedAt: p?.sections?.find((s) => s.contract)?.contract?.signedAt }), isSuspended);
  const reload = () => (tender.reload(), portal.reload());
  const loginHint = (
    <Link to={`/login?next=${encodeURIComponent(`/workspace/bidder/tenders/${id}`)}`}>
      <Button size="small">登录报名后下载</Button>
    </Link>
  );
  return (
    <Page
      title={t.name}
      sub={<Breadcrumb items={[{ title: <Link to="/">交易公告</Link> }, { title: '工程建设招投标' }, { title: t.code }]} />}
      extra={
        <>
          {isSuspended ? <Tag color="error">已中止</Tag> : <StatusTag map={TENDER_STATUS} value={t.status} />}
          {has('bidder') && t.status === 'bidding' && !isSuspended && (
            <Link to={`/workspace/bidder/tenders/${id}`}>
              <Button type="primary">我要投标</Button>
            </Link>
          )}
        </>
      }
    >
      <LifecycleBar lifecycle={lifecycle} />
      <NextDeadline points={tenderTimes(t)} serverTime={p?.serverTime} receivedAt={p?.receivedAt} suspended={isSuspended} onPassed={reload} />
      {p && <SuspensionNotices suspensions={p.suspensions} />}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card style={{ marginBottom: 16 }} title="项目信息">
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" className="kv-table">
              <Descriptions.Item label="项目编号"><span className="mono">{t.code}</span></Descriptions.Item>
              <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
              {t.agentName && <Descriptions.Item label="招标代理">{t.agentName}</Descriptions.Item>}
              <Descriptions.Item label="类别">{TENDER_KIND[t.kind] ?? t.kind}</Descriptions.Item>
              <Descriptions.Item label="估算金额"><span className="money">{yuan(t.estimate)}</span></Descriptions.Item>
              <Descriptions.Item label="评标办法">{EVALUATION_METHOD[t.evaluationMethod]}</Descriptions.Item>
              <Descriptions.Item label="所在地区"><RegionText code={t.region} /></Descriptions.Item>
              <Descriptions.Item label="投标截止(开标)">{time(t.bidDeadline)}</Descriptions.Item>
              {t.openedAt ? <Descriptions.Item label="开标时间">{time(t.openedAt)}</Descriptions.Item> : <Descriptions.Item label="开标方式">截止时不见面开标</Descriptions.Item>}
            </Descriptions>
          </Card>
          <AnnouncementCard announcement={tenderAnnouncement(t)} />
          <Card>
            <Tabs
              defaultActiveKey={opened ? 'opening' : 'sections'}
              items={[
                {
                  key: 'sections',
                  label: '标段',
                  children: (
                    <div className="table-scroll">
                      <Table
                        rowKey="no"
                        size="small"
                        pagination={false}
                        dataSource={t.sections}
                        columns={[
                          { title: '标段', dataIndex: 'no', width: 80, render: (n) => `第 ${n} 标段` },
                          { title: '名称', dataIndex: 'name' },
                          { title: '估算金额', dataIndex: 'estimate', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                          { title: '投标保证金', dataIndex: 'deposit', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                          { title: '状态', dataIndex: 'status', width: 100, render: (s) => SECTION_STATUS[s] ?? s },
                        ]}
                      />
                    </div>
                  ),
                },
                { key: 'opening', label: '开标记录', children: <Opening id={id} /> },
                { key: 'results', label: '结果公示', children: <Results id={id} /> },
                { key: 'changes', label: `澄清与变更(${(t.clarifications?.length ?? 0) + (t.deadlineChanges?.length ?? 0)})`, children: <Changes t={t} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Attachments
            docs={t.documents.map((d) => ({ ...d, publishedAt: d.createdAt }))}
            download={(d) => `/tenders/${id}/documents/${d.id}`}
            loginHint={loginHint}
          />
          <HistoryCard projectId={id} />
        </Col>
      </Row>
    </Page>
  );
}

/** 澄清答复 and deadline changes, as the public tender lists them (askers never named). */
function Changes({ t }: { t: Tender }) {
  const none = !t.clarifications?.length && !t.deadlineChanges?.length;
  if (none) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无澄清答复或截止时间变更" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {t.deadlineChanges?.map((c) => (
        <Alert key={c.at} type="warning" showIcon message={`变更公告 · ${time(c.at)}`} description={`投标截止时间由 ${time(c.previousDeadline)} 顺延至 ${time(c.bidDeadline)}(北京时间)。`} />
      ))}
      {t.clarifications?.map((c, i) => (
        <Card key={i} size="small" title={`澄清答复 · ${time(c.answeredAt)}`}>
          <p><b>问:</b>{c.question}</p>
          <p style={{ marginBottom: 0 }}><b>答:</b>{c.answer}</p>
        </Card>
      ))}
    </Space>
  );
}
