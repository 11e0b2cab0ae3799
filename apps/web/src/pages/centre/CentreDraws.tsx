import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Badge, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import { DeskDraw, DrawPage, ProjectListItem, ReplayResult, Specialty } from '../../api/centre-types';
import { DrawMember, Tender } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { asApiError, ErrorState, Loaded, useLoad } from '../../components/states';
import { beijingDay, DOMAIN_LABEL, shortHash, time } from '../../format';
import { SECTION_STATUS } from '../../labels';
import { drawerWidth, ProjectPicker, RefusalBox, useNow } from './CentreBits';
import { beijingInstant, DRAW_STATUS, MEMBER_STATUS, shortfallLines, span } from './centre-text';

const TABS: { key: string; label: string; status?: string }[] = [
  { key: 'active', label: '进行中', status: 'pending,inviting,short,complete' },
  { key: 'opened', label: '评标中', status: 'opened' },
  { key: 'finished', label: '已结束', status: 'finished' },
  { key: 'failed', label: '抽取失败', status: 'failed' },
  { key: 'all', label: '全部' },
];
/** Before the session opens the draw changes by itself (the worker draws, experts answer): the page watches it. */
const MOVING = ['pending', 'inviting', 'short', 'complete'];

type Names = (code: string) => string;

function useSpecialties(): { list: Specialty[]; name: Names } {
  const s = useLoad(() => api.get<Specialty[]>('/specialties'), []);
  const list = s.data ?? [];
  const byCode = useMemo(() => new Map(list.map((x) => [x.code, x.nameZh])), [list]);
  const name = useCallback((code: string) => (byCode.has(code) ? `${code} ${byCode.get(code)}` : code), [byCode]);
  return { list, name };
}

interface RequestValues {
  projectId?: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  ownerRepresentatives: number;
  requirements: { specialty?: string; count: number; reserves: number }[];
  bidderUsccs: string[];
}

/**
 * 申请抽取: the project (published, picked from the finder), the evaluation session in Beijing time, the committee's
 * shape (experts per specialty, reserves, owner's representatives) and further bidders to avoid. The API checks the
 * shape against the project's rules and the pool before it commits a seed.
 */
