import { Fragment, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Result, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { CollusionSignal } from '../../api/oversight-types';
import { OpeningRecord } from '../../api/types';
import { useAuth } from '../../auth';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { fenToYuan, shortHash, time, yuan } from '../../format';
import { SIGNAL_KIND, SIGNAL_STATUS } from '../../oversight-labels';
import { OversightTabs, projectIndex, supervisedDomains } from './common';

interface BidRef {
  bidId?: string;
  depositId?: string;
  organisationId: string;
  priceFen?: string;
}

/** Organisation names of a tender's bids, from its public opening record (published after the opening). */
function useBidders(signal: CollusionSignal) {
  return useLoad(async () => {
    const names = new Map<string, string>();
    if (signal.roundKind !== 'tender_section' || !signal.projectId) return names;
    const r = await api.get<OpeningRecord>(`/public/tenders/${signal.projectId}/opening`).catch(() => null);
    for (const s of r?.sections ?? []) for (const b of s.bids) names.set(b.bidId, b.organisationName);
    return names;
  }, [signal.id]);
}

const FIELD: Record<string, string> = { author: '文件作者', lastModifiedBy: '最后修改人', toolSerial: '投标工具序列号' };

function Evidence({ signal }: { signal: CollusionSignal }) {
  const names = useBidders(signal);
  const e = signal.evidence as Record<string, unknown>;
  const refs = ((e.bids ?? e.deposits ?? []) as BidRef[]).map((b) => ({ ...b, key: b.bidId ?? b.depositId ?? b.organisationId }));
  const facts: [string, React.ReactNode][] = [];
  if (e.documentsSha256) facts.push(['文件哈希', <span className="mono">{String(e.documentsSha256)}</span>]);
  if (e.clientIp) facts.push(['IP 地址', <span className="mono">{String(e.clientIp)}</span>]);
  if (e.deviceId) facts.push(['设备标识', <span className="mono">{String(e.deviceId)}</span>]);
  if (e.payerAccount) facts.push(['付款账户', <span className="mono">{String(e.payerAccount)}</span>]);
  if (e.field) facts.push([FIELD[String(e.field)] ?? String(e.field), String(e.value)]);
  if (e.maxMinRatio !== undefined) facts.push(['最大/最小差额比', `${e.maxMinRatio}(阈值 ${e.tolerance})`]);
  if (Array.isArray(e.differencesFen)) facts.push(['相邻报价差额', (e.differencesFen as string[]).map((d) => yuan(fenToYuan(d))).join('、')]);
  if (e.cv !== undefined) facts.push(['变异系数', `${(Number(e.cv) * 100).toFixed(2)}%(阈值 ${(Number(e.threshold) * 100).toFixed(1)}%)`]);
  if (e.meanFen) facts.push(['平均报价', yuan(fenToYuan(String(e.meanFen)))]);
  return (
    <div style={{ padding: '4px 8px' }}>
      <dl className="evidence-kv">
        {facts.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
        <dt>证据摘要</dt>
        <dd className="mono">{signal.evidenceDigest}</dd>
      </dl>
      <Table
        size="small"
        style={{ marginTop: 8, maxWidth: 720 }}
        rowKey="key"
        pagination={false}
        dataSource={refs}
        loading={names.loading}
        columns={[
          { title: '涉及单位', render: (_, b) => (b.bidId && names.data?.get(b.bidId)) ?? <span className="mono muted">单位 {shortHash(b.organisationId, 8)}</span> },
          { title: refs.some((b) => b.bidId) ? '投标文件' : '保证金', render: (_, b) => <span className="mono muted">{shortHash(b.bidId ?? b.depositId, 8)}</span> },
          ...(refs.some((b) => b.priceFen) ? [{ title: '报价', align: 'right' as const, render: (_: unknown, b: BidRef) => <span className="money">{b.priceFen ? yuan(fenToYuan(b.priceFen)) : '—'}</span> }] : []),
        ]}
      />
      {signal.reviewNote && (
        <div style={{ marginTop: 8 }}>
          <b>复核意见</b>({time(signal.reviewedAt)}):<span className="timeline-note">{signal.reviewNote}</span>
        </div>
      )}
    </div>
  );
}

function ReviewModal({ signal, onClose, onDone }: { signal: CollusionSignal; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      await api.post(`/supervision/collusion/signals/${signal.id}/review`, { status: v.status, note: v.note.trim() });
      onDone();
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`复核预警 · ${SIGNAL_KIND[signal.kind]?.text ?? signal.kind}`} okText="提交复核" okButtonProps={{ loading: busy }} onOk={submit} onCancel={onClose} destroyOnClose>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" initialValues={{ status: 'dismissed' }}>
        <Form.Item name="status" label="复核结论" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'dismissed', label: '排除(合理解释)' }, { value: 'confirmed', label: '确认(移交调查)' }]} />
        </Form.Item>
        <Form.Item name="note" label="复核意见" rules={[{ required: true, whitespace: true, message: '请填写复核意见' }, { max: 2000, message: '最多 2000 字' }]}>
          <Input.TextArea rows={4} showCount maxLength={2000} placeholder="核查情况与结论;每条预警只复核一次" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 围标串标预警: the office (all) and the tendering / procurement regulators (their rounds) review the signals. */
