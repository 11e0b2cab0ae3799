import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, List, Row, Space, Steps, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Deposit, PublicResults, Section, Tender } from '../../api/types';
import { Award, Question, SealedOpeningRecord, TenderObjection } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { downloadFile, moneyRule, useAction } from '../../components/actions';
import { EmptyState, ErrorState, Loaded, Loading, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { bytes, shortHash, time, yuan } from '../../format';
import { DEPOSIT_STATUS, EVALUATION_METHOD, SECTION_STATUS, TENDER_KIND, TENDER_STATUS } from '../../labels';

const STEPS = ['submitted', 'accepted', 'bidding', 'opened', 'evaluating', 'publicity', 'awarded'];
const stepOf = (s: string) => (s === 'returned' ? 0 : s === 'failed' ? 3 : Math.max(0, STEPS.indexOf(s)));

/** Uploads one file through a multipart route; the API keeps its SHA-256. */
function FileUpload({ path, label, done, onDone, testId }: { path: string; label: string; done: string; onDone: () => void; testId?: string }) {
  const { busy, refusal, setRefusal, run } = useAction();
  const [note, setNote] = useState('');
  return (
    <div>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Space.Compact style={{ width: '100%' }}>
        <Input placeholder="说明(可选)" value={note} onChange={(e) => setNote(e.target.value)} />
        <Upload
          showUploadList={false}
          customRequest={async ({ file }) => {
            const form = new FormData();
            if (note.trim()) form.append('note', note.trim());
            form.append('file', file as File, (file as File).name);
            if (await run('upload', () => api.form(path, form), done)) {
              setNote('');
              onDone();
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid={testId}>
            {label}
          </Button>
        </Upload>
      </Space.Compact>
    </div>
  );
}

function Questions({ id }: { id: string }) {
  const list = useLoad(() => api.get<Question[]>(`/tenders/${id}/questions`), [id]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { busy, refusal, setRefusal, run } = useAction();
  return (
    <Card title="澄清问答" style={{ marginBottom: 16 }} extra={<span className="muted">答复发送给全部投标人,不显示提问人</span>}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={list} empty={(l) => !l.length} emptyText="暂无投标人提问">
        {(l) => (
          <List
            dataSource={l}
            renderItem={(q) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div>
                    <Tag color={q.answer ? 'success' : 'warning'}>{q.answer ? '已答复' : '待答复'}</Tag>
                    <Typography.Text strong>{q.question}</Typography.Text> <span className="muted">· {time(q.askedAt)}</span>
                  </div>
                  {q.answer ? (
                    <div style={{ marginTop: 6, color: '#2b8a3e' }}>答:{q.answer} <span className="muted">· {time(q.answeredAt)}</span></div>
                  ) : (
                    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                      <Input placeholder="答复内容" value={answers[q.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })} />
                      <Button type="primary" disabled={!answers[q.id]?.trim()} loading={busy === q.id} onClick={async () => (await run(q.id, () => api.post(`/tenders/${id}/questions/${q.id}/answer`, { answer: answers[q.id].trim() }), '已答复并通知全部投标人')) && list.reload()}>
                        答复
                      </Button>
                    </Space.Compact>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
      </Loaded>
    </Card>
  );
}

/** A section after the opening: candidates to publicise, publicity objections to answer, the award, the contract. */
function SectionCard({ t, s, results, onChanged }: { t: Tender; s: Section; results: PublicResults | undefined; onChanged: () => void }) {
  const base = `/tenders/${t.id}/sections/${s.no}`;
  const objections = useLoad(() => api.get<TenderObjection[]>(`${base}/objections`), [base]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [award, setAward] = useState<Award | null>(null);
  const [signedAt, setSignedAt] = useState<Dayjs | null>(null);
  const r = results?.sections.find((x) => x.no === s.no);
  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    const out = await run(key, fn, done);
    if (out !== undefined) {
      objections.reload();
      onChanged();
    }
    return out;
  };
  return (
    <Card title={<Space>第 {s.no} 标段 · {s.name}<Tag color="blue">{SECTION_STATUS[s.status] ?? s.status}</Tag></Space>} style={{ marginBottom: 16 }} extra={s.publicityUntil && <span className="muted">公示截止 {time(s.publicityUntil)}</span>}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {s.status === 'evaluating' && (
        <Space direction="vertical">
          <span className="muted">评标委员会提交评标报告后,公示中标候选人(公示期按规则执行,期间投标人可提出异议)。</span>
          <Button type="primary" loading={busy === 'publicise'} onClick={() => act('publicise', () => api.post(`${base}/publicity`), '中标候选人已公示')}>
            公示中标候选人
          </Button>
        </Space>
      )}
      {r && r.candidates.length > 0 && (
        <Table
          size="small"
          rowKey="rank"
          pagination={false}
          style={{ marginBottom: 12 }}
          dataSource={r.candidates}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60 },
            { title: '中标候选人', dataIndex: 'bidderName' },
            { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          ]}
        />
      )}
      <Loaded state={objections} empty={(l) => !l.length} emptyText="无公示期异议">
        {(l) => (
          <List
            size="small"
            header={<b>公示期异议</b>}
            dataSource={l}
            renderItem={(o) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Space><Tag color={o.reply ? 'success' : 'error'}>{o.reply ? '已答复' : '待答复'}</Tag>{o.organisationName}<span className="muted">{time(o.raisedAt)} · 答复期限 {time(o.replyDue)}</span></Space>
                  <div style={{ margin: '4px 0' }}>{o.content}</div>
                  {o.reply ? (
                    <div style={{ color: '#2b8a3e' }}>答复:{o.reply}</div>
                  ) : (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input placeholder="答复内容(答复前暂停定标)" value={replies[o.id] ?? ''} onChange={(e) => setReplies({ ...replies, [o.id]: e.target.value })} />
                      <Button type="primary" disabled={!replies[o.id]?.trim()} loading={busy === o.id} onClick={() => act(o.id, () => api.post(`/tenders/${t.id}/objections/${o.id}/reply`, { reply: replies[o.id].trim() }), '已答复')}>
                        答复
                      </Button>
                    </Space.Compact>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
      </Loaded>
      {s.status === 'publicity' && (
        <Button type="primary" style={{ marginTop: 12 }} loading={busy === 'award'} onClick={async () => { const a = await act('award', () => api.post<Award>(`${base}/award`, {}), '已定标,中标通知书已发出'); if (a) setAward(a as Award); }}>
          定标并发出中标通知书
        </Button>
      )}
      {(award || r?.award) && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          message={`中标人:${award?.winner ?? r?.award?.winner},中标价 ${yuan(award?.price ?? r?.award?.price)}`}
          description={award ? `定标时间 ${time(award.awardedAt)};合同须于 ${time(award.contractDue)} 前签订` : `定标时间 ${time(r?.award?.awardedAt)}`}
        />
      )}
      {s.status === 'awarded' && (
        <Form layout="inline" style={{ marginTop: 12 }} onFinish={(v: { amount: string }) => act('contract', () => api.post<Award>(`${base}/contract`, { amount: v.amount.trim(), ...(signedAt ? { signedAt: signedAt.toISOString() } : {}) }), '合同已登记,投标保证金进入退还期')}>
          <Form.Item name="amount" label="合同金额" rules={[{ required: true, message: '请填写合同金额' }, moneyRule]}>
            <Input addonAfter="元" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="签订时间">
            <DatePicker showTime value={signedAt} onChange={setSignedAt} placeholder="默认现在" />
          </Form.Item>
          <Button htmlType="submit" loading={busy === 'contract'}>登记合同</Button>
        </Form>
      )}
    </Card>
  );
}

/** One tender from the owner's or agent's side, through every step the tendering routes offer them. */
export function OwnerTender() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const tender = useLoad(() => api.get<Tender>(`/tenders/${id}`), [id]);
  // 法 22: the depositors are the owner's to see only from the opening on (403 BIDDERS_SECRET before).
  const deposits = useLoad(() => api.get<Deposit[]>(`/tenders/${id}/deposits`).catch(() => [] as Deposit[]), [id]);
  const opening = useLoad(() => api.get<SealedOpeningRecord>(`/public/tenders/${id}/opening`).catch(() => null), [id]);
  const openingObjections = useLoad(() => api.get<TenderObjection[]>(`/tenders/${id}/opening-objections`), [id]);
  const results = useLoad(() => api.get<PublicResults>(`/public/tenders/${id}/results`).catch(() => undefined), [id]);
  const { busy, refusal, setRefusal, run } = useAction();

  if (tender.error) return <ErrorState error={tender.error} onRetry={tender.reload} />;
  if (!tender.data) return <Loading rows={10} />;
  const t = tender.data;
  const reload = () => (tender.reload(), results.reload(), deposits.reload());
  const beforeAnnouncement = ['submitted', 'returned', 'accepted'].includes(t.status);
  const opened = !!t.openedAt;

  return (
    <Page
      title={t.name}
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/owner">项目单位工作台</Link> }, { title: t.code }]} />}
      extra={<><StatusTag map={TENDER_STATUS} value={t.status} />{!beforeAnnouncement && <Link to={`/portal/tenders/${id}`}>公开页面</Link>}</>}
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stepOf(t.status)}
          status={t.status === 'returned' || t.status === 'failed' ? 'error' : undefined}
          items={[{ title: '进场登记' }, { title: '中心受理' }, { title: '公告与投标' }, { title: t.status === 'failed' ? '流标' : '开标' }, { title: '评标' }, { title: '候选人公示' }, { title: '定标与合同' }]}
        />
      </Card>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {t.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="交易中心退回了进场登记"
          description={<>退回理由:{t.returnReasons?.join(';')}。补正招标文件后重新提交。</>}
          action={<Button type="primary" loading={busy === 'resubmit'} onClick={async () => (await run('resubmit', () => api.post(`/tenders/${id}/resubmit`), '已重新提交')) && reload()}>重新提交</Button>}
        />
      )}
      {t.status === 'failed' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message="本项目流标" action={<Button loading={busy === 'retender'} onClick={() => run('retender', () => api.post<Tender>(`/tenders/${id}/retender`), '已重新登记招标').then((n) => n && navigate(`/workspace/owner/tenders/${n.id}`))}>重新招标</Button>} />
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Card title="项目信息" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="项目编号"><span className="mono">{t.code}</span></Descriptions.Item>
              <Descriptions.Item label="类型">{TENDER_KIND[t.kind] ?? t.kind}</Descriptions.Item>
              <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
              <Descriptions.Item label="招标代理">{t.agentName ?? '自行招标'}</Descriptions.Item>
              <Descriptions.Item label="估算价"><span className="money">{yuan(t.estimate)}</span></Descriptions.Item>
              <Descriptions.Item label="评标办法">{EVALUATION_METHOD[t.evaluationMethod]}</Descriptions.Item>
              <Descriptions.Item label="文件发出">{time(t.documentsAvailableAt)}</Descriptions.Item>
              <Descriptions.Item label="投标截止">{time(t.bidDeadline)}</Descriptions.Item>
              <Descriptions.Item label="资格条件" span={2}>{t.qualification}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="no"
              pagination={false}
              dataSource={t.sections}
              columns={[
                { title: '标段', dataIndex: 'no', width: 60 },
                { title: '名称', dataIndex: 'name' },
                { title: '估算价', dataIndex: 'estimate', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '保证金', dataIndex: 'deposit', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '状态', dataIndex: 'status', width: 90, render: (v) => (beforeAnnouncement ? <span className="muted">待公告</span> : SECTION_STATUS[v] ?? v) },
              ]}
            />
          </Card>
          {opened && t.sections.map((s) => <SectionCard key={s.no} t={t} s={s} results={results.data ?? undefined} onChanged={reload} />)}
          {!beforeAnnouncement && <Questions id={id} />}
        </Col>
        <Col span={10}>
          <Card title="招标文件与修改文件" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={t.documents}
              locale={{ emptyText: '尚未上传招标文件' }}
              style={{ marginBottom: 12 }}
              columns={[
                { title: '文件', render: (_, d) => <>{d.fileName} {d.kind === 'amendment' && <Tag color="orange">修改</Tag>}<div className="muted" style={{ fontSize: 12 }}>{bytes(d.size)} · {time(d.createdAt)}</div></> },
                { title: 'SHA-256', dataIndex: 'sha256', width: 110, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 8)}</span></Tooltip> },
                { title: '', width: 44, render: (_, d) => <Button size="small" icon={<DownloadOutlined />} onClick={() => run('dl', () => downloadFile(`/tenders/${id}/documents/${d.id}`, d.fileName))} /> },
              ]}
            />
            {beforeAnnouncement && <FileUpload path={`/tenders/${id}/documents`} label="上传招标文件" done="招标文件已上传,SHA-256 已存证" onDone={tender.reload} testId="upload-documents" />}
            {t.status === 'bidding' && (
              <>
                <FileUpload path={`/tenders/${id}/amendments`} label="发布修改文件" done="修改文件已发布,已通知全部投标人" onDone={tender.reload} />
                <div className="muted" style={{ marginTop: 6 }}>距截止不足规定期限时,系统自动顺延投标截止时间并通知全部投标人。</div>
              </>
            )}
          </Card>
          {opened && (
            <Card title="开标记录与现场异议" style={{ marginBottom: 16 }}>
              {opening.data && !opening.data.sealed ? (
                opening.data.sections.map((s) => (
                  <div key={s.no} style={{ marginBottom: 8 }}>
                    <b>第 {s.no} 标段</b> <span className="muted">投标 {s.bidCount ?? 0} 家</span>
                    {s.bids.map((b) => (
                      <div key={b.bidId} style={{ display: 'flex', justifyContent: 'space-between' }}><span>{b.organisationName}</span><span className="money">{yuan(b.price)}</span></div>
                    ))}
                  </div>
                ))
              ) : (
                <Empty description="开标记录暂不可用" />
              )}
              <Loaded state={openingObjections} empty={(l) => !l.length} emptyText="无开标异议">
                {(l) => <List size="small" dataSource={l} renderItem={(o) => <List.Item>{o.content}<span className="muted">{o.reply ? `已答复:${o.reply}` : '待交易中心答复'}</span></List.Item>} />}
              </Loaded>
            </Card>
          )}
          {!beforeAnnouncement && (
            <Card title="投标保证金">
              {!opened ? (
                <EmptyState text="开标前不公开投标人的名称和数量(招标投标法第二十二条)" />
              ) : (
                <Loaded state={deposits} empty={(l) => !l.length} emptyText="暂无保证金记录">
                  {(l) => (
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={l}
                      columns={[
                        { title: '投标人', dataIndex: 'organisationName' },
                        { title: '标段', dataIndex: 'sectionNo', width: 50 },
                        { title: '金额', dataIndex: 'amount', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                        { title: '状态', dataIndex: 'status', width: 90, render: (v) => DEPOSIT_STATUS[v] ?? v },
                      ]}
                    />
                  )}
                </Loaded>
              )}
            </Card>
          )}
        </Col>
      </Row>
    </Page>
  );
}