function RequestForm({ project, specialties, name, onDone }: { project?: ProjectListItem; specialties: Specialty[]; name: Names; onDone: (d: DeskDraw) => void }) {
  const [form] = Form.useForm<RequestValues>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const reqs = Form.useWatch('requirements', form) ?? [];
  const reps = Form.useWatch('ownerRepresentatives', form) ?? 0;
  const experts = reqs.reduce((n, r) => n + (Number(r?.count) || 0), 0);
  const tomorrow = beijingDay(new Date(Date.now() + 86400000));

  const submit = async (v: RequestValues) => {
    const sessionStart = beijingInstant(v.startDate, v.startTime);
    const sessionEnd = beijingInstant(v.endDate, v.endTime);
    if (!sessionStart || !sessionEnd) return;
    setBusy(true);
    setRefusal(null);
    try {
      const d = await api.post<DeskDraw>('/expert-draws', {
        projectId: v.projectId,
        sessionStart,
        sessionEnd,
        ownerRepresentatives: v.ownerRepresentatives ?? 0,
        requirements: v.requirements.map((r) => ({ specialty: r.specialty, count: r.count, reserves: r.reserves ?? 0 })),
        ...(v.bidderUsccs?.length ? { bidderUsccs: v.bidderUsccs.map((u) => u.trim().toUpperCase()) } : {}),
      });
      message.success('已申请抽取,系统正在按已承诺的种子抽取');
      onDone(d);
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="draw-request">
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} specialtyName={name} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ projectId: project?.id, startDate: tomorrow, startTime: '09:00', endDate: tomorrow, endTime: '17:00', ownerRepresentatives: 0, requirements: [{ count: 5, reserves: 2 }], bidderUsccs: [] }}
      >
        <Form.Item name="projectId" label="交易项目(已发布)" rules={[{ required: true, message: '请选择项目' }]}>
          <ProjectPicker statuses={['published']} testId="draw-project" initial={project} />
        </Form.Item>
        <Space wrap size={12} align="start">
          <Form.Item name="startDate" label="评标开始日期" rules={[{ required: true, message: '请选择日期' }]}><Input type="date" data-testid="draw-start-date" /></Form.Item>
          <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请填写' }]}><Input type="time" step={1} data-testid="draw-start-time" /></Form.Item>
          <Form.Item name="endDate" label="结束日期" rules={[{ required: true, message: '请选择日期' }]}><Input type="date" data-testid="draw-end-date" /></Form.Item>
          <Form.Item name="endTime" label="结束时间" rules={[{ required: true, message: '请填写' }]}><Input type="time" step={1} data-testid="draw-end-time" /></Form.Item>
        </Space>
        <div className="muted" style={{ marginTop: -12, marginBottom: 12 }}>北京时间。专家须在答复时限内且评标开始前答复;评标开始时公开种子与名单。</div>
        <Typography.Text strong>各专业抽取人数</Typography.Text>
        <Form.List name="requirements">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'specialty']} rules={[{ required: true, message: '请选择专业' }]} style={{ minWidth: 240, marginBottom: 8 }}>
                    <Select
                      showSearch
                      placeholder="专业(代码或名称)"
                      optionFilterProp="label"
                      options={specialties.map((s) => ({ value: s.code, label: `${s.code} ${s.nameZh}` }))}
                      data-testid={`draw-specialty-${i}`}
                      style={{ width: 260, maxWidth: '80vw' }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} rules={[{ required: true, message: '人数' }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={1} max={25} precision={0} addonBefore="专家" addonAfter="人" style={{ width: 150 }} data-testid={`draw-count-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reserves']} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} max={25} precision={0} addonBefore="备选" addonAfter="人" style={{ width: 150 }} data-testid={`draw-reserves-${i}`} />
                  </Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除该专业" />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ count: 1, reserves: 1 })} style={{ margin: '4px 0 16px' }}>增加专业</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="ownerRepresentatives" label="招标人代表人数">
          <InputNumber min={0} max={20} precision={0} addonAfter="人" style={{ width: 120 }} data-testid="draw-reps" />
        </Form.Item>
        <Alert
          type={experts + reps >= 5 && (experts + reps) % 2 === 1 ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={`评标委员会 ${experts + reps} 人:专家 ${experts} 人,招标人代表 ${reps} 人`}
          description="依法须为 5 人以上单数,专家不少于三分之二(以项目规则为准,由系统校验)。"
        />
        <Form.Item name="bidderUsccs" label="另需回避的投标人(统一社会信用代码,可选)" extra="已在本平台报名的投标人、项目的招标人和代理机构会自动回避。">
          <Select mode="tags" tokenSeparators={[',', ',', ' ', '\n']} placeholder="粘贴或输入代码后回车" open={false} data-testid="draw-avoid" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="draw-submit">申请抽取</Button>
      </Form>
    </div>
  );
}

/** 组建评标委员会: seat the accepted experts on an opened section of the tender (the tender's own rule checks the committee). */
function SeatCommittee({ draw, name }: { draw: DeskDraw; name: Names }) {
  const tender = useLoad(() => api.get<Tender>(`/tenders/${draw.projectId}`), [draw.projectId]);
  const [busy, setBusy] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const seat = async (no: number) => {
    setBusy(no);
    setRefusal(null);
    try {
      await api.post(`/tenders/${draw.projectId}/sections/${no}/evaluation`, { drawId: draw.id });
      message.success(`第 ${no} 标段评标委员会已组建,评标开始`);
      tender.reload();
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="组建评标委员会" style={{ marginBottom: 16 }} data-testid="seat-card">
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} specialtyName={name} />
      <Loaded state={tender} rows={2}>
        {(t) => (
          <Table
            size="small"
            rowKey="no"
            pagination={false}
            dataSource={t.sections}
            scroll={{ x: 420 }}
            columns={[
              { title: '标段', render: (_, s) => `第 ${s.no} 标段 · ${s.name}` },
              { title: '状态', dataIndex: 'status', width: 90, render: (v) => <Tag>{SECTION_STATUS[v] ?? v}</Tag> },
              {
                title: '',
                width: 150,
                render: (_, s) =>
                  s.status === 'opened' ? (
                    <Button type="primary" size="small" loading={busy === s.no} onClick={() => seat(s.no)} data-testid={`seat-${s.no}`}>入席并开始评标</Button>
                  ) : s.status === 'open' ? (
                    <span className="muted">尚未开标</span>
                  ) : null,
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}

function Members({ draw, name }: { draw: DeskDraw; name: Names }) {
  const members = useLoad(() => api.get<DrawMember[]>(`/expert-draws/${draw.id}/members`), [draw.id, draw.status]);
  if (members.error) return <Alert type="info" showIcon icon={<LockOutlined />} message="专家名单密封中" description={members.error.zh} />;
  return (
    <Loaded state={members} empty={(m) => !m.length} emptyText="暂无名单">
      {(m) => (
        <Table size="small" rowKey="invitationId" pagination={false} dataSource={m} scroll={{ x: 640 }} data-testid="members" columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'employerName' },
          { title: '专业', dataIndex: 'specialty', render: name },
          { title: '类别', dataIndex: 'kind', render: (k) => (k === 'primary' ? '正选' : '备选') },
          { title: '轮次', dataIndex: 'round', render: (r) => (r === 0 ? '首轮' : `第 ${r} 轮补抽`) },
          { title: '答复', dataIndex: 'status', render: (s) => MEMBER_STATUS[s] ?? s },
        ]} />
      )}
    </Loaded>
  );
}

function Replay({ draw }: { draw: DeskDraw }) {
  const [result, setResult] = useState<ReplayResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setResult(await api.get<ReplayResult>(`/expert-draws/${draw.id}/replay`));
      setError(null);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={run} loading={busy} data-testid="replay">按记录重放核验</Button>
      <RefusalBox error={error} />
      {result && (
        <Alert
          type={result.agrees ? 'success' : 'error'}
          showIcon
          icon={result.agrees ? <CheckCircleTwoTone twoToneColor="#2f9e44" /> : <CloseCircleTwoTone twoToneColor="#c92a2a" />}
          message={result.agrees ? `重放结果与记录一致(${result.checks.length} 项核对全部通过)` : `重放结果与记录不一致:${result.checks.filter((c) => !c.ok).map((c) => c.check).join('、')}`}
          description={result.note?.zh}
          data-testid="replay-result"
        />
      )}
    </Space>
  );
}

/** One draw, watched while it changes by itself: status, shortfall, top-up (补抽), seating, the list once opened, finishing. */
function DrawDetail({ id, name, onChanged }: { id: string; name: Names; onChanged: () => void }) {
  const draw = useLoad(() => api.get<DeskDraw>(`/expert-draws/${id}`), [id]);
  const now = useNow(1000);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [next, setNext] = useState({ startDate: '', startTime: '', endDate: '', endTime: '' });
  const [postpone, setPostpone] = useState(false);
  const { message, modal } = App.useApp();
  const status = draw.data?.status;
  useEffect(() => {
    if (!status || !MOVING.includes(status)) return;
    const h = setInterval(() => draw.reload(), 3000);
    return () => clearInterval(h);
  }, [status, draw.reload]);

  if (draw.error && !draw.data) return <ErrorState error={draw.error} onRetry={draw.reload} />;
  if (!draw.data) return <Loaded state={draw}>{() => null}</Loaded>;
  const d = draw.data;
  const started = now >= new Date(d.sessionStart).getTime();
  const st = DRAW_STATUS[d.status];

  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setRefusal(null);
    try {
      await fn();
      message.success(done);
      draw.reload();
      onChanged();
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(null);
    }
  };
  const topUp = () => {
    const body = started ? { sessionStart: beijingInstant(next.startDate, next.startTime), sessionEnd: beijingInstant(next.endDate, next.endTime) } : {};
    modal.confirm({
      title: '确认补抽',
      content: started ? `评标已开始:补抽后评标推迟至 ${body.sessionStart ? time(body.sessionStart) : '—'},补抽的专家须在此前答复。` : '以新的随机种子(先写入审计链)一次性抽取所缺人数,并立即通知专家。',
      okText: '补抽',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'top-up-ok' } as Record<string, string>,
      onOk: () => act('top-up', () => api.post(`/expert-draws/${d.id}/top-up`, body), '已补抽,正在通知专家'),
    });
  };
  const finish = () =>
    modal.confirm({
      title: '确认评标结束',
      content: '接受邀请的专家各记一次评标经历,全过程记录对管理办公室和行业监管部门开放。此操作不可撤回。',
      okText: '评标结束',
      cancelText: '取消',
      onOk: () => act('finish', () => api.post(`/expert-draws/${d.id}/finish`), '已记录评标结束'),
    });

  return (
    <div data-testid="draw-detail">
      <Alert
        type={d.status === 'failed' ? 'error' : d.status === 'short' ? 'warning' : d.status === 'complete' || d.status === 'opened' ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={<span data-testid="draw-status">{st?.text ?? d.status}</span>}
        description={
          <>
            <div>{st?.hint}</div>
            {shortfallLines(d.shortfall, name).map((l) => <div key={l} data-testid="shortfall">{l}</div>)}
            {MOVING.includes(d.status) && <div className="muted">页面每 3 秒自动刷新</div>}
          </>
        }
      />
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} specialtyName={name} />
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="项目">
          {d.projectName} <span className="mono muted">{d.projectCode}</span> <Tag bordered={false}>{DOMAIN_LABEL[d.domain] ?? d.domain}</Tag>
          {d.domain === 'tendering' && <div><Link to={`/workspace/centre/tenders/${d.projectId}/opening`}>开标控制台</Link></div>}
        </Descriptions.Item>
        <Descriptions.Item label="评标时间(北京时间)">{time(d.sessionStart)} 至 {time(d.sessionEnd)}{!started && <span className="muted">(距开始 {Math.ceil((new Date(d.sessionStart).getTime() - now) / 60000)} 分钟)</span>}</Descriptions.Item>
        <Descriptions.Item label="委员会组成">{d.committee ? `${d.committee.size} 人:专家 ${d.committee.experts} 人,招标人代表 ${d.committee.ownerRepresentatives} 人` : '—'}</Descriptions.Item>
        <Descriptions.Item label="各专业">
          {(d.requirements ?? []).map((r) => <div key={r.specialty}>{name(r.specialty)}:{r.count} 人{r.reserves ? `,备选 ${r.reserves} 人` : ''}</div>)}
        </Descriptions.Item>
        <Descriptions.Item label="种子承诺(SHA-256)"><Typography.Text className="mono" copyable style={{ wordBreak: 'break-all' }}>{d.seedCommitment}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label="公开种子">{d.revealedSeed ? <span className="mono" style={{ wordBreak: 'break-all' }}>{d.revealedSeed}</span> : '评标开始时公开'}</Descriptions.Item>
        <Descriptions.Item label="算法">{d.algorithm}</Descriptions.Item>
        <Descriptions.Item label="申请 / 抽取 / 开启">{time(d.createdAt)} / {time(d.drawnAt)} / {time(d.openedAt)}</Descriptions.Item>
      </Descriptions>

      {['inviting', 'complete', 'short', 'opened'].includes(d.status) && (
        <Card size="small" title="补抽" style={{ marginBottom: 16 }}>
          <div className="muted" style={{ marginBottom: 8 }}>拒绝、超时或无人递补的席位,以新的随机种子一次性补足;全部席位已接受或仍在答复时限内时无需补抽。</div>
          {started && !postpone ? (
            <Button onClick={() => setPostpone(true)} data-testid="top-up-postpone">评标已开始:推迟评标并补抽…</Button>
          ) : (
            <>
              {started && (
                <Space wrap size={8} style={{ marginBottom: 8 }}>
                  <span>推迟至(北京时间):</span>
                  <Input type="date" value={next.startDate} onChange={(e) => setNext({ ...next, startDate: e.target.value, endDate: next.endDate || e.target.value })} style={{ width: 150 }} data-testid="top-up-start-date" />
                  <Input type="time" value={next.startTime} onChange={(e) => setNext({ ...next, startTime: e.target.value })} style={{ width: 130 }} data-testid="top-up-start-time" />
                  <span>至</span>
                  <Input type="date" value={next.endDate} onChange={(e) => setNext({ ...next, endDate: e.target.value })} style={{ width: 150 }} data-testid="top-up-end-date" />
                  <Input type="time" value={next.endTime} onChange={(e) => setNext({ ...next, endTime: e.target.value })} style={{ width: 130 }} data-testid="top-up-end-time" />
                </Space>
              )}
              <div>
                <Button type={d.status === 'short' ? 'primary' : 'default'} loading={busy === 'top-up'} disabled={started && !(beijingInstant(next.startDate, next.startTime) && beijingInstant(next.endDate, next.endTime))} onClick={topUp} data-testid="top-up">补抽</Button>
              </div>
            </>
          )}
        </Card>
      )}

      {d.status === 'opened' && d.domain === 'tendering' && <SeatCommittee draw={d} name={name} />}

      <Card size="small" title="专家名单" style={{ marginBottom: 16 }}>
        {d.status === 'opened' || d.status === 'finished' ? <Members draw={d} name={name} /> : <Alert type="info" showIcon icon={<LockOutlined />} message="专家名单密封中" description="评标开始前,名单对交易中心保密;答复情况由系统处理。" />}
      </Card>

      {(d.status === 'opened' || d.status === 'finished') && (
        <Card size="small" title="可验证性" style={{ marginBottom: 16 }}>
          <Replay draw={d} />
        </Card>
      )}
      {d.status === 'opened' && (
        <Button danger loading={busy === 'finish'} onClick={finish} data-testid="finish">评标结束</Button>
      )}
    </div>
  );
}

function DrawTable({ status, tick, onOpen, name }: { status?: string; tick: number; onOpen: (d: DeskDraw) => void; name: Names }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useLoad(() => api.get<DrawPage>('/expert-draws/desk', { status, page, pageSize }), [status, page, pageSize, tick]);
  const moving = (list.data?.items ?? []).some((d) => MOVING.includes(d.status));
  useEffect(() => {
    if (!moving) return;
    const h = setInterval(() => list.reload(), 5000);
    return () => clearInterval(h);
  }, [moving, list.reload]);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Table<DeskDraw>
      rowKey="id"
      loading={list.loading && !list.data}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.data ? '暂无抽取记录' : ' ' }}
      scroll={{ x: 900 }}
      onRow={(d) => ({ onClick: () => onOpen(d), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (n) => `共 ${n} 次抽取`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
      columns={[
        { title: '项目', render: (_, d) => <><a>{d.projectName}</a><div className="mono muted">{d.projectCode}</div></> },
        { title: '领域', dataIndex: 'domain', width: 90, render: (v) => DOMAIN_LABEL[v] ?? v },
        { title: '评标时间', width: 190, render: (_, d) => span(d.sessionStart, d.sessionEnd) },
        { title: '委员会', width: 160, render: (_, d) => (d.requirements ?? []).map((r) => <div key={r.specialty} className="muted">{name(r.specialty)} × {r.count}</div>) },
        { title: '状态', dataIndex: 'status', width: 100, render: (s) => <Tag color={DRAW_STATUS[s]?.color} data-testid="draw-row-status">{DRAW_STATUS[s]?.text ?? s}</Tag> },
        { title: '种子承诺', dataIndex: 'seedCommitment', width: 150, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 12)}</span></Tooltip> },
        { title: '', width: 80, render: () => <Button size="small">详情</Button> },
      ]}
    />
  );
}

/** 专家抽取: request a draw for a picked project, watch it, top it up, seat the committee; names sealed until the session. */
export function CentreDraws() {
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState('active');
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<{ project?: ProjectListItem } | null>(null);
  const { list: specialties, name } = useSpecialties();
  const counts = useLoad(() => api.get<DrawPage>('/expert-draws/desk', { status: 'short', pageSize: 1 }).then((r) => r.total), [tick]);

  // /workspace/centre/draws?request=<projectId>: the tender desk's "申请专家抽取" opens the form with the project chosen.
  const requestFor = params.get('request');
  useEffect(() => {
    if (!requestFor) return;
    api.get<{ id: string; code: string; name: string; domain: ProjectListItem['domain']; region: string; status: ProjectListItem['status']; owner: { name: string }; agent: { name: string } | null; publishedAt: string | null; createdAt: string }>(`/projects/${requestFor}`).then(
      (p) => setRequesting({ project: { id: p.id, code: p.code, name: p.name, domain: p.domain, region: p.region, status: p.status, ownerName: p.owner.name, agentName: p.agent?.name ?? null, publishedAt: p.publishedAt, createdAt: p.createdAt } }),
      () => setRequesting({}),
    );
    params.delete('request');
    setParams(params, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestFor]);

  return (
    <Page
      title="专家抽取"
      sub="随机抽取、回避与通知由系统完成;抽取种子事先写入审计链,专家名单在评标开始前对交易中心密封。"
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting({})} data-testid="new-draw">申请抽取</Button>}
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={TABS.map((x) => ({ key: x.key, label: x.key === 'active' && counts.data ? <Badge count={counts.data} size="small" offset={[10, -2]} title="人数不足,待补抽">{x.label}</Badge> : x.label }))}
        />
        <DrawTable key={tab} status={TABS.find((x) => x.key === tab)?.status} tick={tick} onOpen={(d) => setOpen(d.id)} name={name} />
      </Card>
      <Drawer width={drawerWidth(720)} open={!!requesting} title="申请专家抽取" onClose={() => setRequesting(null)} destroyOnClose>
        {requesting && (
          <RequestForm
            project={requesting.project}
            specialties={specialties}
            name={name}
            onDone={(d) => {
              setRequesting(null);
              setTab('active');
              setTick((n) => n + 1);
              setOpen(d.id);
            }}
          />
        )}
      </Drawer>
      <Drawer width={drawerWidth(760)} open={!!open} title="抽取详情" onClose={() => setOpen(null)} destroyOnClose>
        {open && <DrawDetail id={open} name={name} onChanged={() => setTick((n) => n + 1)} />}
      </Drawer>
    </Page>
  );
}
