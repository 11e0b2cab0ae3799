import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Input, List, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, LockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Draw, Tender } from '../../api/types';
import { OpeningObjection, SealedOpeningRecord } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { useAction } from '../../components/actions';
import { ErrorState, Loaded, Loading, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { countdown, shortHash, time, yuan } from '../../format';
import { DEPOSIT_STATUS, SECTION_STATUS, TENDER_STATUS } from '../../labels';
import { RefusalBox } from './CentreBits';
import { DRAW_STATUS } from './centre-text';

function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
}

/** One on-the-spot objection (条例 44): the centre answers it while the window is open, and the answer is recorded. */
function ObjectionItem({ o, tenderId, onDone }: { o: OpeningObjection; tenderId: string; onDone: () => void }) {
  const [reply, setReply] = useState('');
  const { busy, refusal, setRefusal, run } = useAction();
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Space style={{ marginBottom: 4 }}>
          <Tag color={o.reply ? 'success' : 'warning'}>{o.reply ? '已答复' : '待答复'}</Tag>
          <span className="muted">{time(o.raisedAt)} 提出</span>
        </Space>
        <Typography.Paragraph style={{ marginBottom: 6 }}>{o.content}</Typography.Paragraph>
        {o.reply ? (
          <Alert type="success" showIcon message={`答复:${o.reply}`} description={<span className="muted">{time(o.repliedAt)}</span>} />
        ) : (
          <>
            <Refusal error={refusal} onClose={() => setRefusal(null)} />
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder="当场答复内容(记入开标记录)" value={reply} onChange={(e) => setReply(e.target.value)} data-testid="objection-reply" />
              <Button type="primary" disabled={!reply.trim()} loading={busy === 'reply'} onClick={async () => (await run('reply', () => api.post(`/tenders/${tenderId}/opening-objections/${o.id}/reply`, { reply: reply.trim() }), '已答复')) && onDone()}>
                答复
              </Button>
            </Space.Compact>
          </>
        )}
      </div>
    </List.Item>
  );
}

/** Seats the drawn committee on an opened section (POST …/evaluation with a draw whose session has started). */
function StartEvaluation({ tenderId, no, onDone }: { tenderId: string; no: number; onDone: () => void }) {
  const draws = useLoad(() => api.get<Draw[]>('/expert-draws', { projectId: tenderId }), [tenderId]);
  const [drawId, setDrawId] = useState<string>();
  const { busy, refusal, setRefusal, run } = useAction();
  return (
    <div>
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} />
      <Space wrap>
        <Select
          placeholder={draws.data?.length ? '选择专家抽取' : '本项目尚无专家抽取'}
          style={{ width: 300, maxWidth: '80vw' }}
          value={drawId}
          onChange={setDrawId}
          loading={draws.loading}
          options={(draws.data ?? []).map((d) => ({ value: d.id, label: `${time(d.sessionStart)} 场 · ${DRAW_STATUS[d.status]?.text ?? d.status}` }))}
        />
        <Button disabled={!drawId} loading={busy === 'start'} onClick={async () => (await run('start', () => api.post(`/tenders/${tenderId}/sections/${no}/evaluation`, { drawId }), '评标已开始')) && onDone()}>
          开始评标
        </Button>
        <Link to={`/workspace/centre/draws${draws.data?.length ? '' : `?request=${tenderId}`}`}>{draws.data?.length ? '查看专家抽取' : '申请专家抽取'}</Link>
      </Space>
    </div>
  );
}

