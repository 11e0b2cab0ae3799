import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Table, Tag } from 'antd';
import { AuditOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { CardCount, Complaint, CreditEntry, CreditRecord, Paged } from '../../api/oversight-types';
import { useAuth } from '../../auth';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time } from '../../format';
import { CREDIT_KIND, STEP_KIND } from '../../oversight-labels';
import { isOffice, OversightTabs } from './common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Organisations the desk already knows of (carded parties, complainants and respondents): the lookup's choices. */
async function knownOrganisations(): Promise<{ id: string; name: string }[]> {
  const out = new Map<string, string>();
  const [counts, complaints] = await Promise.all([
    api.get<CardCount[]>('/supervision/cards/counts').catch(() => [] as CardCount[]),
    api.get<Paged<Complaint>>('/supervision/complaints', { pageSize: 100 }).catch(() => ({ items: [] as Complaint[] })),
  ]);
  for (const c of counts) if (c.organisation) out.set(c.organisation.id, c.organisation.name);
  for (const c of complaints.items) {
    out.set(c.complainant.id, c.complainant.name);
    out.set(c.respondent.id, c.respondent.name);
  }
  return [...out.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function scoreColour(score: number): string {
  return score >= 90 ? '#2f9e44' : score >= 70 ? '#f08c00' : '#c92a2a';
}

function PenaltyModal({ record, onClose, onDone }: { record: CreditRecord; onClose: () => void; onDone: (score: number) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      const r = await api.post<{ score: number }>(`/supervision/credit/organisations/${record.organisation.id}/penalties`, {
        points: v.points,
        decisionNo: v.decisionNo.trim(),
        note: v.note.trim(),
        ...(v.projectId?.trim() ? { projectId: v.projectId.trim() } : {}),
      });
      onDone(r.score);
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`登记行政处罚 · ${record.organisation.name}`} okText="登记并扣分" okButtonProps={{ danger: true, loading: busy }} onOk={submit} onCancel={onClose} destroyOnClose width={560}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical">
        <Form.Item name="decisionNo" label="处罚决定书文号" rules={[{ required: true, whitespace: true, message: '请填写处罚决定书文号' }, { max: 100 }]}>
          <Input placeholder="如 榕公管罚〔2026〕12 号" />
        </Form.Item>
        <Form.Item name="points" label="扣减信用分" rules={[{ required: true, message: '请填写扣减分值' }]}>
          <InputNumber min={1} max={100} precision={0} addonAfter="分" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="note" label="处罚事由" rules={[{ required: true, whitespace: true, message: '请填写处罚事由' }, { max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
        <Form.Item name="projectId" label="相关项目编号(可选)" rules={[{ pattern: UUID, message: '项目编号格式不正确' }]}>
          <Input placeholder="项目编号(UUID)" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Record({ id, office }: { id: string; office: boolean }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [penalty, setPenalty] = useState(false);
  const record = useLoad(() => api.get<CreditRecord>(`/supervision/credit/organisations/${id}`, { page, pageSize: 10 }), [id, page]);
  return (
    <Loaded state={record} rows={8}>
      {(r) => (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Card style={{ textAlign: 'center', height: '100%' }}>
                <Progress className="score-ring" type="dashboard" percent={r.score} format={(p) => <span style={{ color: scoreColour(r.score) }} data-testid="credit-score">{p}</span>} strokeColor={scoreColour(r.score)} size={160} />
                <div className="muted">信用分(满分 100)</div>
              </Card>
            </Col>
            <Col span={16}>
              <Card
                title={r.organisation.name}
                style={{ height: '100%' }}
                extra={office && <Button danger icon={<AuditOutlined />} onClick={() => setPenalty(true)} data-testid="penalty-open">登记行政处罚</Button>}
              >
                <Descriptions column={2} size="small">
                  <Descriptions.Item label="统一社会信用代码"><span className="mono">{r.organisation.uscc}</span></Descriptions.Item>
                  <Descriptions.Item label="记录条数">{r.total}</Descriptions.Item>
                  <Descriptions.Item label="记录分值合计"><b style={{ color: r.pointsTotal < 0 ? '#c92a2a' : undefined }}>{r.pointsTotal}</b></Descriptions.Item>
                  <Descriptions.Item label="履约评价加减分">{r.ratingPoints}</Descriptions.Item>
                  <Descriptions.Item label="电子卖场评价">{r.rating ? `${r.rating.average} 分(${r.rating.count} 次)` : '—'}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
          </Row>
          <Card title="信用记录(最新在前)">
            <Table<CreditEntry>
              size="small"
              rowKey="id"
              dataSource={r.entries}
              locale={{ emptyText: '暂无信用记录' }}
              pagination={{ current: r.page, pageSize: r.pageSize, total: r.total, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: '时间', dataIndex: 'occurredAt', width: 170, render: time },
                { title: '类型', dataIndex: 'kind', width: 110, render: (k) => <StatusTag map={CREDIT_KIND} value={k} /> },
                { title: '分值', dataIndex: 'points', width: 80, align: 'right', render: (p: number) => <b style={{ color: p < 0 ? '#c92a2a' : '#2f9e44' }}>{p > 0 ? `+${p}` : p}</b> },
                { title: '说明', dataIndex: 'note', render: (n: string | null, e) => (n ? (e.kind.endsWith('_card') && STEP_KIND[n] ? `逾期事项:${STEP_KIND[n]}` : n) : <span className="muted">—</span>) },
              ]}
            />
          </Card>
          {penalty && (
            <PenaltyModal
              record={r}
              onClose={() => setPenalty(false)}
              onDone={(score) => {
                message.success(`已登记,当前信用分 ${score}`);
                setPenalty(false);
                record.reload();
              }}
            />
          )}
        </>
      )}
    </Loaded>
  );
}

/** 信用记录: an organisation's credit score and entries; the office records administrative penalties. */
export function CreditPage() {
  const { account } = useAuth();
  const [params, setParams] = useSearchParams();
  const id = params.get('organisationId') ?? '';
  const [typed, setTyped] = useState('');
  const known = useLoad(knownOrganisations, []);
  const choose = (v: string) => setParams(v ? { organisationId: v } : {});

  return (
    <Page title="监督管理" sub="红黄牌、投诉成立、行政处罚与履约评价计入单位信用记录;信用分公开可查">
      <OversightTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            showSearch
            allowClear
            placeholder="选择单位(被亮牌、投诉涉及的单位)"
            style={{ width: 380 }}
            value={UUID.test(id) ? id : undefined}
            optionFilterProp="label"
            loading={known.loading}
            onChange={(v) => choose(v ?? '')}
            options={(known.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="credit-organisation"
          />
          <span className="muted">或</span>
          <Input placeholder="输入单位编号(UUID)" value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 320 }} status={typed && !UUID.test(typed.trim()) ? 'error' : undefined} />
          <Button icon={<SearchOutlined />} disabled={!UUID.test(typed.trim())} onClick={() => choose(typed.trim())}>
            查询
          </Button>
        </Space>
      </Card>
      {UUID.test(id) ? (
        <Record key={id} id={id} office={isOffice(account)} />
      ) : (
        <Card>
          <Empty description="请选择或输入要查询的单位" />
        </Card>
      )}
    </Page>
  );
}
