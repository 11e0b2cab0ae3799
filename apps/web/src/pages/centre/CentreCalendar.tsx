import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import { HostableStep, ProjectListItem } from '../../api/centre-types';
import { Room, SchedulingSession } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, useLoad } from '../../components/states';
import { beijingDay, clock, day, time } from '../../format';
import { ProjectPicker, RefusalBox } from './CentreBits';
import { beijingInputs, beijingInstant, ROOM_KIND, SESSION_PURPOSE, span } from './centre-text';

const DAY = 86400000;
const WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];
const NO_PRESET = {};

interface Calendar {
  from: string;
  to: string;
  sessions: SchedulingSession[];
}

interface ProjectView {
  id: string;
  code: string;
  name: string;
  domain: ProjectListItem['domain'];
  region: string;
  status: ProjectListItem['status'];
  owner: { name: string };
  agent: { name: string } | null;
  publishedAt: string | null;
  createdAt: string;
}

/** 场地登记: name, kind, seats and whether it is sealed off (评标室). */
function RoomForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Room) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const submit = async (v: { name: string; kind: Room['kind']; seats: number; isolated: boolean }) => {
    setBusy(true);
    setRefusal(null);
    try {
      const room = await api.post<Room>('/scheduling/rooms', { name: v.name.trim(), kind: v.kind, seats: v.seats, isolated: !!v.isolated });
      message.success(`已登记场地 ${room.name}`);
      form.resetFields();
      onDone(room);
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="登记场地" onCancel={onClose} footer={null} destroyOnClose width="min(520px, 100vw)">
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'opening_hall', seats: 40, isolated: false }}>
        <Form.Item name="name" label="场地名称" rules={[{ required: true, whitespace: true, message: '请填写场地名称' }, { max: 100, message: '不超过 100 字' }]}>
          <Input placeholder="如:第一开标厅" data-testid="room-name" />
        </Form.Item>
        <Form.Item name="kind" label="场地类型" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={Object.entries(ROOM_KIND).map(([value, label]) => ({ value, label }))} data-testid="room-kind" />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item name="seats" label="座位数" rules={[{ required: true, message: '请填写座位数' }]}>
            <InputNumber min={1} max={1000} precision={0} data-testid="room-seats" />
          </Form.Item>
          <Form.Item name="isolated" label="封闭隔离(评标室)" valuePropName="checked">
            <Switch data-testid="room-isolated" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="room-submit" block>登记</Button>
      </Form>
    </Modal>
  );
}

interface BookingValues {
  roomId?: string;
  projectId?: string;
  purpose: 'opening' | 'evaluation' | 'auction';
  milestoneIds: string[];
  date: string;
  start: string;
  end: string;
  note?: string;
}

/**
 * 预约场次: a room, a project picked from the finder, the purpose, the steps of the project the session hosts (they move
 * with it), the Beijing day and hours. The API refuses overlaps (the exclusion constraint) and says what is in the way.
 */
function BookingForm(props: {
  open: boolean;
  rooms: Room[];
  preset: { roomId?: string; date?: string; project?: ProjectListItem };
  onClose: () => void;
  onDone: (s: SchedulingSession) => void;
}) {
  return (
    <Modal open={props.open} title="预约场次" onCancel={props.onClose} footer={null} destroyOnClose width="min(640px, 100vw)">
      {props.open && <BookingBody {...props} />}
    </Modal>
  );
}

