import { useState } from 'react';
import { Alert, Button, Card, Collapse, DatePicker, Descriptions, Form, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, ApiError } from '../../api/client';
import { AuditActionName, AuditItem, AuditPage as AuditResult, AuditVerify, ChainStatus, Page as Paged, PublicProject } from '../../api/types';
import { detailRows } from '../../audit-details';
import { downloadFile } from '../../components/actions';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { DOMAIN_LABEL, ROLE_LABEL, shortHash, time } from '../../format';
import { DEAL_STATUS, PARCEL_PHASE, PROJECT_STATUS, TENDER_STATUS } from '../../labels';

/** A status code in a before → after as the pages name it (项目、招标、地块、农村产权). */
const statusText = (s: string): string => PROJECT_STATUS[s]?.text ?? TENDER_STATUS[s]?.text ?? PARCEL_PHASE[s]?.text ?? DEAL_STATUS[s]?.text ?? s;

function Details({ item, names }: { item: AuditItem; names: Record<string, string> }) {
  const rows = detailRows(item.payload, names, statusText);
  return (
    <div data-testid="audit-details" style={{ maxWidth: 980, position: 'sticky', left: 0 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="动作">{item.actionName.zh}<span className="muted">({item.action})</span></Descriptions.Item>
        <Descriptions.Item label="项目">{item.project ? `${item.project.code} ${item.project.name}` : '—'}</Descriptions.Item>
        {rows.map((r, i) => (
          <Descriptions.Item key={`${r.label}-${i}`} label={r.label}>{r.value}</Descriptions.Item>
        ))}
        <Descriptions.Item label="记录哈希" span={2}><span className="mono">{item.hash}</span></Descriptions.Item>
      </Descriptions>
      <Collapse ghost size="small" items={[{ key: 'raw', label: '原始数据(JSON,供技术核对)', children: <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(item.payload, null, 2)}</pre> }]} />
    </div>
  );
}

/** The signed export of one project's trail, and how anyone re-checks it offline. */
function ExportCard({ project }: { project: PublicProject | undefined }) {
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!project) return null;
  const download = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await downloadFile(`/supervision/projects/${project.id}/audit-export`, `审计记录-${project.code}.json`);
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} title="导出本项目完整审计记录(带签名)" data-testid="audit-export">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button icon={<DownloadOutlined />} onClick={download} loading={busy} data-testid="audit-export-download">下载 {project.code} 的签名审计记录</Button>
        <Refusal error={refusal} onClose={() => setRefusal(null)} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          如何核验:文件含每条记录的链字段与导出时的链头,并由平台公布的密钥(Ed25519)签名。任何人可离线重算:下载公钥列表
          <Typography.Link href="/public/audit/keys" target="_blank">/public/audit/keys</Typography.Link> 存为 keys.json,然后运行
          <Typography.Text code copyable>npm run audit:verify -- 审计记录-{project.code}.json --keys keys.json</Typography.Text>
          。结果会指出签名是否有效、链是否完整,以及被改动的第一条记录。
        </Typography.Paragraph>
      </Space>
    </Card>
  );
}

