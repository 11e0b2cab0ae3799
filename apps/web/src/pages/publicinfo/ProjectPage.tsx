import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Tooltip } from 'antd';
import { ApiOutlined, FileSearchOutlined, LinkOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Paged, PortalProject, PublicDecision } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { bytes, day, DOMAIN_LABEL, shortHash, time, yuan } from '../../format';
import { DEAL_STATUS, LAND_RESULT, PROJECT_STATUS, SECTION_STATUS } from '../../labels';
import { COMPLAINT_OUTCOME, DOMAIN_COLOUR, NOTICE_KIND } from '../../oversight-labels';
import { projectLink } from '../portal/PortalHome';
import '../../oversight.css';

const DOC_KIND: Record<string, string> = { tender: '招标文件', amendment: '修改文件', resolution: '集体决议', approval: '审核意见', contract: '合同' };

function Sections({ sections }: { sections: NonNullable<PortalProject['sections']> }) {
  return (
    <>
      {sections.map((s) => (
        <Card key={s.no} title={`标段 ${s.no}:${s.name}`} extra={<Tag>{SECTION_STATUS[s.status] ?? s.status}</Tag>} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="估算价"><span className="money">{yuan(s.estimate)}</span></Descriptions.Item>
            <Descriptions.Item label="开标时间">{time(s.openedAt)}</Descriptions.Item>
            <Descriptions.Item label="投标家数">{s.bidCount ?? <span className="muted">开标后公开</span>}</Descriptions.Item>
          </Descriptions>
          {s.opening.length > 0 && (
            <Table size="small" rowKey="bidderName" pagination={false} style={{ marginBottom: 12 }} title={() => <b>开标记录(唱标)</b>} dataSource={s.opening}
              columns={[{ title: '投标人', dataIndex: 'bidderName' }, { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> }]} />
          )}
          {s.candidates.length > 0 && (
            <Table size="small" rowKey="rank" pagination={false} style={{ marginBottom: 12 }} title={() => <b>中标候选人公示{s.publicityUntil ? `(公示至 ${time(s.publicityUntil)})` : ''}</b>} dataSource={s.candidates}
              columns={[{ title: '排名', dataIndex: 'rank', width: 70 }, { title: '候选人', dataIndex: 'bidderName' }, { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> }]} />
          )}
          {s.award && (
            <Descriptions size="small" bordered column={3} title="中标结果">
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
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="方式">{land.mode === 'auction' ? '拍卖' : '挂牌'}</Descriptions.Item>
        <Descriptions.Item label="起始价"><span className="money">{yuan(land.startPrice)}</span></Descriptions.Item>
        <Descriptions.Item label="结果">{land.outcome ? LAND_RESULT[land.outcome] ?? land.outcome : <span className="muted">尚未结束</span>}</Descriptions.Item>
        <Descriptions.Item label="成交价"><span className="money">{yuan(land.price)}</span></Descriptions.Item>
        <Descriptions.Item label="竞得人">{land.winnerName ? `${land.winnerName}(竞买号 ${land.winnerPaddle})` : '—'}</Descriptions.Item>
        <Descriptions.Item label="结束时间">{time(land.endedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Rural({ rural }: { rural: NonNullable<PortalProject['rural']> }) {
  return (
    <Card title="流转交易情况" style={{ marginBottom: 16 }}>
      <Descriptions size="small" bordered column={2}>
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

/** 中止公告 and 恢复公告: why and since when the project stands still, and the times its resumption moved. */
function Suspensions({ suspensions }: { suspensions: PortalProject['suspensions'] }) {
  return (
    <Card title="中止与恢复" style={{ marginBottom: 16 }} data-testid="suspensions">
      {[...suspensions].reverse().map((s) => (
        <div key={s.suspendedAt} style={{ marginBottom: 12 }}>
          {s.resumedAt && (
            <Alert type="success" showIcon style={{ marginBottom: 8 }} message={<><b>恢复公告</b> · 本项目于 {time(s.resumedAt)} 恢复交易</>}
              description={s.times.length ? (
                <Table size="small" rowKey={(t) => `${t.label}|${t.to}`} pagination={false} dataSource={s.times}
                  columns={[{ title: '时间节点', dataIndex: 'label' }, { title: '原定时间', dataIndex: 'from', render: time }, { title: '顺延至', dataIndex: 'to', render: (v) => <b>{time(v)}</b> }]} />
              ) : '没有需要顺延的时间节点'} />
          )}
          <Alert type="warning" showIcon message={<><b>中止公告</b> · 本项目于 {time(s.suspendedAt)} 中止交易</>} description={`中止原因:${s.reason}`} />
        </div>
      ))}
    </Card>
  );
}

/** 项目公开页 (GET /public/portal/projects/:id): notices, documents, opening, candidates, result, contract, and the open data. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const data = useLoad(() => api.get<PortalProject>(`/public/portal/projects/${id}`), [id]);
  const decisions = useLoad(() => api.get<Paged<PublicDecision>>('/public/complaints/decisions', { projectId: id, pageSize: 20 }), [id]);

  return (
    <Loaded state={data} rows={10}>
      {(d) => (
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
              <Link to={projectLink(d.project)}>
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
          <Row gutter={16}>
            <Col span={16}>
              <Card style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label="项目单位">{d.project.owner.name}</Descriptions.Item>
                  <Descriptions.Item label="代理机构">{d.project.agent?.name ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="行政区划">{d.project.region}</Descriptions.Item>
                  <Descriptions.Item label="发布时间">{time(d.project.publishedAt)}</Descriptions.Item>
                </Descriptions>
              </Card>
              {d.suspensions?.length > 0 && <Suspensions suspensions={d.suspensions} />}
              {d.sections && <Sections sections={d.sections} />}
              {d.land && <Land land={d.land} />}
              {d.rural && <Rural rural={d.rural} />}
              <Card title="公开文件" style={{ marginBottom: 16 }}>
                <Table size="small" rowKey="id" pagination={false} dataSource={d.documents} locale={{ emptyText: '暂无公开文件' }}
                  columns={[
                    { title: '类型', dataIndex: 'kind', width: 100, render: (k) => DOC_KIND[k] ?? k },
                    { title: '文件名', dataIndex: 'fileName' },
                    { title: '大小', dataIndex: 'size', width: 90, render: bytes },
                    { title: 'SHA-256', dataIndex: 'sha256', width: 150, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h)}</span></Tooltip> },
                    { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: time },
                  ]} />
              </Card>
            </Col>
            <Col span={8}>
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
      )}
    </Loaded>
  );
}