function BookingBody({ rooms, preset, onDone }: { rooms: Room[]; preset: { roomId?: string; date?: string; project?: ProjectListItem }; onDone: (s: SchedulingSession) => void }) {
  const [form] = Form.useForm<BookingValues>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const projectId = Form.useWatch('projectId', form) ?? preset.project?.id;
  const steps = useLoad(() => (projectId ? api.get<HostableStep[]>(`/scheduling/projects/${projectId}/steps`) : Promise.resolve([] as HostableStep[])), [projectId]);

  const hostStep = (ids: string[]) => {
    // a session hosts its steps on their own day: take the day and start from the first one chosen
    const first = (steps.data ?? []).find((s) => ids.includes(s.id));
    if (first) {
      const at = beijingInputs(first.dueAt);
      form.setFieldsValue({ date: at.date, start: at.time });
    }
  };

  const submit = async (v: BookingValues) => {
    const startsAt = beijingInstant(v.date, v.start);
    const endsAt = beijingInstant(v.date, v.end);
    if (!startsAt || !endsAt) return;
    setBusy(true);
    setRefusal(null);
    try {
      const s = await api.post<SchedulingSession>('/scheduling/sessions', { roomId: v.roomId, projectId: v.projectId, purpose: v.purpose, startsAt, endsAt, milestoneIds: v.milestoneIds ?? [], note: v.note?.trim() || undefined });
      message.success(`已预约 ${s.roomName} ${span(s.startsAt, s.endsAt)} ${SESSION_PURPOSE[s.purpose]}`);
      onDone(s);
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="booking-form">
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ purpose: 'opening', start: '09:00', end: '11:00', milestoneIds: [], roomId: preset.roomId ?? rooms[0]?.id, projectId: preset.project?.id, date: preset.date ?? beijingDay(new Date(Date.now() + DAY)) }}
      >
        <Form.Item name="projectId" label="交易项目" rules={[{ required: true, message: '请选择项目' }]}>
          <ProjectPicker statuses={['draft', 'published']} testId="book-project" initial={preset.project} onChange={() => form.setFieldsValue({ milestoneIds: [] })} />
        </Form.Item>
        <Form.Item name="roomId" label="场地" rules={[{ required: true, message: '请选择场地' }]}>
          <Select data-testid="book-room" options={rooms.map((r) => ({ value: r.id, label: `${r.name}(${ROOM_KIND[r.kind]} · ${r.seats} 座)` }))} />
        </Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={Object.entries(SESSION_PURPOSE).map(([value, label]) => ({ value, label }))} data-testid="book-purpose" />
        </Form.Item>
        {projectId && (
          <Form.Item name="milestoneIds" label="承载的交易环节(随场次改期)" extra={steps.data && !steps.data.length ? '该项目没有待进行、可由场次承载的环节' : '所选环节须与场次同日;已公布的时间只能推后,提前须重新公告'}>
            <Checkbox.Group
              onChange={(ids) => hostStep(ids as string[])}
              options={(steps.data ?? []).map((s) => ({ value: s.id, disabled: !!s.sessionId, label: `${s.name.zh} · ${time(s.dueAt).slice(0, 16)}${s.sessionId ? '(已有场次)' : ''}` }))}
              data-testid="book-steps"
            />
          </Form.Item>
        )}
        <Space wrap size={12} align="start">
          <Form.Item name="date" label="日期(北京时间)" rules={[{ required: true, message: '请选择日期' }]}>
            <Input type="date" data-testid="book-date" />
          </Form.Item>
          <Form.Item name="start" label="开始" rules={[{ required: true, message: '请填写开始时间' }]}>
            <Input type="time" data-testid="book-start" />
          </Form.Item>
          <Form.Item
            name="end"
            label="结束"
            dependencies={['start']}
            rules={[
              { required: true, message: '请填写结束时间' },
              ({ getFieldValue }) => ({ validator: async (_, v: string) => { if (v && getFieldValue('start') && v <= getFieldValue('start')) throw new Error('结束须晚于开始'); } }),
            ]}
          >
            <Input type="time" data-testid="book-end" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注">
          <Input maxLength={500} placeholder="如:一标段开标" data-testid="book-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="book-submit" block>预约</Button>
      </Form>
    </div>
  );
}

/** One session: its facts, a move to another day or hours (改期), or a cancellation with a reason. */
function SessionModal({ session, onClose, onChanged }: { session: SchedulingSession | null; onClose: () => void; onChanged: (s: SchedulingSession | null) => void }) {
  return (
    <Modal open={!!session} title={session ? `${SESSION_PURPOSE[session.purpose]}场次` : ''} onCancel={onClose} footer={null} destroyOnClose width="min(600px, 100vw)">
      {session && <SessionBody key={session.id} session={session} onChanged={onChanged} />}
    </Modal>
  );
}

