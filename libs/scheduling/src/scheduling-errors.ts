import { defineErrors } from '@app/platform/errors/domain-error';

export const SchedulingErrors = defineErrors({
  ROOM_NOT_FOUND: { status: 404, zh: '场地不存在', en: 'Room not found' },
  ROOM_NAME_TAKEN: { status: 409, zh: '已有同名场地', en: 'A room with this name exists already' },
  SESSION_NOT_FOUND: { status: 404, zh: '场次不存在', en: 'Session not found' },
  SESSION_CONFLICT: { status: 409, zh: '该场地在此时段已被预约', en: 'The room is booked for part of this time already' },
  SESSION_NOT_BOOKED: { status: 409, zh: '场次已取消,不能再调整', en: 'The session is cancelled and cannot change' },
  SESSION_RANGE_INVALID: { status: 422, zh: '场次须在将来,结束时间晚于开始时间,且不超过 7 天', en: 'A session lies in the future, ends after it starts and lasts at most 7 days' },
  PROJECT_NOT_SCHEDULABLE: { status: 409, zh: '项目已结束或已撤销,不能预约场地', en: 'The project is closed or cancelled; no room can be booked for it' },
  MILESTONE_NOT_DRIVABLE: { status: 422, zh: '关联的时间节点须属于本项目且尚未到期', en: 'A linked milestone must be a pending one of this project' },
  SESSION_HOSTED_STEP_OTHER_DAY: { status: 422, zh: '场次只能承载同一日(北京时间)的交易环节', en: 'A session hosts only steps on its own day (Beijing time)' },
  SESSION_BEFORE_PUBLISHED_TIME: {
    status: 409,
    zh: '调整后的时间早于已公布的时间;如需提前,须重新公告并留足规则规定的公告期',
    en: 'The move brings a published time forward; that needs a re-announcement with the rule’s full notice period',
  },
  SESSION_REANNOUNCE_TOO_SOON: { status: 409, zh: '重新公告的时间须不早于现在加上规则规定的公告期', en: 'A re-announced time must be at least the rule’s notice period from now' },
  CALENDAR_WINDOW_INVALID: { status: 422, zh: '请给出 day、week 或 from 与 to 之一,时间窗口不超过 31 天', en: 'Give one of day, week, or from and to; the window is at most 31 days' },
});