/** The centre's opening console: the opening record as read out, and the on-the-spot objections to answer. */
export function OpeningConsole() {
  const { id = '' } = useParams();
  const now = useNow();
  const tender = useLoad(() => api.get<Tender>(`/tenders/${id}`), [id]);
  const record = useLoad(() => api.get<SealedOpeningRecord>(`/public/tenders/${id}/opening`), [id]);
  const objections = useLoad(() => api.get<OpeningObjection[]>(`/tenders/${id}/opening-objections`), [id]);
  useEffect(() => {
    const h = setInterval(() => objections.reload(), 10000);
    return () => clearInterval(h);
  }, [objections.reload]);

  if (tender.error) return <ErrorState error={tender.error} onRetry={tender.reload} />;
  if (!tender.data) return <Loading rows={8} />;
  const t = tender.data;
  const r = record.data;
  const until = r?.objectionsUntil ? new Date(r.objectionsUntil).getTime() : null;
  const windowOpen = until !== null && until > now;
  const pending = (objections.data ?? []).filter((o) => !o.reply).length;

  return (
    <Page
      title={t.name}
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/centre">项目受理</Link> }, { title: '开标控制台' }, { title: t.code }]} />}
      extra={<StatusTag map={TENDER_STATUS} value={t.status} />}
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} md={6}><Card><Statistic title="投标截止(开标)" value={time(t.bidDeadline)} valueStyle={{ fontSize: 18 }} /></Card></Col>
        <Col xs={24} sm={12} md={6}><Card><Statistic title="开标时间" value={time(r?.openedAt ?? t.openedAt)} valueStyle={{ fontSize: 18 }} /></Card></Col>
        <Col xs={24} sm={12} md={6}>
          <Card>
            <Statistic title="现场异议时限" value={until === null ? '—' : windowOpen ? countdown(until - now) : '已结束'} valueStyle={{ fontSize: 18, color: windowOpen ? '#d9480f' : undefined }} />
          </Card>
        </Col>
        <Col xs={24} sm={12} md={6}><Card><Statistic title="待答复异议" value={pending} valueStyle={{ fontSize: 18, color: pending ? '#c92a2a' : '#2f9e44' }} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title="开标记录(唱标)">
            <Loaded state={record}>
              {(rec) =>
                rec.sealed ? (
                  <Empty image={<LockOutlined style={{ fontSize: 48, color: '#adb5bd' }} />} description={`投标文件密封中,${time(rec.bidDeadline)} 截止后由系统解密开标`} />
                ) : (
                  <Space direction="vertical" style={{ width: '100%' }} size={20}>
                    {rec.sections.map((s) => (
                      <div key={s.no} data-testid={`opening-section-${s.no}`}>
                        <Space style={{ marginBottom: 8 }}>
                          <Typography.Text strong>第 {s.no} 标段 · {s.name}</Typography.Text>
                          <Tag color={s.status === 'failed' ? 'error' : 'blue'}>{SECTION_STATUS[s.status] ?? s.status}</Tag>
                          <span className="muted">有效投标 {s.bidCount ?? 0} 家</span>
                        </Space>
                        <Table
                          size="small"
                          rowKey="bidId"
                          scroll={{ x: 720 }}
                          pagination={false}
                          dataSource={s.bids}
                          locale={{ emptyText: '无投标(流标)' }}
                          columns={[
                            { title: '投标人', dataIndex: 'organisationName' },
                            { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                            { title: '保证金', dataIndex: 'depositStatus', width: 90, render: (v) => DEPOSIT_STATUS[v] ?? v },
                            { title: '递交时间', dataIndex: 'submittedAt', width: 165, render: time },
                            { title: '回执摘要', dataIndex: 'bidDigest', width: 120, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 10)}</span></Tooltip> },
                            { title: '文件校验', dataIndex: 'documentsVerified', width: 80, render: (ok) => (ok ? <CheckCircleTwoTone twoToneColor="#2f9e44" /> : <CloseCircleTwoTone twoToneColor="#c92a2a" />) },
                          ]}
                        />
                        {s.status === 'opened' && (
                          <div style={{ marginTop: 8 }}>
                            <StartEvaluation tenderId={id} no={s.no} onDone={() => (record.reload(), tender.reload())} />
                          </div>
                        )}
                      </div>
                    ))}
                  </Space>
                )
              }
            </Loaded>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="开标现场异议" extra={<Button size="small" onClick={objections.reload}>刷新</Button>}>
            <Loaded state={objections} empty={(l) => !l.length} emptyText={windowOpen ? '暂无异议,异议时限内投标人可在线提出' : '无开标异议'}>
              {(l) => <List dataSource={l} renderItem={(o) => <ObjectionItem key={o.id} o={o} tenderId={id} onDone={objections.reload} />} />}
            </Loaded>
          </Card>
          <Descriptions size="small" column={1} style={{ marginTop: 16 }} bordered>
            <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
            <Descriptions.Item label="招标代理">{t.agentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="公开页面"><Link to={`/portal/tenders/${id}`}>查看公开开标记录</Link></Descriptions.Item>
          </Descriptions>
        </Col>
      </Row>
    </Page>
  );
}