function SessionBody({ session, onChanged }: { session: SchedulingSession; onChanged: (s: SchedulingSession | null) => void }) {
  const [form] = Form.useForm<{ date: string; start: string; end: string; reannounce: boolean }>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const { message, modal } = App.useApp();
  const at = beijingInputs(session.startsAt);
  const move = async (v: { date: string; start: string; end: string; reannounce: boolean }) => {
    const startsAt = beijingInstant(v.date, v.start);
    const endsAt = beijingInstant(v.date, v.end);
    if (!startsAt || !endsAt) return;
    setBusy('move');
    setRefusal(null);
    try {
      const s = await api.patch<SchedulingSession>(`/scheduling/sessions/${session.id}`, { startsAt, endsAt, ...(v.reannounce ? { reannounce: true } : {}) });
      message.success(`已改期至 ${span(s.startsAt, s.endsAt)},已通知项目单位`);
      onChanged(s);
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(null);
    }
  };
  const cancel = () =>
    modal.confirm({
      title: '确认取消场次',
      content: `${session.roomName} ${span(session.startsAt, session.endsAt)} ${SESSION_PURPOSE[session.purpose]}(${session.projectCode})。取消后场地释放,项目单位会收到通知;承载的时间节点不变。`,
      okText: '取消场次',
      okButtonProps: { danger: true, 'data-testid': 'cancel-ok' } as { danger: boolean },
      cancelText: '返回',
      onOk: async () => {
        setBusy('cancel');
        setRefusal(null);
        try {
          await api.post(`/scheduling/sessions/${session.id}/cancel`, { reason: reason.trim() });
          message.success('场次已取消');
          onChanged(null);
        } catch (e) {
          setRefusal(asApiError(e));
        } finally {
          setBusy(null);
        }
      },
    });
  return (
    <div data-testid="session-modal">
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} />
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="项目">{session.projectName}<div className="mono muted">{session.projectCode}</div></Descriptions.Item>
        <Descriptions.Item label="场地">{session.roomName}({ROOM_KIND[session.roomKind]})</Descriptions.Item>
        <Descriptions.Item label="时间(北京时间)">{span(session.startsAt, session.endsAt)}</Descriptions.Item>
        {session.note && <Descriptions.Item label="备注">{session.note}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" title="改期" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" onFinish={move} initialValues={{ date: at.date, start: at.time, end: beijingInputs(session.endsAt).time, reannounce: false }}>
          <Space wrap size={12} align="start">
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><Input type="date" data-testid="move-date" /></Form.Item>
            <Form.Item name="start" label="开始" rules={[{ required: true, message: '请填写' }]}><Input type="time" data-testid="move-start" /></Form.Item>
            <Form.Item name="end" label="结束" rules={[{ required: true, message: '请填写' }]}><Input type="time" data-testid="move-end" /></Form.Item>
          </Space>
          <Form.Item name="reannounce" valuePropName="checked" extra="仅当承载的已公布环节需要提前时勾选:新时间须留足规则规定的公告期,并发布变更公告。">
            <Checkbox>重新公告</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy === 'move'} data-testid="move-submit">改期</Button>
        </Form>
      </Card>
      <Card size="small" title="取消场次">
        <Space.Compact style={{ width: '100%' }}>
          <Input placeholder="取消理由(如:项目暂停)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="cancel-reason" />
          <Button danger disabled={!reason.trim()} loading={busy === 'cancel'} onClick={cancel} data-testid="cancel-session">取消场次</Button>
        </Space.Compact>
      </Card>
    </div>
  );
}