interface Query {
  projectId?: string;
  action?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

function ChainBanner({ chain, onVerify, verifying }: { chain: ChainStatus; onVerify: () => void; verifying: boolean }) {
  return (
    <Card className={chain.ok ? 'chain-ok' : 'chain-bad'} style={{ marginBottom: 16 }} data-testid="chain-status" data-ok={chain.ok}>
      <Space align="start" size={16} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space align="start" size={16}>
          {chain.ok ? <CheckCircleFilled style={{ fontSize: 40, color: '#2f9e44' }} /> : <CloseCircleFilled style={{ fontSize: 40, color: '#c92a2a' }} />}
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {chain.ok ? '审计链完整,未发现篡改' : '审计链校验失败:记录可能被篡改'}
            </Typography.Title>
            <div className="muted" style={{ marginTop: 4 }}>
              自创世记录起逐条重算哈希:已校验 {chain.checked.toLocaleString('zh-CN')} 条,链头序号 {chain.lastSeq},用时 {chain.durationMs} 毫秒
              {chain.checkedAt ? `,校验时间 ${time(chain.checkedAt)}` : ''}
            </div>
            {!chain.ok && <pre className="mono" style={{ marginTop: 8 }}>{JSON.stringify(chain.firstBroken, null, 2)}</pre>}
          </div>
        </Space>
        <Button icon={<SafetyCertificateOutlined />} onClick={onVerify} loading={verifying} data-testid="verify-chain">
          立即重新校验
        </Button>
      </Space>
    </Card>
  );
}

/** The office's (and its domain regulator's) audit trail: search by project, action, time; the hash chain verified plainly. */
export function AuditPage() {
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const [verified, setVerified] = useState<ChainStatus | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const projects = useLoad(() => api.get<Paged<PublicProject>>('/public/projects', { page: 1, pageSize: 100 }).then((r) => r.items), []);
  const result = useLoad(() => api.get<AuditResult>('/supervision/audit', { ...query, page, pageSize: 20 }), [query, page]);
  const actionNames = useLoad(() => api.get<AuditActionName[]>('/supervision/audit/actions'), []);

  const verify = async () => {
    setVerifying(true);
    setRefusal(null);
    try {
      const r = await api.get<AuditVerify>('/audit/verify');
      setVerified({ ...r, checkedAt: new Date().toISOString() });
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setVerifying(false);
    }
  };

  const onSearch = (v: { projectId?: string; action?: string; range?: [Dayjs, Dayjs] | null }) => {
    setPage(1);
    setVerified(null);
    setQuery({ projectId: v.projectId || undefined, action: v.action || undefined, from: v.range?.[0]?.startOf('day').toISOString(), to: v.range?.[1]?.endOf('day').toISOString() });
  };

  return (
    <Page title="审计记录检索" sub="全部交易行为上链留痕:谁、以何角色、对何事、何时;每条记录的哈希链接到上一条。">
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={onSearch} style={{ rowGap: 12 }}>
          <Form.Item name="projectId" label="项目">
            <Select
              allowClear
              showSearch
              data-testid="project-select"
              placeholder="输入项目名称或编号"
              style={{ width: 360 }}
              optionFilterProp="label"
              loading={projects.loading}
              options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${DOMAIN_LABEL[p.domain]}）` }))}
            />
          </Form.Item>
          <Form.Item name="action" label="动作">
            <Select
              allowClear
              showSearch
              data-testid="action-select"
              placeholder="输入动作名称,如 开标"
              style={{ width: 240 }}
              optionFilterProp="label"
              loading={actionNames.loading}
              options={(actionNames.data ?? []).map((a) => ({ value: a.code, label: a.zh }))}
            />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            检索
          </Button>
        </Form>
      </Card>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={result} rows={8}>
        {(r) => (
          <>
            <ChainBanner chain={verified ?? r.chain} onVerify={verify} verifying={verifying} />
            {query.projectId && <ExportCard project={(projects.data ?? []).find((x) => x.id === query.projectId)} />}
            {query.projectId && (
              <Alert
                type={r.items.every((i) => i.linkOk) ? 'success' : 'error'}
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="project-links"
                message={r.items.every((i) => i.linkOk) ? `本项目本页 ${r.items.length} 条记录的摘要与哈希逐条重算一致` : '本项目有记录的摘要或哈希与内容不符'}
              />
            )}
            <Card title={`检索结果(共 ${r.total}${r.totalCapped ? '+' : ''} 条,最新在前)`}>
              <Table<AuditItem>
                rowKey="seq"
                size="small"
                dataSource={r.items}
                locale={{ emptyText: '没有符合条件的审计记录' }}
                pagination={{ current: r.page, pageSize: r.pageSize, total: r.total, onChange: setPage, showSizeChanger: false }}
                scroll={{ x: 1100 }}
                expandable={{ expandedRowRender: (i) => <Details item={i} names={r.names ?? {}} /> }}
                columns={[
                  { title: '序号', dataIndex: 'seq', width: 80 },
                  { title: '时间', dataIndex: 'time', width: 170, render: time },
                  { title: '操作人', width: 150, render: (_, i) => i.actor?.name ?? i.actor?.username ?? <span className="muted">系统(定时任务)</span> },
                  { title: '角色', dataIndex: 'role', width: 120, render: (role) => (role ? ROLE_LABEL[role] ?? role : '—') },
                  { title: '单位', width: 180, ellipsis: true, render: (_, i) => i.organisation?.name ?? '—' },
                  { title: '动作', width: 200, render: (_, i) => <Tooltip title={i.action}><Tag color="blue" data-testid="action-name">{i.actionName.zh}</Tag></Tooltip> },
                  { title: '项目', width: 220, ellipsis: true, render: (_, i) => (i.project ? `${i.project.code} ${i.project.name}` : '—') },
                  { title: '哈希', dataIndex: 'hash', width: 140, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 12)}</span></Tooltip> },
                  { title: '链接', dataIndex: 'linkOk', width: 80, render: (ok) => (ok ? <Tag color="success">✓ 一致</Tag> : <Tag color="error">✗ 不符</Tag>) },
                ]}
              />
            </Card>
          </>
        )}
      </Loaded>
    </Page>
  );
}
