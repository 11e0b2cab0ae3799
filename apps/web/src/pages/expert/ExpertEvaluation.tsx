import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Descriptions, Divider, Form, Input, InputNumber, Progress, Radio, Result, Row, Space, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Criterion, EvaluationSheet, MyEvaluation, ReportRecord } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { useAction } from '../../components/actions';
import { confirmBinding } from '../../components/BindingConfirm';
import { EvaluationReportView } from '../../components/EvaluationReport';
import { EmptyState, ErrorState, Loaded, Loading, Refusal, useLoad } from '../../components/states';
import { shortHash, time, yuan } from '../../format';
import { EVALUATION_METHOD, SECTION_STATUS } from '../../labels';
import { typedSignedYuan } from '../../money-words';

/** Points as people write them ("8.5") ↔ the API's hundredths of a point (850). */
const toHundredths = (p: number) => Math.round(p * 100);
const toPoints = (h: number) => h / 100;

type Bid = EvaluationSheet['bids'][number];
interface ScoreValues {
  technical: number[];
  business: number[];
  adjustment?: string;
  reject?: boolean;
  disqualifyReason?: string;
}

/** One bid's score sheet: a score per criterion, the price adjustment (lowest-price method), 否决 with its reason (条例 51). */
function ScoreForm({ sheet, bid, base, onSaved }: { sheet: EvaluationSheet; bid: Bid; base: string; onSaved: () => void }) {
  const [form] = Form.useForm<ScoreValues>();
  const reject = Form.useWatch('reject', form);
  const { busy, refusal, setRefusal, run } = useAction();
  useEffect(() => {
    const s = bid.myScore;
    form.setFieldsValue({
      technical: sheet.criteria.technical.map((_, i) => (s ? toPoints(s.technical[i]) : null)) as number[],
      business: sheet.criteria.business.map((_, i) => (s ? toPoints(s.business[i]) : null)) as number[],
      adjustment: s?.adjustment && s.adjustment !== '0.00' ? s.adjustment : '',
      reject: !!s?.disqualifyReason,
      disqualifyReason: s?.disqualifyReason ?? '',
    });
    setRefusal(null);
  }, [bid.bidId, bid.myScore, sheet, form, setRefusal]);
  const save = async (v: ScoreValues) => {
    const adjustment = sheet.criteria.adjustment && v.adjustment?.trim() ? typedSignedYuan(v.adjustment) : null;
    const body = {
      technical: v.technical.map(toHundredths),
      business: v.business.map(toHundredths),
      ...(adjustment ? { adjustment } : {}),
      ...(v.reject && v.disqualifyReason?.trim() ? { disqualifyReason: v.disqualifyReason.trim() } : {}),
    };
    if (await run('score', () => api.put(`${base}/evaluation/bids/${bid.bidId}/score`, body), `已保存对 ${bid.bidderName} 的评分`)) onSaved();
  };
  const fields = (key: 'technical' | 'business', list: Criterion[]) =>
    list.map((c, i) => (
      <Form.Item key={c.key} name={[key, i]} label={<>{c.zh} <span className="muted">(满分 {toPoints(c.max)})</span></>} rules={[{ required: true, message: '请评分' }]}>
        <InputNumber min={0} max={toPoints(c.max)} precision={2} step={0.5} style={{ width: 160 }} addonAfter="分" data-testid={`score-${key}-${i}`} />
      </Form.Item>
    ));
  return (
    <Card
      title={<Space wrap>评分:{bid.bidderName}{bid.myScore && <Tag color="success">已评 · {time(bid.myScore.scoredAt)}</Tag>}{bid.myScore?.disqualifyReason && <Tag color="error">已提出否决</Tag>}</Space>}
      data-testid="score-form"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="投标报价"><span className="money">{yuan(bid.price)}</span></Descriptions.Item>
        <Descriptions.Item label="递交时间">{time(bid.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="文件摘要" span={2}><Tooltip title={bid.documentsSha256}><span className="mono">{shortHash(bid.documentsSha256, 24)}</span></Tooltip></Descriptions.Item>
      </Descriptions>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="horizontal" labelCol={{ xs: 24, sm: 10 }} wrapperCol={{ xs: 24, sm: 14 }} onFinish={save}>
        {sheet.criteria.technical.length > 0 && <Divider orientation="left" plain>技术评审因素</Divider>}
        {fields('technical', sheet.criteria.technical)}
        {sheet.criteria.business.length > 0 && <Divider orientation="left" plain>商务评审因素</Divider>}
        {fields('business', sheet.criteria.business)}
        {sheet.criteria.adjustment && (
          <Form.Item
            name="adjustment"
            label="评审价格调整(元,可为负)"
            rules={[{ validator: async (_, v?: string) => { if (v?.trim() && typedSignedYuan(v) === null) throw new Error('金额以元为单位,最多两位小数,可为负,可用千位分隔符'); } }]}
          >
            <Input style={{ width: 200 }} placeholder="-1,000.00" data-testid="score-adjustment" />
          </Form.Item>
        )}
        <Divider orientation="left" plain>否决投标(条例 51)</Divider>
        <Form.Item name="reject" valuePropName="checked" wrapperCol={{ span: 24 }}>
          <Checkbox data-testid="score-reject"><StopOutlined style={{ color: '#c92a2a' }} /> 提出否决该投标(过半数成员同意即否决)</Checkbox>
        </Form.Item>
        {reject && (
          <Form.Item name="disqualifyReason" wrapperCol={{ span: 24 }} rules={[{ required: true, whitespace: true, message: '否决须写明理由' }]}>
            <Input.TextArea rows={2} placeholder="否决理由,如:投标文件未经投标单位盖章和单位负责人签字" data-testid="score-reject-reason" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy === 'score'} data-testid="score-save">保存评分</Button>
      </Form>
    </Card>
  );
}

/** The member's signature under the report: agreeing, or with a written dissent (条例 53), behind a confirmation. */
function SignReport({ r, base, onSigned }: { r: ReportRecord; base: string; onSigned: (r: ReportRecord) => void }) {
  const { modal } = App.useApp();
  const { busy, refusal, setRefusal, run } = useAction();
  const [opinion, setOpinion] = useState<'agree' | 'dissent'>('agree');
  const [dissent, setDissent] = useState('');
  const mine = r.signatures.find((s) => s.mine);
  if (mine) return <Alert type="success" showIcon message={`您已于 ${time(mine.signedAt)} 在评标报告上签字${mine.dissent ? '(附不同意见)' : ''}`} data-testid="signed-by-me" />;
  if (!r.canSign) return <Alert type="info" showIcon message="中标候选人已公示,评标报告不再签字(条例 53:未签字又未书面说明不同意见的,视为同意)" />;
  const first = r.candidates[0];
  const sign = async () => {
    const text = dissent.trim();
    const ok = await confirmBinding(modal, {
      title: '确认在评标报告上签字',
      amountYuan: first?.price ?? null,
      amountLabel: '第一中标候选人报价',
      lines: [
        { label: '标段', value: `第 ${r.no} 标段 · ${r.name}` },
        { label: '推荐第一中标候选人', value: first ? first.bidderName : '无(全部投标被否决)' },
        { label: '本人意见', value: opinion === 'dissent' ? `不同意:${text}` : '同意评标结果' },
      ],
      warning: '签字后不可撤回;评标委员会成员对所提评审意见承担个人责任(招标投标法第四十四条)。',
      okText: '确认签字',
    });
    if (!ok) return;
    const out = await run('sign', () => api.post<ReportRecord>(`${base}/evaluation/report/signature`, opinion === 'dissent' ? { dissent: text } : {}), '已在评标报告上签字');
    if (out) onSigned(out);
  };
  return (
    <div data-testid="sign-report">
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Radio.Group value={opinion} onChange={(e) => setOpinion(e.target.value)} style={{ marginBottom: 8 }}>
        <Radio value="agree" data-testid="sign-agree">同意评标结果</Radio>
        <Radio value="dissent" data-testid="sign-dissent">有不同意见(书面说明理由)</Radio>
      </Radio.Group>
      {opinion === 'dissent' && <Input.TextArea rows={3} value={dissent} onChange={(e) => setDissent(e.target.value)} placeholder="不同意见和理由" style={{ marginBottom: 8 }} data-testid="sign-dissent-text" />}
      <div>
        <Button type="primary" loading={busy === 'sign'} disabled={opinion === 'dissent' && !dissent.trim()} onClick={sign} data-testid="sign-submit">
          在评标报告上签字
        </Button>
      </div>
    </div>
  );
}

/** The expert's evaluation of one section: the score sheet of each bid, the report once everyone has scored, the signature. */
export function ExpertEvaluation() {
  const { id = '', no = '1' } = useParams();
  const base = `/tenders/${id}/sections/${no}`;
  const info = useLoad(() => api.get<MyEvaluation[]>('/tenders/evaluations/mine').then((l) => l.find((e) => e.projectId === id && String(e.sectionNo) === no) ?? null), [id, no]);
  const scoring = info.data?.sectionStatus === 'evaluating' && !info.data.reportedAt;
  const reported = !!info.data?.reportedAt;
  // Each read only when the section is in the state that answers it: no refusal is ever asked for.
  const sheet = useLoad(() => (scoring ? api.get<EvaluationSheet>(`${base}/evaluation/bids`) : Promise.resolve(null)), [base, scoring]);
  const report = useLoad(() => (reported ? api.get<ReportRecord>(`${base}/evaluation/report`) : Promise.resolve(null)), [base, reported]);
  const [signed, setSigned] = useState<ReportRecord | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const { busy, refusal, setRefusal, run } = useAction();

  if (info.error) return <ErrorState error={info.error} onRetry={info.reload} />;
  if (info.data === undefined) return <Loading rows={10} />;
  const e = info.data;
  if (!e) {
    return (
      <Page title="评标" sub={<Breadcrumb items={[{ title: <Link to="/workspace/expert/evaluations">我的评标</Link> }, { title: '评标' }]} />}>
        <Result status="info" title="您不是本标段评标委员会成员,或评标尚未开始" extra={<Link to="/workspace/expert"><Button>返回评审邀请</Button></Link>} />
      </Page>
    );
  }
  const r = signed ?? report.data ?? null;
  const step = !reported ? 0 : r?.signatures.some((s) => s.mine) ? 2 : 1;

  let body: React.ReactNode;
  if (scoring) {
    if (sheet.error) body = <ErrorState error={sheet.error} onRetry={sheet.reload} />;
    else if (!sheet.data) body = <Loading rows={10} />;
    else {
      const s = sheet.data;
      const bid = s.bids.find((b) => b.bidId === selected) ?? s.bids.find((b) => !b.myScore) ?? s.bids[0];
      const done = s.bids.filter((b) => b.myScore).length;
      body = (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title="投标文件" extra={<Progress type="circle" size={40} percent={Math.round((done / Math.max(1, s.bids.length)) * 100)} format={() => `${done}/${s.bids.length}`} />}>
              <Table
                size="small"
                rowKey="bidId"
                pagination={false}
                dataSource={s.bids}
                data-testid="evaluation-bids"
                rowClassName={(b) => (b.bidId === bid?.bidId ? 'ant-table-row-selected' : '')}
                onRow={(b) => ({ onClick: () => setSelected(b.bidId), style: { cursor: 'pointer' } })}
                columns={[
                  { title: '投标人', dataIndex: 'bidderName', render: (v, b) => <>{v}{b.myScore?.disqualifyReason && <Tag color="error" style={{ marginLeft: 6 }}>否决</Tag>}</> },
                  { title: '报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                  { title: '', width: 36, render: (_, b) => (b.myScore ? <CheckCircleTwoTone twoToneColor="#2f9e44" /> : null) },
                ]}
              />
              {s.priceScoreMax !== null && <div className="muted" style={{ marginTop: 8 }}>价格分(满分 {toPoints(s.priceScoreMax)})由系统按评标基准价计算,专家不评。</div>}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            {bid ? <ScoreForm sheet={s} bid={bid} base={base} onSaved={() => (sheet.reload(), info.reload())} /> : <Card><EmptyState text="本标段没有有效投标" /></Card>}
            <div style={{ marginTop: 16 }}>
              <Card title="评标报告">
                <Refusal error={refusal} onClose={() => setRefusal(null)} />
                <Space direction="vertical">
                  <Typography.Text type="secondary">全体成员完成全部评分后,任一成员可形成评标报告;报告形成后评分不可再改,由全体成员签字。</Typography.Text>
                  <Button type="primary" disabled={done < s.bids.length} loading={busy === 'report'} data-testid="make-report" onClick={async () => { await run('report', () => api.post(`${base}/evaluation/report`), '评标报告已形成,请签字'); info.reload(); }}>
                    形成评标报告
                  </Button>
                </Space>
              </Card>
            </div>
          </Col>
        </Row>
      );
    }
  } else if (reported) {
    body = (
      <Loaded state={report} empty={(x) => !x}>
        {(x) => {
          const rec = signed ?? x!;
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <Card title={`评标报告 · 第 ${rec.no} 标段`}>
                  <EvaluationReportView r={rec} />
                </Card>
              </Col>
              <Col xs={24} xl={8}>
                <Card title="签字">
                  <SignReport r={rec} base={base} onSigned={(n) => (setSigned(n), info.reload())} />
                </Card>
              </Col>
            </Row>
          );
        }}
      </Loaded>
    );
  } else {
    body = <Card><EmptyState text="本标段不在评标中" /></Card>;
  }

  return (
    <Page
      title={`${e.name} · 第 ${e.sectionNo} 标段`}
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/expert">评审邀请</Link> }, { title: <Link to="/workspace/expert/evaluations">我的评标</Link> }, { title: e.sectionName }]} />}
      extra={<><Tag color="purple">{EVALUATION_METHOD[e.evaluationMethod]}</Tag><Tag>{SECTION_STATUS[e.sectionStatus] ?? e.sectionStatus}</Tag></>}
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps size="small" current={step} items={[{ title: '逐项评分' }, { title: '评标报告' }, { title: '签字' }]} />
      </Card>
      {body}
    </Page>
  );
}

/** The sections this expert evaluates (GET /tenders/evaluations/mine): the link from an invitation to its form. */
export function ExpertEvaluations() {
  const list = useLoad(() => api.get<MyEvaluation[]>('/tenders/evaluations/mine'), []);
  return (
    <Page title="我的评标" sub="评标开始后,交易中心将本人所在评标委员会的标段列于此处;开标前和评标开始前不显示。">
      <Card>
        <Loaded state={list} empty={(l) => !l.length} emptyText="暂无进行中的评标(接受邀请后,评标开始时显示)">
          {(l) => (
            <Table<MyEvaluation>
              rowKey={(e) => `${e.projectId}-${e.sectionNo}`}
              dataSource={l}
              scroll={{ x: 760 }}
              columns={[
                { title: '项目', render: (_, e) => <>{e.name}<div className="mono muted">{e.code}</div></> },
                { title: '标段', render: (_, e) => `第 ${e.sectionNo} 标段 · ${e.sectionName}` },
                { title: '评标办法', width: 170, render: (_, e) => EVALUATION_METHOD[e.evaluationMethod] },
                { title: '我的进度', width: 150, render: (_, e) => <Progress percent={Math.round((e.scoredByMe / Math.max(1, e.bidCount)) * 100)} format={() => `${e.scoredByMe}/${e.bidCount}`} size="small" /> },
                { title: '状态', width: 110, render: (_, e) => <Tag color={e.sectionStatus === 'evaluating' ? 'processing' : 'default'}>{e.reportedAt && e.sectionStatus === 'evaluating' ? '待签字' : SECTION_STATUS[e.sectionStatus] ?? e.sectionStatus}</Tag> },
                {
                  title: '',
                  width: 100,
                  fixed: 'right',
                  render: (_, e) => {
                    const action = e.sectionStatus !== 'evaluating' ? '查看' : e.reportedAt ? '签字' : '评分';
                    return <Link to={`/workspace/expert/evaluations/${e.projectId}/${e.sectionNo}`}><Button size="small" type={action === '查看' ? 'default' : 'primary'} data-testid="open-evaluation">{action}</Button></Link>;
                  },
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </Page>
  );
}
