import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Divider, Form, Input, InputNumber, Progress, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Criterion, EvaluationReport, EvaluationSheet, MyEvaluation } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { moneyRule, useAction } from '../../components/actions';
import { EmptyState, ErrorState, Loaded, Loading, Refusal, useLoad } from '../../components/states';
import { shortHash, time, yuan } from '../../format';
import { EVALUATION_METHOD, SECTION_STATUS } from '../../labels';

/** Points as people write them ("8.5") ↔ the API's hundredths of a point (850). */
const toHundredths = (p: number) => Math.round(p * 100);
const toPoints = (h: number) => h / 100;
const SIGNED_YUAN = /^-?(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

type Bid = EvaluationSheet['bids'][number];

function ScoreForm({ sheet, bid, base, onSaved }: { sheet: EvaluationSheet; bid: Bid; base: string; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { busy, refusal, setRefusal, run } = useAction();
  useEffect(() => {
    const s = bid.myScore;
    form.setFieldsValue({
      technical: sheet.criteria.technical.map((_, i) => (s ? toPoints(s.technical[i]) : null)),
      business: sheet.criteria.business.map((_, i) => (s ? toPoints(s.business[i]) : null)),
      adjustment: s?.adjustment && s.adjustment !== '0.00' ? s.adjustment : '',
      disqualifyReason: s?.disqualifyReason ?? '',
    });
    setRefusal(null);
  }, [bid.bidId, bid.myScore, sheet, form, setRefusal]);
  const save = async (v: { technical: number[]; business: number[]; adjustment?: string; disqualifyReason?: string }) => {
    const body = {
      technical: v.technical.map(toHundredths),
      business: v.business.map(toHundredths),
      ...(sheet.criteria.adjustment && v.adjustment?.trim() ? { adjustment: v.adjustment.trim() } : {}),
      ...(v.disqualifyReason?.trim() ? { disqualifyReason: v.disqualifyReason.trim() } : {}),
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
    <Card title={<Space>评分:{bid.bidderName}{bid.myScore && <Tag color="success">已评 · {time(bid.myScore.scoredAt)}</Tag>}</Space>} data-testid="score-form">
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="投标报价"><span className="money">{yuan(bid.price)}</span></Descriptions.Item>
        <Descriptions.Item label="递交时间">{time(bid.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="文件摘要" span={2}><Tooltip title={bid.documentsSha256}><span className="mono">{shortHash(bid.documentsSha256, 24)}</span></Tooltip></Descriptions.Item>
      </Descriptions>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} onFinish={save}>
        {sheet.criteria.technical.length > 0 && <Divider orientation="left" plain>技术评审因素</Divider>}
        {fields('technical', sheet.criteria.technical)}
        {sheet.criteria.business.length > 0 && <Divider orientation="left" plain>商务评审因素</Divider>}
        {fields('business', sheet.criteria.business)}
        {sheet.criteria.adjustment && (
          <Form.Item name="adjustment" label="评审价格调整(元,可为负)" rules={[{ pattern: SIGNED_YUAN, message: moneyRule.message }]}>
            <Input style={{ width: 200 }} placeholder="-1000.00" />
          </Form.Item>
        )}
        <Divider orientation="left" plain>否决意见(条例 51,留空即不否决)</Divider>
        <Form.Item name="disqualifyReason" wrapperCol={{ span: 24 }}>
          <Input.TextArea rows={2} placeholder="如:投标文件未经投标单位盖章" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy === 'score'} data-testid="score-save">保存评分</Button>
      </Form>
    </Card>
  );
}

/** The expert's evaluation form of one section: each bid, each criterion, then the report once everyone has scored. */
export function ExpertEvaluation() {
  const { id = '', no = '1' } = useParams();
  const base = `/tenders/${id}/sections/${no}`;
  const sheet = useLoad(() => api.get<EvaluationSheet>(`${base}/evaluation/bids`), [base]);
  const info = useLoad(() => api.get<MyEvaluation[]>('/tenders/evaluations/mine').then((l) => l.find((e) => e.projectId === id && String(e.sectionNo) === no) ?? null), [id, no]);
  const [selected, setSelected] = useState<string | null>(null);
  const { busy, refusal, setRefusal, run } = useAction();
  const [report, setReport] = useState<EvaluationReport | null>(null);

  if (sheet.error) return <ErrorState error={sheet.error} onRetry={sheet.reload} />;
  if (!sheet.data) return <Loading rows={10} />;
  const s = sheet.data;
  const bid = s.bids.find((b) => b.bidId === selected) ?? s.bids.find((b) => !b.myScore) ?? s.bids[0];
  const done = s.bids.filter((b) => b.myScore).length;

  return (
    <Page
      title={`${info.data?.name ?? '评标'} · 第 ${s.no} 标段`}
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/expert">评审邀请</Link> }, { title: <Link to="/workspace/expert/evaluations">我的评标</Link> }, { title: s.name }]} />}
      extra={<Tag color="purple">{EVALUATION_METHOD[s.method]}</Tag>}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Card title="投标文件" style={{ marginBottom: 16 }} extra={<Progress type="circle" size={40} percent={Math.round((done / Math.max(1, s.bids.length)) * 100)} format={() => `${done}/${s.bids.length}`} />}>
            <Table
              size="small"
              rowKey="bidId"
              pagination={false}
              dataSource={s.bids}
              rowClassName={(b) => (b.bidId === bid?.bidId ? 'ant-table-row-selected' : '')}
              onRow={(b) => ({ onClick: () => setSelected(b.bidId), style: { cursor: 'pointer' } })}
              columns={[
                { title: '投标人', dataIndex: 'bidderName' },
                { title: '报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '', width: 36, render: (_, b) => (b.myScore ? <CheckCircleTwoTone twoToneColor="#2f9e44" /> : null) },
              ]}
            />
            {s.priceScoreMax !== null && <div className="muted" style={{ marginTop: 8 }}>价格分(满分 {toPoints(s.priceScoreMax)})由系统按评标基准价计算,专家不评。</div>}
          </Card>
          <Card title="评标报告">
            <Refusal error={refusal} onClose={() => setRefusal(null)} />
            {report ? (
              <>
                <Alert type="success" showIcon message={`评标报告已形成(${time(report.reportedAt)}),推荐中标候选人:`} style={{ marginBottom: 8 }} />
                <Table size="small" rowKey="rank" pagination={false} dataSource={report.candidates} columns={[{ title: '排名', dataIndex: 'rank', width: 60 }, { title: '候选人', dataIndex: 'bidderName' }, { title: '报价', dataIndex: 'price', align: 'right', render: (v) => yuan(v) }]} />
              </>
            ) : (
              <Space direction="vertical">
                <Typography.Text type="secondary">全体评标委员会成员完成全部评分后,任一成员可形成评标报告并推荐中标候选人。</Typography.Text>
                <Button disabled={done < s.bids.length} loading={busy === 'report'} onClick={async () => { const r = await run('report', () => api.post<EvaluationReport>(`${base}/evaluation/report`), '评标报告已形成'); if (r) setReport(r); }}>
                  形成评标报告
                </Button>
              </Space>
            )}
            {info.data && <div className="muted" style={{ marginTop: 8 }}>标段状态:{SECTION_STATUS[info.data.sectionStatus] ?? info.data.sectionStatus}</div>}
          </Card>
        </Col>
        <Col span={14}>{bid ? <ScoreForm sheet={s} bid={bid} base={base} onSaved={() => (sheet.reload(), info.reload())} /> : <Card><EmptyState text="本标段没有有效投标" /></Card>}</Col>
      </Row>
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
              columns={[
                { title: '项目', render: (_, e) => <>{e.name}<div className="mono muted">{e.code}</div></> },
                { title: '标段', render: (_, e) => `第 ${e.sectionNo} 标段 · ${e.sectionName}` },
                { title: '评标办法', width: 170, render: (_, e) => EVALUATION_METHOD[e.evaluationMethod] },
                { title: '我的进度', width: 170, render: (_, e) => <Progress percent={Math.round((e.scoredByMe / Math.max(1, e.bidCount)) * 100)} format={() => `${e.scoredByMe}/${e.bidCount}`} size="small" /> },
                { title: '状态', width: 100, render: (_, e) => <Tag color={e.sectionStatus === 'evaluating' ? 'processing' : 'default'}>{SECTION_STATUS[e.sectionStatus] ?? e.sectionStatus}</Tag> },
                { title: '', width: 100, render: (_, e) => <Link to={`/workspace/expert/evaluations/${e.projectId}/${e.sectionNo}`}><Button size="small" type={e.sectionStatus === 'evaluating' ? 'primary' : 'default'} data-testid="open-evaluation">{e.sectionStatus === 'evaluating' ? '评分' : '查看'}</Button></Link> },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </Page>
  );
}