/** The centre's week: rooms × days. Register rooms, book sessions, drag one to another day or open it to move or cancel it. */
export function CentreCalendar() {
  const [params, setParams] = useSearchParams();
  const [anchor, setAnchor] = useState(() => (/^\d{4}-\d{2}-\d{2}$/.test(params.get('week') ?? '') ? params.get('week')! : beijingDay()));
  const { message } = App.useApp();
  const rooms = useLoad(() => api.get<Room[]>('/scheduling/rooms'), []);
  const cal = useLoad(() => api.get<Calendar>('/scheduling/calendar', { week: anchor }), [anchor]);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [roomForm, setRoomForm] = useState(false);
  const [booking, setBooking] = useState<{ roomId?: string; date?: string; project?: ProjectListItem } | null>(null);
  const [opened, setOpened] = useState<SchedulingSession | null>(null);
  // A ref, not state: dragover can fire before React re-renders after dragstart.
  const dragging = useRef<SchedulingSession | null>(null);
  const shift = (weeks: number) => setAnchor(beijingDay(new Date(new Date(`${anchor}T12:00:00+08:00`).getTime() + weeks * 7 * DAY)));

  // /workspace/centre/calendar?book=<projectId>: the tender desk's "预约场地" opens the form with the project chosen.
  const bookFor = params.get('book');
  useEffect(() => {
    if (!bookFor) return;
    api.get<ProjectView>(`/projects/${bookFor}`).then(
      (p) => setBooking({ project: { id: p.id, code: p.code, name: p.name, domain: p.domain, region: p.region, status: p.status, ownerName: p.owner.name, agentName: p.agent?.name ?? null, publishedAt: p.publishedAt, createdAt: p.createdAt } }),
      (e) => setRefusal(asApiError(e)),
    );
    params.delete('book');
    setParams(params, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bookFor]);

  const move = async (s: SchedulingSession, toDay: string) => {
    const delta = new Date(`${toDay}T00:00:00+08:00`).getTime() - new Date(`${day(s.startsAt)}T00:00:00+08:00`).getTime();
    if (!delta) return;
    setRefusal(null);
    try {
      await api.patch(`/scheduling/sessions/${s.id}`, { startsAt: new Date(new Date(s.startsAt).getTime() + delta).toISOString(), endsAt: new Date(new Date(s.endsAt).getTime() + delta).toISOString() });
      message.success(`已将 ${s.projectName} 的${SESSION_PURPOSE[s.purpose]}改到 ${toDay},已通知项目单位`);
      cal.reload();
    } catch (e) {
      setRefusal(asApiError(e));
    }
  };

  const days = useMemo(() => {
    const start = cal.data ? new Date(cal.data.from).getTime() : 0;
    return Array.from({ length: 7 }, (_, i) => beijingDay(new Date(start + i * DAY + 12 * 3600000)));
  }, [cal.data]);
  const today = beijingDay();

  return (
    <Page
      title="场地日历"
      sub="登记场地、预约场次;拖动场次到另一天或点开场次改期、取消。同一场地时段冲突由系统拒绝,改期同步顺延承载的环节并通知项目单位。"
      extra={
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRoomForm(true)} data-testid="new-room">登记场地</Button>
          <Button type="primary" icon={<CalendarOutlined />} disabled={!rooms.data?.length} onClick={() => setBooking({})} data-testid="new-session">预约场次</Button>
        </Space>
      }
    >
      <RefusalBox error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={rooms}>
        {(roomList) =>
          !roomList.length ? (
            <Card>
              <Empty description="尚未登记场地:先登记开标厅、评标室或拍卖厅,再预约场次">
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRoomForm(true)}>登记第一个场地</Button>
              </Empty>
            </Card>
          ) : (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <Button icon={<LeftOutlined />} onClick={() => shift(-1)}>上一周</Button>
                <Button onClick={() => setAnchor(beijingDay())}>本周</Button>
                <Button onClick={() => shift(1)} data-testid="next-week">下一周 <RightOutlined /></Button>
                {cal.data && <span className="muted" data-testid="week-range">{days[0]} 至 {days[6]}</span>}
              </Space>
              <Loaded state={cal}>
                {(c) => (
                  <Card styles={{ body: { padding: 0 } }} data-testid="calendar">
                    <div className="cal-scroll">
                      <div className="cal-grid">
                        <div className="cal-head">场地</div>
                        {days.map((d, i) => (
                          <div key={d} className={`cal-head${d === today ? ' today' : ''}`}>
                            周{WEEKDAY[i]} {d.slice(5)}
                          </div>
                        ))}
                        {roomList.map((room) => (
                          <div key={room.id} style={{ display: 'contents' }}>
                            <div className="cal-room">
                              {room.name}
                              <div className="muted" style={{ fontSize: 12 }}>{ROOM_KIND[room.kind]} · {room.seats} 座</div>
                            </div>
                            {days.map((d) => {
                              const key = `${room.id}/${d}`;
                              const here = c.sessions.filter((s) => s.roomId === room.id && day(s.startsAt) === d && s.status === 'booked');
                              return (
                                <div
                                  key={key}
                                  className={`cal-cell${over === key ? ' drop' : ''}`}
                                  data-testid={`cell-${room.name}-${d}`}
                                  title={d >= today ? '点击空白处预约场次' : undefined}
                                  onClick={(e) => {
                                    if (e.target === e.currentTarget && d >= today) setBooking({ roomId: room.id, date: d });
                                  }}
                                  onDragOver={(e) => {
                                    if (dragging.current?.roomId === room.id) {
                                      e.preventDefault();
                                      setOver(key);
                                    }
                                  }}
                                  onDragLeave={() => setOver((o) => (o === key ? null : o))}
                                  onDrop={(e) => {
                                    e.preventDefault();
                                    setOver(null);
                                    if (dragging.current) void move(dragging.current, d);
                                    dragging.current = null;
                                  }}
                                >
                                  {here.map((s) => (
                                    <Tooltip key={s.id} title={`${s.projectCode} ${s.projectName}${s.note ? ` · ${s.note}` : ''}`}>
                                      <div
                                        className={`cal-session ${s.purpose}`}
                                        draggable
                                        onClick={() => setOpened(s)}
                                        onDragStart={(e) => {
                                          dragging.current = s;
                                          e.dataTransfer.effectAllowed = 'move';
                                          e.dataTransfer.setData('text/plain', s.id);
                                        }}
                                        onDragEnd={() => (dragging.current = null)}
                                        data-testid="session"
                                      >
                                        <b>{clock(s.startsAt).slice(0, 5)}–{clock(s.endsAt).slice(0, 5)}</b> {SESSION_PURPOSE[s.purpose]}
                                        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{s.projectName}</div>
                                      </div>
                                    </Tooltip>
                                  ))}
                                </div>
                              );
                            })}
                          </div>
                        ))}
                      </div>
                    </div>
                  </Card>
                )}
              </Loaded>
              <Card size="small" title={`已登记场地(${roomList.length})`} style={{ marginTop: 16 }}>
                <Table<Room>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={roomList}
                  scroll={{ x: 480 }}
                  columns={[
                    { title: '场地', dataIndex: 'name' },
                    { title: '类型', dataIndex: 'kind', render: (k) => ROOM_KIND[k] ?? k },
                    { title: '座位', dataIndex: 'seats', width: 80, align: 'right' },
                    { title: '封闭隔离', dataIndex: 'isolated', width: 100, render: (v) => (v ? <Tag color="blue">是</Tag> : '否') },
                  ]}
                />
              </Card>
            </>
          )
        }
      </Loaded>
      <RoomForm open={roomForm} onClose={() => setRoomForm(false)} onDone={() => (setRoomForm(false), rooms.reload())} />
      <BookingForm
        open={!!booking}
        rooms={rooms.data ?? []}
        preset={booking ?? NO_PRESET}
        onClose={() => setBooking(null)}
        onDone={(s) => {
          setBooking(null);
          setAnchor(day(s.startsAt));
          cal.reload();
        }}
      />
      <SessionModal
        session={opened}
        onClose={() => setOpened(null)}
        onChanged={(s) => {
          setOpened(null);
          if (s) setAnchor(day(s.startsAt));
          cal.reload();
        }}
      />
    </Page>
  );
}
