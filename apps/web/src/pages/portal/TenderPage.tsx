import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Table, Tabs, Tag, Tooltip } from 'antd';
import { CheckCircleTwoTone, LockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { OpeningRecord, PublicResults, Tender, TenderDocument } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { ErrorState, Loaded, Loading, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { useAuth } from '../../auth';
import { bytes, shortHash, time, yuan } from '../../format';
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

function Documents({ docs, id }: { docs: TenderDocument[]; id: string }) {
  const { has } = useAuth();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={docs}
      locale={{ emptyText: '暂无招标文件' }}
      columns={[
        { title: '文件', dataIndex: 'fileName' },
        { title: '类别', dataIndex: 'kind', width: 90, render: (k) => (k === 'amendment' ? <Tag color="orange">澄清修改</Tag> : <Tag>招标文件</Tag>) },
        { title: '大小', dataIndex: 'size', width: 100, render: bytes },
        { title: 'SHA-256', dataIndex: 'sha256', width: 200, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 16)}</span></Tooltip> },
        { title: '发布时间', dataIndex: 'createdAt', width: 170, render: time },
        { title: '', width: 120, render: () => (has('bidder') ? <Link to={`/workspace/bidder/tenders/${id}`}>报名后下载</Link> : <span className="muted">投标人报名后下载</span>) },
      ]}
    />
  );
}

/** A tender's public page: the announcement, every public document, the opening record and the results. */
export function TenderPage() {
  const { id = '' } = useParams();
  const { has } = useAuth();
  const tender = useLoad(() => api.get<Tender>(`/public/tenders/${id}`), [id]);
  if (tender.error) return <ErrorState error={tender.error} onRetry={tender.reload} />;
  if (!tender.data) return <Loading rows={8} />;
  const t = tender.data;
  const opened = ['opened', 'failed', 'evaluating', 'publicity', 'awarded'].includes(t.status);
  return (
    <Page
      title={t.name}
      sub={<Breadcrumb items={[{ title: <Link to="/">交易公告</Link> }, { title: '工程建设招投标' }, { title: t.code }]} />}
      extra={
        <>
          <StatusTag map={TENDER_STATUS} value={t.status} />
          {has('bidder') && t.status === 'bidding' && (
            <Link to={`/workspace/bidder/tenders/${id}`}>
              <Button type="primary">我要投标</Button>
            </Link>
          )}
        </>
      }
    >
      <Row gutter={16}>
        <Col span={24}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small" className="kv-table">
              <Descriptions.Item label="项目编号"><span className="mono">{t.code}</span></Descriptions.Item>
              <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
              <Descriptions.Item label="招标代理">{t.agentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="类别">{TENDER_KIND[t.kind] ?? t.kind}</Descriptions.Item>
              <Descriptions.Item label="估算金额"><span className="money">{yuan(t.estimate)}</span></Descriptions.Item>
              <Descriptions.Item label="评标办法">{EVALUATION_METHOD[t.evaluationMethod]}</Descriptions.Item>
              <Descriptions.Item label="资格要求" span={3}>{t.qualification}</Descriptions.Item>
              <Descriptions.Item label="投标截止 / 开标">{time(t.bidDeadline)}</Descriptions.Item>
              <Descriptions.Item label="开标时间">{time(t.openedAt)}</Descriptions.Item>
              <Descriptions.Item label="区划">{t.region}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Card>
        <Tabs
          defaultActiveKey={opened ? 'opening' : 'sections'}
          items={[
            {
              key: 'sections',
              label: '标段',
              children: (
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
              ),
            },
            { key: 'documents', label: `招标文件(${t.documents.length})`, children: <Documents docs={t.documents} id={id} /> },
            { key: 'opening', label: '开标记录', children: <Opening id={id} /> },
            { key: 'results', label: '结果公示', children: <Results id={id} /> },
          ]}
        />
      </Card>
    </Page>
  );
}