export function CollusionPage() {
  const { account } = useAuth();
  const { message } = App.useApp();
  const scope = supervisedDomains(account);
  const mayReview = scope === null || scope.includes('tendering') || scope.includes('procurement');
  const [status, setStatus] = useState<string>('open');
  const [reviewing, setReviewing] = useState<CollusionSignal | null>(null);
  const signals = useLoad(
    () => (mayReview ? api.get<CollusionSignal[]>('/supervision/collusion/signals', { status: status === 'all' ? undefined : status }) : Promise.resolve([] as CollusionSignal[])),
    [status, mayReview],
  );
  const projects = useLoad(projectIndex, []);

  return (
    <Page title="监督管理" sub="开标后自动筛查:文件雷同、同一 IP 或设备、保证金同一账户、报价规律性差异与异常集中;预警不等于认定,须逐条复核">
      <OversightTabs />
      {!mayReview ? (
        <Card>
          <Result status="info" title="本领域无围标串标预警" subTitle="围标串标筛查适用于工程建设招投标与电子卖场网上竞价,由管理办公室和对应行业监管部门复核。" />
        </Card>
      ) : (
        <>
          <Space style={{ marginBottom: 16 }}>
            <Segmented value={status} onChange={(v) => setStatus(String(v))} options={[{ value: 'open', label: '待复核' }, { value: 'confirmed', label: '已确认' }, { value: 'dismissed', label: '已排除' }, { value: 'all', label: '全部' }]} />
          </Space>
          <Loaded state={signals} rows={8}>
            {(list) => (
              <Card title={`预警(${list.length} 条,最新在前)`}>
                <Table<CollusionSignal>
                  rowKey="id"
                  dataSource={list}
                  data-testid="signals"
                  locale={{ emptyText: status === 'open' ? '没有待复核的预警' : '没有符合条件的预警' }}
                  expandable={{ expandedRowRender: (s) => <Evidence signal={s} /> }}
                  pagination={{ pageSize: 15, showSizeChanger: false }}
                  columns={[
                    { title: '发现时间', dataIndex: 'foundAt', width: 170, render: time },
                    {
                      title: '预警类型',
                      dataIndex: 'kind',
                      render: (k) => (
                        <Space direction="vertical" size={0}>
                          <b>{SIGNAL_KIND[k]?.text ?? k}</b>
                          <span className="muted">{SIGNAL_KIND[k]?.law}</span>
                        </Space>
                      ),
                    },
                    {
                      title: '项目 / 轮次',
                      render: (_, s) => {
                        if (s.roundKind === 'quote_round') return <span>网上竞价需求 <span className="mono">{shortHash(s.requirementId, 8)}</span> · 第 {s.round} 轮</span>;
                        const p = s.projectId ? projects.data?.get(s.projectId) : undefined;
                        return (
                          <Space direction="vertical" size={0}>
                            {p ? <Link to={`/portal/projects/${p.id}`}>{p.name}</Link> : <span className="mono">{shortHash(s.projectId, 8)}</span>}
                            <span className="muted">{p?.code} · 标段 {s.sectionNo}</span>
                          </Space>
                        );
                      },
                    },
                    { title: '涉及单位', width: 90, align: 'center', render: (_, s) => new Set((((s.evidence as { bids?: BidRef[]; deposits?: BidRef[] }).bids ?? (s.evidence as { deposits?: BidRef[] }).deposits) ?? []).map((b) => b.organisationId)).size },
                    { title: '状态', dataIndex: 'status', width: 100, render: (v) => <StatusTag map={SIGNAL_STATUS} value={v} /> },
                    {
                      title: '',
                      width: 120,
                      render: (_, s) =>
                        s.status === 'open' ? (
                          <Button size="small" type="primary" ghost onClick={() => setReviewing(s)} data-testid="signal-review">
                            复核
                          </Button>
                        ) : (
                          <Tooltip title={s.reviewNote}>
                            <span className="muted" style={{ whiteSpace: 'nowrap' }}>复核于 {time(s.reviewedAt).slice(0, 10)}</span>
                          </Tooltip>
                        ),
                    },
                  ]}
                />
              </Card>
            )}
          </Loaded>
        </>
      )}
      {reviewing && (
        <ReviewModal
          signal={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            message.success('复核已记录');
            setReviewing(null);
            signals.reload();
          }}
        />
      )}
    </Page>
  );
}
