import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Space, Tooltip } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import { Room, SchedulingSession } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { beijingDay, clock, day } from '../../format';

const DAY = 86400000;
const WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];
const PURPOSE: Record<string, string> = { opening: '开标', evaluation: '评标', auction: '拍卖' };
const KIND: Record<string, string> = { opening_hall: '开标厅', evaluation_room: '评标室', remote_seat: '远程席位', auction_hall: '拍卖厅' };

interface Calendar {
  from: string;
  to: string;
  sessions: SchedulingSession[];
}

/** The centre's week: rooms × days; drag a session to another day to move it (the API refuses overlaps). */
export function CentreCalendar() {
  const [params] = useSearchParams();
  const [anchor, setAnchor] = useState(() => (/^\d{4}-\d{2}-\d{2}$/.test(params.get('week') ?? '') ? params.get('week')! : beijingDay()));
  const { message } = App.useApp();
  const rooms = useLoad(() => api.get<Room[]>('/scheduling/rooms'), []);
  const cal = useLoad(() => api.get<Calendar>('/scheduling/calendar', { week: anchor }), [anchor]);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [over, setOver] = useState<string | null>(null);
  // A ref, not state: dragover can fire before React re-renders after dragstart.
  const dragging = useRef<SchedulingSession | null>(null);
  const shift = (weeks: number) => setAnchor(beijingDay(new Date(new Date(`${anchor}T12:00:00+08:00`).getTime() + weeks * 7 * DAY)));

  const move = async (s: SchedulingSession, toDay: string) => {
    const delta = new Date(`${toDay}T00:00:00+08:00`).getTime() - new Date(`${day(s.startsAt)}T00:00:00+08:00`).getTime();
    if (!delta) return;
    setRefusal(null);
    try {
      await api.patch(`/scheduling/sessions/${s.id}`, { startsAt: new Date(new Date(s.startsAt).getTime() + delta).toISOString(), endsAt: new Date(new Date(s.endsAt).getTime() + delta).toISOString() });
      message.success(`已将 ${s.projectName} 的${PURPOSE[s.purpose]}改到 ${toDay},已通知项目单位`);
      cal.reload();
    } catch (e) {
      setRefusal(asApiError(e));
    }
  };

  return (
    <Page
      title="场地日历"
      sub="拖动场次到另一天即可改期;同一场地时间冲突由系统拒绝,改期同步顺延相关节点并通知项目单位。"
      extra={
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => shift(-1)}>上一周</Button>
          <Button onClick={() => setAnchor(beijingDay())}>本周</Button>
          <Button onClick={() => shift(1)}>下一周 <RightOutlined /></Button>
        </Space>
      }
    >
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={rooms} empty={(r) => !r.length} emptyText="尚未登记场地">
        {(roomList) => (
          <Loaded state={cal}>
            {(c) => {
              const start = new Date(c.from).getTime();
              const days = Array.from({ length: 7 }, (_, i) => beijingDay(new Date(start + i * DAY + 12 * 3600000)));
              const today = beijingDay();
              return (
                <Card bodyStyle={{ padding: 0 }} data-testid="calendar">
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
                          <div className="muted" style={{ fontSize: 12 }}>{KIND[room.kind]} · {room.seats} 座</div>
                        </div>
                        {days.map((d) => {
                          const key = `${room.id}/${d}`;
                          const here = c.sessions.filter((s) => s.roomId === room.id && day(s.startsAt) === d && s.status === 'booked');
                          return (
                            <div
                              key={key}
                              className={`cal-cell${over === key ? ' drop' : ''}`}
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
                                  <div className={`cal-session ${s.purpose}`} draggable onDragStart={(e) => { dragging.current = s; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', s.id); }} onDragEnd={() => (dragging.current = null)} data-testid="session">
                                    <b>{clock(s.startsAt).slice(0, 5)}–{clock(s.endsAt).slice(0, 5)}</b> {PURPOSE[s.purpose]}
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
                </Card>
              );
            }}
          </Loaded>
        )}
      </Loaded>
    </Page>
  );
}
