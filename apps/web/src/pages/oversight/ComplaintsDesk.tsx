import { useState } from 'react';
import { App, Badge, Button, Card, Descriptions, Drawer, Form, Input, Modal, Radio, Segmented, Select, Space, Switch, Table, Tag, Timeline, Tooltip } from 'antd';
import { DownloadOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import { downloadWithToken } from '../../api/download';
import { Complaint, ComplaintEvent, Paged } from '../../api/oversight-types';
import { useAuth } from '../../auth';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { ProjectCell } from '../../components/ProjectCell';
import { StatusTag } from '../../components/StatusTag';
import { bytes, DOMAIN_LABEL, ROLE_LABEL, shortHash, time } from '../../format';
import { COMPLAINT_ACTION, COMPLAINT_OUTCOME, COMPLAINT_STATUS } from '../../oversight-labels';
import { OversightTabs, supervisedDomains } from './common';

const SUPERVISOR_STEPS: ComplaintEvent[] = ['accept', 'reject', 'suspend', 'resume', 'decide'];

/** The time limit that binds the supervisor now, and whether it has passed. */
function dueOf(c: Complaint): { label: string; at: string; late: boolean } | null {
  const now = Date.now();
  if (c.status === 'filed') return { label: '受理期限', at: c.acceptanceDue, late: now > new Date(c.acceptanceDue).getTime() };
  if (c.status === 'accepted' && c.decisionDue) return { label: '处理期限', at: c.decisionDue, late: now > new Date(c.decisionDue).getTime() };
  return null;
}

function Due({ c }: { c: Complaint }) {
  const d = dueOf(c);
  if (!d) return <span className="muted">—</span>;
  return (
    <Space direction="vertical" size={0}>
      <span className="muted" style={{ fontSize: 12 }}>{d.label}</span>
      <span style={{ color: d.late ? '#c92a2a' : undefined, fontWeight: d.late ? 600 : undefined }}>
        {time(d.at)} {d.late && <Tag color="error">已逾期</Tag>}
      </span>
    </Space>
  );
}

/** One supervisor step: its form, sent to POST /supervision/complaints/:id/<step>. */
function StepModal({ complaint, step, onClose, onDone }: { complaint: Complaint; step: ComplaintEvent; onClose: () => void; onDone: (c: Complaint) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, string> = {};
    for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && val.trim()) body[k] = val.trim();
    setBusy(true);
    setRefusal(null);
    try {
      onDone(await api.post<Complaint>(`/supervision/complaints/${complaint.id}/${step}`, body));
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const text = (name: string, label: string, required: boolean, max: number, placeholder: string, rows = 3) => (
    <Form.Item name={name} label={label} rules={[{ required, whitespace: true, message: `请填写${label}` }, { max, message: `最多 ${max} 字` }]}>
      <Input.TextArea rows={rows} placeholder={placeholder} showCount maxLength={max} data-testid={`step-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={`${COMPLAINT_ACTION[step]} · ${complaint.project.name}`}
      okText={`确认${COMPLAINT_ACTION[step]}`}
      okButtonProps={{ danger: step === 'suspend' || step === 'reject', loading: busy, 'data-testid': 'step-confirm' } as never}
      onOk={submit}
      onCancel={onClose}
      destroyOnClose
      width={560}
    >
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" initialValues={step === 'decide' ? { outcome: 'upheld' } : {}}>
        {step === 'accept' && text('note', '受理意见', false, 2000, '可选:受理意见,例如需补充的材料')}
        {step === 'reject' && text('reasons', '不予受理的理由', true, 2000, '例如:投诉事项未先提出异议、超过投诉期限')}
        {step === 'suspend' && (
          <>
            <div className="muted" style={{ marginBottom: 12 }}>
              <PauseCircleOutlined /> 暂停后项目的全部时间节点随之暂停;恢复时按暂停时长顺延。
            </div>
            {text('reason', '暂停理由', true, 500, '例如:投诉事项可能影响中标结果,调查期间暂停')}
          </>
        )}
        {step === 'resume' && text('note', '恢复说明', false, 500, '可选:恢复说明')}
        {step === 'decide' && (
          <>
            <Form.Item name="outcome" label="处理结果" rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'upheld', label: '投诉成立' }, { value: 'dismissed', label: '驳回投诉' }]} />
            </Form.Item>
            {text('decision', '处理决定书(将向社会公开)', true, 10000, '写明查明的事实、依据与处理决定', 6)}
            {complaint.suspending && <div className="muted">项目仍因本投诉暂停,作出决定后将随之恢复。</div>}
          </>
        )}
      </Form>
    </Modal>
  );
}

function Detail({ c, onStep }: { c: Complaint; onStep: (s: ComplaintEvent) => void }) {
  const { message } = App.useApp();
  const steps = c.allowed.filter((a) => SUPERVISOR_STEPS.includes(a));
  const download = async (e: Complaint['evidence'][number]) => {
    try {
      await downloadWithToken(`/complaints/${c.id}/evidence/${e.id}`, e.fileName);
    } catch (err) {
      message.error(asApiError(err).zh);
    }
  };
  const events = [
    { at: c.filedAt, color: 'blue', text: <>提出投诉 · {c.complainant.name}</> },
    ...(c.handling ? [{ at: c.handling.at, color: c.handling.result === 'accepted' ? 'green' : 'gray', text: <>{c.handling.result === 'accepted' ? '受理' : '不予受理'}({ROLE_LABEL[c.handling.role]}){!c.handling.onTime && <Tag color="error">超期办理</Tag>}{c.handling.note && <div className="timeline-note">{c.handling.note}</div>}</> }] : []),
    ...c.suspensions.flatMap((s) => [
      { at: s.suspendedAt, color: 'orange', text: <>暂停项目(时间节点暂停 {s.pausedMilestones} 个)<div className="timeline-note">{s.reason}</div></> },
      ...(s.resumedAt ? [{ at: s.resumedAt, color: 'green', text: <>恢复项目(顺延 {s.shiftedMilestones ?? 0} 个时间节点){s.resumeNote && <div className="timeline-note">{s.resumeNote}</div>}</> }] : []),
    ]),
    ...(c.decision ? [{ at: c.decision.at, color: c.decision.outcome === 'upheld' ? 'red' : 'gray', text: <>处理决定:{COMPLAINT_OUTCOME[c.decision.outcome].text}{!c.decision.onTime && <Tag color="error">超期决定</Tag>}<div className="timeline-note">{c.decision.text}</div></> }] : []),
    ...(c.withdrawnAt ? [{ at: c.withdrawnAt, color: 'gray', text: <>投诉人撤回{c.withdrawalReason && <div className="timeline-note">{c.withdrawalReason}</div>}</> }] : []),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }} data-testid="complaint-actions">
        {steps.length === 0 && <span className="muted">本投诉当前无可办理事项</span>}
        {steps.map((s) => (
          <Button key={s} type={s === 'decide' || s === 'accept' ? 'primary' : 'default'} danger={s === 'suspend' || s === 'reject'} onClick={() => onStep(s)} data-testid={`step-${s}`}>
            {COMPLAINT_ACTION[s]}
          </Button>
        ))}
      </Space>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态" span={2}>
          <Space>
            <span data-testid="complaint-status"><StatusTag map={COMPLAINT_STATUS} value={c.status} /></span>
            {c.decision && <StatusTag map={COMPLAINT_OUTCOME} value={c.decision.outcome} />}
            {c.suspending && <Tag color="warning" icon={<PauseCircleOutlined />}>项目暂停中</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="项目" span={2}>
          {c.project.name} <span className="muted mono">{c.project.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label="投诉人">{c.complainant.name}</Descriptions.Item>
        <Descriptions.Item label="被投诉人">{c.respondent.name}</Descriptions.Item>
        <Descriptions.Item label="提出时间">{time(c.filedAt)}</Descriptions.Item>
        <Descriptions.Item label="受理期限">{time(c.acceptanceDue)}</Descriptions.Item>
        <Descriptions.Item label="处理期限">{time(c.decisionDue)}</Descriptions.Item>
        <Descriptions.Item label="所依据的异议">{c.objectionId ? <span className="mono">{shortHash(c.objectionId, 8)}</span> : '—'}</Descriptions.Item>
        <Descriptions.Item label="投诉事项与理由" span={2}>
          <div className="timeline-note">{c.grounds}</div>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`证明材料(${c.evidence.length} 份,不公开)`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.evidence}
          columns={[
            { title: '序号', dataIndex: 'no', width: 60 },
            { title: '文件名', dataIndex: 'fileName' },
            { title: '大小', dataIndex: 'size', width: 80, render: bytes },
            { title: 'SHA-256', dataIndex: 'sha256', width: 130, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 10)}</span></Tooltip> },
            { title: '', width: 80, render: (_, e) => <Button size="small" icon={<DownloadOutlined />} onClick={() => download(e)} data-testid="evidence-download">下载</Button> },
          ]}
        />
      </Card>
      <Card size="small" title="办理过程">
        <Timeline items={events.map((e) => ({ color: e.color, children: <><div className="muted">{time(e.at)}</div>{e.text}</> }))} />
      </Card>
    </>
  );
}

/** 投诉处理: the office (all domains) and a regulator (its own) accept or reject, suspend and resume the project, decide. */
export function ComplaintsDesk() {
  const { account } = useAuth();
  const { message } = App.useApp();
  const scope = supervisedDomains(account);
  const [status, setStatus] = useState<string>('open');
  const [domain, setDomain] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Complaint | null>(null);
  const [step, setStep] = useState<ComplaintEvent | null>(null);

  // "办理中" = filed or accepted: two requests (the API filters one status at a time), merged newest first.
  const list = useLoad(async (): Promise<Paged<Complaint>> => {
    const q = { domain, overdue: overdue ? 'true' : undefined, pageSize: 100 };
    if (status !== 'open') return api.get<Paged<Complaint>>('/supervision/complaints', { ...q, status: status === 'all' ? undefined : status, page, pageSize: 20 });
    const [filed, accepted] = await Promise.all(['filed', 'accepted'].map((s) => api.get<Paged<Complaint>>('/supervision/complaints', { ...q, status: s })));
    const items = [...filed.items, ...accepted.items].sort((a, b) => b.filedAt.localeCompare(a.filedAt));
    return { items, total: filed.total + accepted.total, page: 1, pageSize: 100 };
  }, [status, domain, overdue, page]);

  const done = (c: Complaint) => {
    message.success(`已${COMPLAINT_ACTION[step!]}`);
    setStep(null);
    setOpen(c);
    list.reload();
  };
  const domains = scope ?? (['tendering', 'land', 'procurement', 'rural'] as const);

  return (
    <Page title="监督管理" sub={scope ? `行业监管:${scope.map((d) => DOMAIN_LABEL[d]).join('、')}领域的投诉` : '全部领域的投诉:受理审查、暂停与恢复项目、作出处理决定'}>
      <OversightTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={16}>
          <Segmented
            value={status}
            onChange={(v) => (setStatus(String(v)), setPage(1))}
            options={[
              { value: 'open', label: '办理中' },
              { value: 'filed', label: '待受理' },
              { value: 'accepted', label: '已受理' },
              { value: 'decided', label: '已决定' },
              { value: 'rejected', label: '不予受理' },
              { value: 'withdrawn', label: '已撤回' },
              { value: 'all', label: '全部' },
            ]}
          />
          {domains.length > 1 && (
            <Select allowClear placeholder="全部领域" style={{ width: 140 }} value={domain} onChange={(v) => (setDomain(v), setPage(1))} options={domains.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))} />
          )}
          <Space>
            <Switch checked={overdue} onChange={(v) => (setOverdue(v), setPage(1))} />
            <span>只看逾期未办结 <ExclamationCircleOutlined style={{ color: '#c92a2a' }} /></span>
          </Space>
        </Space>
      </Card>
      <Loaded state={list} rows={8}>
        {(d) => (
          <Card>
            <Table<Complaint>
              rowKey="id"
              dataSource={d.items}
              locale={{ emptyText: '没有符合条件的投诉' }}
              onRow={(c) => ({ onClick: () => setOpen(c), style: { cursor: 'pointer' } })}
              pagination={status === 'open' ? { pageSize: 20, showTotal: (t) => `共 ${t} 件` } : { current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
              columns={[
                { title: '提出时间', dataIndex: 'filedAt', width: 170, render: time },
                { title: '项目', render: (_, c) => <ProjectCell project={c.project} /> },
                { title: '投诉人', width: 180, render: (_, c) => c.complainant.name },
                { title: '被投诉人', width: 180, render: (_, c) => c.respondent.name },
                {
                  title: '状态',
                  width: 150,
                  render: (_, c) => (
                    <Space size={4} wrap>
                      <StatusTag map={COMPLAINT_STATUS} value={c.status} />
                      {c.suspending && <Badge status="warning" text="项目暂停" />}
                    </Space>
                  ),
                },
                { title: '期限', width: 200, render: (_, c) => <Due c={c} /> },
                { title: '', width: 80, render: (_, c) => <Button size="small" type="link" onClick={() => setOpen(c)} data-testid="complaint-open">办理</Button> },
              ]}
            />
          </Card>
        )}
      </Loaded>
      <Drawer open={!!open} width={760} title={open ? `投诉办理 · ${open.project.name}` : ''} onClose={() => setOpen(null)} destroyOnClose>
        {open && <Detail c={open} onStep={setStep} />}
      </Drawer>
      {open && step && <StepModal complaint={open} step={step} onClose={() => setStep(null)} onDone={done} />}
    </Page>
  );
}
