import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Collapse, DatePicker, Descriptions, Divider, Empty, Form, Grid, Input, List, Progress, Row, Space, Steps, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Deposit, Section, Tender } from '../../api/types';
import { Award, OpeningObjection, Question, ReportRecord, SealedOpeningRecord, TenderObjection } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { downloadFile, typedMoneyRule, useAction } from '../../components/actions';
import { confirmBinding } from '../../components/BindingConfirm';
import { EvaluationReportView } from '../../components/EvaluationReport';
import { EmptyState, ErrorState, Loaded, Loading, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { bytes, countdown, shortHash, time, yuan } from '../../format';
import { useNow } from '../../live';
import { typedYuan } from '../../money-words';
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

/** An objection with its reply, or the reply box behind a confirmation (the reply goes to every bidder the rules name). */
function ObjectionItem({ o, who, onReply, busy, hint }: { o: TenderObjection; who: string; onReply: (o: TenderObjection, reply: string) => void; busy: boolean; hint: string }) {
  const [reply, setReply] = useState('');
  return (
    <List.Item data-testid="objection">
      <div style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={o.reply ? 'success' : 'error'}>{o.reply ? '已答复' : '待答复'}</Tag>
          <b>{who}</b>
          <span className="muted">提出于 {time(o.raisedAt)}{o.replyDue ? ` · 答复期限 ${time(o.replyDue)}` : ''}</span>
        </Space>
        <div style={{ margin: '4px 0' }}>{o.content}</div>
        {o.reply ? (
          <div style={{ color: '#2b8a3e' }}>答复:{o.reply} <span className="muted">· {time(o.repliedAt)}</span></div>
        ) : (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={hint} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="objection-reply" />
            <Button type="primary" disabled={!reply.trim()} loading={busy} onClick={() => onReply(o, reply.trim())} data-testid="objection-reply-send">
              答复
            </Button>
          </Space.Compact>
        )}
      </div>
    </List.Item>
  );
}

/** 招标文件异议 (条例 22): the objector shown by pseudonym; the opening waits for every reply. */
function DocumentObjections({ id }: { id: string }) {
  const { modal } = App.useApp();
  const list = useLoad(() => api.get<TenderObjection[]>(`/tenders/${id}/objections`), [id]);
  const { busy, refusal, setRefusal, run } = useAction();
  const reply = async (o: TenderObjection, text: string) => {
    const ok = await confirmBinding(modal, {
      title: '确认答复招标文件异议',
      lines: [{ label: '异议人', value: o.handle ?? '异议人' }, { label: '异议', value: o.content }, { label: '答复', value: text }],
      warning: '答复将连同异议内容通知全部已报名的投标人,答复后不可修改;答复前暂停开标(条例 22)。需要修改招标文件的,请另行发布修改文件。',
      okText: '确认答复',
    });
    if (ok && (await run(o.id, () => api.post(`/tenders/${id}/objections/${o.id}/reply`, { reply: text }), '已答复,全部投标人已收到通知'))) list.reload();
  };
  return (
    <Card title="招标文件异议" style={{ marginBottom: 16 }} extra={<span className="muted">答复前暂停开标</span>} data-testid="document-objections">
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={list} empty={(l) => !l.length} emptyText="无招标文件异议">
        {(l) => <List dataSource={l} renderItem={(o) => <ObjectionItem o={o} who={o.handle ?? '异议人'} busy={busy === o.id} onReply={reply} hint="答复内容(答复前暂停开标)" />} />}
      </Loaded>
    </Card>
  );
}

/** The first candidate still standing (条例 55), given the candidates the owner marks as withdrawn. */
function awardee(candidates: ReportRecord['candidates'], withdrawn: string[]) {
  return candidates.find((c) => !withdrawn.includes(c.bidId)) ?? null;
}

/** A section after the opening: the report, candidates to publicise, publicity objections to answer, the award, the contract. */
function SectionCard({ t, s, onChanged }: { t: Tender; s: Section; onChanged: () => void }) {
  const { modal } = App.useApp();
  const now = useNow(1000);
  const base = `/tenders/${t.id}/sections/${s.no}`;
  const reported = !!s.reportedAt;
  const report = useLoad(() => (reported ? api.get<ReportRecord>(`${base}/evaluation/report`) : Promise.resolve(null)), [base, reported, s.status]);
  const objections = useLoad(() => api.get<TenderObjection[]>(`${base}/objections`), [base, s.status]);
  const award = useLoad(() => (s.status === 'awarded' ? api.get<Award>(`${base}/award`) : Promise.resolve(null)), [base, s.status]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  const [signedAt, setSignedAt] = useState<Dayjs | null>(null);
  const [contractForm] = Form.useForm<{ amount: string }>();
  const r = report.data ?? null;
  const act = async <T,>(key: string, fn: () => Promise<T>, done: string) => {
    const out = await run(key, fn, done);
    if (out !== undefined) {
      objections.reload();
      report.reload();
      award.reload();
      onChanged();
    }
    return out;
  };
  const section = `第 ${s.no} 标段 · ${s.name}`;

  const publicise = async () => {
    if (!r) return;
    const unsigned = r.committee - r.signatures.length;
    const ok = await confirmBinding(modal, {
      title: '确认公示中标候选人',
      amountYuan: r.candidates[0]?.price,
      amountLabel: '第一中标候选人报价',
      lines: [{ label: '标段', value: section }, ...r.candidates.map((c) => ({ label: `第 ${c.rank} 名`, value: `${c.bidderName} · ${yuan(c.price)}` }))],
      warning: `公示期内投标人可以提出异议,公示期满且异议均已答复后方可定标(条例 54)。${unsigned > 0 ? `尚有 ${unsigned} 名评标委员会成员未签字(条例 53:拒绝签字又不书面说明不同意见的,视为同意)。` : ''}`,
      okText: '确认公示',
    });
    if (ok) await act('publicise', () => api.post(`${base}/publicity`), '中标候选人已公示,已通知全部投标人');
  };

  const replyPublicity = async (o: TenderObjection, text: string) => {
    const ok = await confirmBinding(modal, {
      title: '确认答复公示期异议',
      lines: [{ label: '异议人', value: o.organisationName ?? '投标人' }, { label: '异议', value: o.content }, { label: '答复', value: text }],
      warning: '答复后不可修改;全部异议答复前暂停定标(条例 54)。',
      okText: '确认答复',
    });
    if (ok) await act(o.id, () => api.post(`/tenders/${t.id}/objections/${o.id}/reply`, { reply: text }), '已答复异议人');
  };

  const winner = r ? awardee(r.candidates, withdrawn) : null;
  const unanswered = (objections.data ?? []).filter((o) => o.stage === 'publicity' && !o.reply).length;
  const publicityLeft = s.publicityUntil ? new Date(s.publicityUntil).getTime() - now : 0;
  const awardBlocked = publicityLeft > 0 ? `公示期未满(剩余 ${countdown(publicityLeft)})` : unanswered ? `尚有 ${unanswered} 项异议未答复` : null;
  const doAward = async () => {
    if (!winner) return;
    const ok = await confirmBinding(modal, {
      title: '确认定标',
      amountYuan: winner.price,
      amountLabel: '中标金额',
      lines: [
        { label: '标段', value: section },
        { label: '中标人', value: `${winner.bidderName}(第 ${winner.rank} 名中标候选人)` },
        ...(withdrawn.length ? [{ label: '放弃中标或不能履约', value: r!.candidates.filter((c) => withdrawn.includes(c.bidId)).map((c) => c.bidderName).join('、') }] : []),
      ],
      warning: '定标后即向中标人发出中标通知书,并将中标结果通知其他投标人;定标不可撤回(招标投标法第四十五条)。',
      okText: '确认定标',
    });
    if (ok) await act('award', () => api.post<Award>(`${base}/award`, withdrawn.length ? { withdrawn } : {}), '已定标,中标通知书已发出');
  };

  const a = award.data ?? null;
  const recordContract = async (v: { amount: string }) => {
    const amount = typedYuan(v.amount)!;
    const ok = await confirmBinding(modal, {
      title: '确认登记合同',
      amountYuan: amount,
      amountLabel: '合同金额',
      lines: [
        { label: '标段', value: section },
        { label: '中标人', value: a?.winner ?? '' },
        { label: '中标价', value: yuan(a?.price) },
        { label: '签订时间', value: signedAt ? time(signedAt.toISOString()) : '现在(以服务器时间为准)' },
      ],
      warning: `${a && amount !== a.price && amount !== a.price.replace(/\.00$/, '') ? '合同金额与中标价不一致,将记录备查。' : ''}登记后本标段投标保证金进入退还期(条例 57),合同登记不可撤回。`,
      okText: '确认登记',
    });
    if (ok) await act('contract', () => api.post<Award>(`${base}/contract`, { amount, ...(signedAt ? { signedAt: signedAt.toISOString() } : {}) }), '合同已登记,投标保证金进入退还期');
  };

  return (
    <Card
      title={<Space wrap>第 {s.no} 标段 · {s.name}<Tag color="blue">{SECTION_STATUS[s.status] ?? s.status}</Tag></Space>}
      style={{ marginBottom: 16 }}
      extra={s.publicityUntil && <span className="muted">公示截止 {time(s.publicityUntil)}</span>}
      data-testid={`section-${s.no}`}
    >
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {s.status === 'opened' && <Typography.Paragraph type="secondary">已开标,等待交易中心组建评标委员会(随机抽取专家)后开始评标。</Typography.Paragraph>}
      {s.status === 'evaluating' && !reported && <Typography.Paragraph type="secondary">评标委员会评审中;评标报告形成后在此查看,并公示中标候选人。</Typography.Paragraph>}
      {reported && (
        <Collapse
          style={{ marginBottom: 12 }}
          defaultActiveKey={s.status === 'evaluating' ? ['report'] : []}
          items={[{ key: 'report', label: <b>评标报告{r ? `(已签字 ${r.signatures.length}/${r.committee})` : ''}</b>, children: <Loaded state={report} empty={(x) => !x}>{(x) => <EvaluationReportView r={x!} />}</Loaded> }]}
        />
      )}
      {s.status === 'evaluating' && r && r.candidates.length > 0 && (
        <Space direction="vertical" style={{ marginBottom: 12 }}>
          <span className="muted">收到评标报告后,应当在规定期限内公示中标候选人(条例 54)。</span>
          <Button type="primary" loading={busy === 'publicise'} onClick={publicise} data-testid="publicise">
            公示中标候选人
          </Button>
        </Space>
      )}
      {(s.status === 'publicity' || s.status === 'awarded') && r && (
        <Table
          size="small"
          rowKey="rank"
          pagination={false}
          style={{ marginBottom: 12 }}
          title={() => <b>中标候选人{s.status === 'publicity' ? '(公示中)' : ''}</b>}
          dataSource={r.candidates}
          data-testid="candidates"
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60 },
            { title: '中标候选人', dataIndex: 'bidderName' },
            { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          ]}
        />
      )}
      {(s.status === 'publicity' || s.status === 'awarded') && (
        <Loaded state={objections} empty={(l) => !l.length} emptyText="公示期内无异议">
          {(l) => (
            <List
              size="small"
              header={<b>公示期异议</b>}
              dataSource={l}
              renderItem={(o) => <ObjectionItem o={o} who={o.organisationName ?? '投标人'} busy={busy === o.id} onReply={replyPublicity} hint="答复内容(答复前暂停定标)" />}
            />
          )}
        </Loaded>
      )}
      {s.status === 'publicity' && r && (
        <div style={{ marginTop: 12 }} data-testid="award-form">
          <Divider orientation="left" plain>定标</Divider>
          <Typography.Paragraph type="secondary">第一中标候选人放弃中标或不能履约的,可依次确定其他中标候选人(条例 55)。</Typography.Paragraph>
          <Checkbox.Group value={withdrawn} onChange={(v) => setWithdrawn(v as string[])} style={{ marginBottom: 8 }}>
            <Space direction="vertical">
              {r.candidates.map((c) => (
                <Checkbox key={c.bidId} value={c.bidId}>第 {c.rank} 名 {c.bidderName} 放弃中标或不能履约</Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
          <div style={{ marginBottom: 8 }}>
            中标人:{winner ? <b data-testid="awardee">{winner.bidderName} · {yuan(winner.price)}</b> : <Typography.Text type="danger">没有可以中标的候选人</Typography.Text>}
          </div>
          <Space wrap>
            <Button type="primary" loading={busy === 'award'} disabled={!winner || !!awardBlocked} onClick={doAward} data-testid="award">
              定标并发出中标通知书
            </Button>
            {awardBlocked && <span className="muted" data-testid="award-blocked">{awardBlocked}</span>}
          </Space>
        </div>
      )}
      {s.status === 'awarded' && (
        <Loaded state={award} empty={(x) => !x}>
          {(x) => (
            <div data-testid="award-record" style={{ marginTop: 12 }}>
              <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
                <Descriptions.Item label="中标人">{x!.winner}</Descriptions.Item>
                <Descriptions.Item label="中标价"><span className="money">{yuan(x!.price)}</span></Descriptions.Item>
                <Descriptions.Item label="定标时间">{time(x!.awardedAt)}</Descriptions.Item>
                <Descriptions.Item label="合同签订期限">{time(x!.contractDue)}</Descriptions.Item>
                {x!.contractSignedAt && <Descriptions.Item label="合同金额"><span className="money" data-testid="contract-amount">{yuan(x!.contractAmount)}</span></Descriptions.Item>}
                {x!.contractSignedAt && <Descriptions.Item label="合同签订">{time(x!.contractSignedAt)}</Descriptions.Item>}
              </Descriptions>
              {!x!.contractSignedAt && (
                <Form form={contractForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={recordContract} initialValues={{ amount: '' }}>
                  <Form.Item name="amount" label="合同金额" rules={[{ required: true, message: '请填写合同金额' }, typedMoneyRule]}>
                    <Input addonAfter="元" style={{ width: 220 }} placeholder={x!.price} data-testid="contract-amount-input" />
                  </Form.Item>
                  <Form.Item label="签订时间">
                    <DatePicker showTime value={signedAt} onChange={setSignedAt} placeholder="默认现在" />
                  </Form.Item>
                  <Button htmlType="submit" type="primary" loading={busy === 'contract'} data-testid="contract-submit">登记合同</Button>
                </Form>
              )}
            </div>
          )}
        </Loaded>
      )}
    </Card>
  );
}

/** One tender from the owner's or agent's side, through every step the tendering routes offer them. */
export function OwnerTender() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const tender = useLoad(() => api.get<Tender>(`/tenders/${id}`), [id]);
  // Each read only once the tender is in a state that answers it (法 22: the depositors from the opening on).
  const isOpened = !!tender.data?.openedAt;
  const announced = !!tender.data && !['submitted', 'returned', 'accepted'].includes(tender.data.status);
  const deposits = useLoad(() => (isOpened ? api.get<Deposit[]>(`/tenders/${id}/deposits`) : Promise.resolve([] as Deposit[])), [id, isOpened]);
  const opening = useLoad(() => (isOpened ? api.get<SealedOpeningRecord>(`/public/tenders/${id}/opening`) : Promise.resolve(null)), [id, isOpened]);
  const openingObjections = useLoad(() => (isOpened ? api.get<OpeningObjection[]>(`/tenders/${id}/opening-objections`) : Promise.resolve([] as OpeningObjection[])), [id, isOpened]);
  const { busy, refusal, setRefusal, run } = useAction();
  const phone = Grid.useBreakpoint().sm === false;

  if (tender.error) return <ErrorState error={tender.error} onRetry={tender.reload} />;
  if (!tender.data) return <Loading rows={10} />;
  const t = tender.data;
  const reload = () => (tender.reload(), deposits.reload());
  const beforeAnnouncement = ['submitted', 'returned', 'accepted'].includes(t.status);
  const opened = !!t.openedAt;
  const steps = [{ title: '进场登记' }, { title: '中心受理' }, { title: '公告与投标' }, { title: t.status === 'failed' ? '流标' : '开标' }, { title: '评标' }, { title: '候选人公示' }, { title: '定标与合同' }];

  return (
    <Page
      title={t.name}
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/owner">项目单位工作台</Link> }, { title: t.code }]} />}
      extra={<><StatusTag map={TENDER_STATUS} value={t.status} />{!beforeAnnouncement && <Link to={`/portal/tenders/${id}`}>公开页面</Link>}</>}
    >
      <Card style={{ marginBottom: 16 }}>
        {/* on a phone seven steps read as one line: the current step named, a bar of how far the tender has come */}
        {phone ? (
          <div data-testid="tender-progress">
            第 {stepOf(t.status) + 1}/{steps.length} 步:<b>{steps[stepOf(t.status)].title}</b>
            <Progress percent={Math.round(((stepOf(t.status) + 1) / steps.length) * 100)} showInfo={false} status={t.status === 'returned' || t.status === 'failed' ? 'exception' : 'active'} size="small" />
          </div>
        ) : (
          <Steps size="small" current={stepOf(t.status)} status={t.status === 'returned' || t.status === 'failed' ? 'error' : undefined} items={steps} />
        )}
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
      {/* after the opening the sections' evaluation, publicity and award are the page's work: full width */}
      {opened && t.sections.map((s) => <SectionCard key={s.no} t={t} s={s} onChanged={reload} />)}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          <Card title="项目信息" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
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
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '标段', dataIndex: 'no', width: 60 },
                { title: '名称', dataIndex: 'name' },
                { title: '估算价', dataIndex: 'estimate', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '保证金', dataIndex: 'deposit', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '状态', dataIndex: 'status', width: 90, render: (v) => (beforeAnnouncement ? <span className="muted">待公告</span> : SECTION_STATUS[v] ?? v) },
              ]}
            />
          </Card>
          {announced && <DocumentObjections id={id} />}
          {!beforeAnnouncement && <Questions id={id} />}
        </Col>
        <Col xs={24} xl={10}>
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
