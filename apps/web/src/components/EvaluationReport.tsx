import { Alert, Descriptions, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReportBid, ReportRecord } from '../api/workspace-types';
import { time, yuan } from '../format';
import { EVALUATION_METHOD } from '../labels';

/** Hundredths of a point (the API's scores) as points with two decimals; scores are not money. */
export const points = (h: number | null | undefined) => (h === null || h === undefined ? '—' : (h / 100).toFixed(2));

/** A signed yuan amount ("-1000.00") with grouping. */
const signedYuan = (v: string | null) => (v === null ? '—' : v.startsWith('-') ? `−${yuan(v.slice(1))}` : yuan(v));

/** The experts' proposals to reject a bid (条例 51): only a majority rejects it, but every reason is on the report. */
function Proposals({ b }: { b: ReportBid }) {
  const reasons = b.experts.map((e) => e.disqualifyReason).filter((r): r is string => !!r);
  if (!reasons.length) return <span className="muted">无</span>;
  return (
    <Tooltip title={reasons.map((r, i) => <div key={i}>{r}</div>)}>
      <Tag color={b.disqualified ? 'error' : 'warning'}>{reasons.length} 名专家提出否决</Tag>
    </Tooltip>
  );
}

/**
 * The committee's report as the expert, the owner and the supervisors read it: candidates, every bid's scores (the
 * experts by library number, never by name), the rejected bids with their reasons, and who has signed (条例 53).
 */
export function EvaluationReportView({ r }: { r: ReportRecord }) {
  const comprehensive = r.method === 'comprehensive';
  const signed = r.signatures.length;
  return (
    <div data-testid="evaluation-report">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="评标办法">{EVALUATION_METHOD[r.method] ?? r.method}</Descriptions.Item>
        <Descriptions.Item label="报告形成">{time(r.reportedAt)}</Descriptions.Item>
        {r.benchmark && <Descriptions.Item label="评标基准价"><span className="money">{yuan(r.benchmark)}</span></Descriptions.Item>}
        <Descriptions.Item label="评标委员会">{r.committee} 人</Descriptions.Item>
        <Descriptions.Item label="签字">
          <Tag color={signed >= r.committee ? 'success' : 'processing'} data-testid="report-signed">
            已签字 {signed}/{r.committee}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      {r.candidates.length ? (
        <Table
          size="small"
          rowKey="rank"
          pagination={false}
          style={{ marginBottom: 12 }}
          title={() => <b>推荐中标候选人</b>}
          dataSource={r.candidates}
          data-testid="report-candidates"
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60 },
            { title: '中标候选人', dataIndex: 'bidderName' },
            { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          ]}
        />
      ) : (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message="所有投标均被否决,本标段招标失败" />
      )}
      {r.disqualified.map((d) => (
        <Alert
          key={d.bidId}
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`否决投标:${d.bidderName}(${d.votes}/${r.committee} 名专家同意否决)`}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{d.reasons.map((x, i) => <li key={i}>{x}</li>)}</ul>}
        />
      ))}
      <Table<ReportBid>
        size="small"
        rowKey="bidId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => <b>评审结果</b>}
        dataSource={r.bids}
        expandable={{
          expandedRowRender: (b) => (
            <Table
              size="small"
              rowKey="expertId"
              pagination={false}
              dataSource={b.experts}
              columns={[
                { title: '专家(库编号)', dataIndex: 'expertId', width: 110, render: (v) => <span className="mono">#{v}</span> },
                { title: '技术分', render: (_, e) => e.technical.map(points).join(' / ') || '—' },
                { title: '商务分', render: (_, e) => e.business.map(points).join(' / ') || '—' },
                ...(comprehensive ? [] : [{ title: '价格调整', render: (_: unknown, e: ReportBid['experts'][number]) => signedYuan(e.adjustment) }]),
                { title: '否决意见', render: (_, e) => e.disqualifyReason ?? <span className="muted">—</span> },
              ]}
            />
          ),
        }}
        columns={[
          { title: '排名', width: 70, render: (_, b) => (b.disqualified ? <Tag color="error">否决</Tag> : b.rank ?? '—') },
          { title: '投标人', dataIndex: 'bidderName', render: (v) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          ...(comprehensive
            ? [
                { title: '价格分', align: 'right' as const, render: (_: unknown, b: ReportBid) => points(b.priceScore) },
                { title: '技术分', align: 'right' as const, render: (_: unknown, b: ReportBid) => points(b.technicalScore) },
                { title: '商务分', align: 'right' as const, render: (_: unknown, b: ReportBid) => points(b.businessScore) },
                { title: '总分', align: 'right' as const, render: (_: unknown, b: ReportBid) => <b>{points(b.total)}</b> },
              ]
            : [
                { title: '评审调整', align: 'right' as const, render: (_: unknown, b: ReportBid) => signedYuan(b.adjustment) },
                { title: '评审价', align: 'right' as const, render: (_: unknown, b: ReportBid) => signedYuan(b.evaluatedPrice) },
              ]),
          { title: '否决意见', render: (_, b) => <Proposals b={b} /> },
        ]}
      />
      <List
        size="small"
        style={{ marginTop: 12 }}
        header={<b>签字(条例 53:全体成员签字;有不同意见的书面说明)</b>}
        dataSource={r.signatures}
        locale={{ emptyText: '尚无成员签字' }}
        data-testid="report-signatures"
        renderItem={(s) => (
          <List.Item>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space wrap>
                <span className="mono">专家 #{s.expertId}</span>
                {s.mine && <Tag color="blue">本人</Tag>}
                <Tag color={s.dissent ? 'warning' : 'success'}>{s.dissent ? '签字(附不同意见)' : '签字同意'}</Tag>
                <span className="muted">{time(s.signedAt)}</span>
              </Space>
              {s.dissent && <Typography.Text type="warning">不同意见:{s.dissent}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
