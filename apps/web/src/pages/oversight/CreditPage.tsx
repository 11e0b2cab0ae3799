import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Spin, Table } from 'antd';
import { AuditOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { CreditEntry, CreditRecord, OrganisationHit, Paged } from '../../api/oversight-types';
import { useAuth } from '../../auth';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { scoreColour } from '../../credit-lookup';
import { StatusTag } from '../../components/StatusTag';
import { time } from '../../format';
import { CREDIT_KIND, STEP_KIND } from '../../oversight-labels';
import { isOffice, OversightTabs } from './common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 单位检索 (GET /supervision/credit/organisations): a name fragment or the start of a USCC, 2–50 characters. */
function OrganisationSearch({ value, known, onChoose }: { value: string; known?: { id: string; name: string }; onChoose: (id: string) => void }) {
  const [hits, setHits] = useState<OrganisationHit[]>([]);
  const [chosen, setChosen] = useState<OrganisationHit>();
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState('输入至少 2 个字:单位名称或统一社会信用代码开头');
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const search = (typed: string) => {
    const q = typed.trim();
    clearTimeout(timer.current);
    if (q.length < 2 || q.length > 50) {
      setHits([]);
      setHint(q.length > 50 ? '检索词最多 50 个字' : '输入至少 2 个字:单位名称或统一社会信用代码开头');
      return;
    }
    timer.current = setTimeout(() => {
      const n = ++asked.current;
      setBusy(true);
      api.get<Paged<OrganisationHit>>('/supervision/credit/organisations', { q, pageSize: 20 }).then(
        (r) => n === asked.current && (setHits(r.items), setHint(r.total > r.items.length ? `共 ${r.total} 个单位,请输入更多文字缩小范围` : '未找到匹配的单位'), setBusy(false)),
        (e) => n === asked.current && (setHits([]), setHint(asApiError(e).zh), setBusy(false)),
      );
    }, 300);
  };
  const label = (o: OrganisationHit) => (
    <div className="org-hit">
      <span>{o.name}</span>
      <span className="muted mono">{o.uscc}{o.region ? ` · ${o.region}` : ''}</span>
      <b style={{ color: scoreColour(o.score) }}>{o.score} 分</b>
    </div>
  );
  return (
    <Select
      showSearch
      allowClear
      labelInValue
      filterOption={false}
      placeholder="检索单位:名称或统一社会信用代码"
      style={{ width: 520 }}
      value={value ? { value, label: chosen?.id === value ? chosen.name : known?.id === value ? known.name : value } : undefined}
      onSearch={search}
      loading={busy}
      notFoundContent={busy ? <Spin size="small" /> : <span className="muted">{hint}</span>}
      onChange={(v: { value: string; label?: unknown } | undefined) => {
        setChosen(hits.find((h) => h.id === v?.value));
        onChoose(v?.value ?? '');
      }}
      options={hits.map((o) => ({ value: o.id, label: label(o) }))}
      data-testid="credit-organisation"
    />
  );
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

function Record({ id, office, onOrganisation }: { id: string; office: boolean; onOrganisation: (o: { id: string; name: string }) => void }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [penalty, setPenalty] = useState(false);
  const record = useLoad(() => api.get<CreditRecord>(`/supervision/credit/organisations/${id}`, { page, pageSize: 10 }), [id, page]);
  const organisation = record.data?.organisation;
  useEffect(() => {
    if (organisation) onOrganisation(organisation);
  }, [organisation, onOrganisation]);
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
  const [shown, setShown] = useState<{ id: string; name: string }>();
  const choose = (v: string) => setParams(v ? { organisationId: v } : {});

  return (
    <Page title="监督管理" sub="红黄牌、投诉成立、行政处罚与履约评价计入单位信用记录;信用分公开可查">
      <OversightTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <OrganisationSearch value={UUID.test(id) ? id : ''} known={shown} onChoose={choose} />
          <span className="muted">或</span>
          <Input placeholder="输入单位编号(UUID)" value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 320 }} status={typed && !UUID.test(typed.trim()) ? 'error' : undefined} />
          <Button icon={<SearchOutlined />} disabled={!UUID.test(typed.trim())} onClick={() => choose(typed.trim())}>
            查询
          </Button>
        </Space>
      </Card>
      {UUID.test(id) ? (
        <Record key={id} id={id} office={isOffice(account)} onOrganisation={setShown} />
      ) : (
        <Card>
          <Empty description="请选择或输入要查询的单位" />
        </Card>
      )}
    </Page>
  );
}
