// What the centre's pages say about sessions, draws and the API's refusals, in Chinese. Pure, unit-tested.
import { clock, day } from '../../format';

export const SESSION_PURPOSE: Record<string, string> = { opening: '开标', evaluation: '评标', auction: '拍卖' };
export const ROOM_KIND: Record<string, string> = { opening_hall: '开标厅', evaluation_room: '评标室', remote_seat: '远程评标席位', auction_hall: '拍卖厅' };
export const PROJECT_STATUS: Record<string, string> = { draft: '未发布', published: '已发布', suspended: '已暂停', closed: '已结束', cancelled: '已终止' };

export const DRAW_STATUS: Record<string, { text: string; color: string; hint: string }> = {
  pending: { text: '待抽取', color: 'default', hint: '已申请,系统即将按承诺的种子抽取' },
  inviting: { text: '通知中', color: 'processing', hint: '已抽取,正在通知专家并等待答复;拒绝或超时由备选专家或补充抽取递补' },
  complete: { text: '已组成', color: 'success', hint: '全部席位已接受邀请,评标开始时公开种子与名单' },
  short: { text: '人数不足', color: 'warning', hint: '专家库中已无符合条件的专家可递补,可在专家库补充后补抽' },
  failed: { text: '抽取失败', color: 'error', hint: '符合条件的专家不足,未组成委员会;请调整要求后重新申请' },
  opened: { text: '评标中', color: 'blue', hint: '评标已开始:种子已公开,名单对交易中心开放;可组建评标委员会' },
  finished: { text: '已结束', color: 'default', hint: '评标已结束,记录已计入专家评标档案,全过程记录对监管开放' },
};

export const MEMBER_STATUS: Record<string, string> = { standby: '候补', invited: '已通知', accepted: '已接受', declined: '已拒绝', expired: '超时未答复', released: '已释放' };

/** "2026-12-10" + "09:30" (or "09:30:15") in Beijing time → an ISO instant; null when either is not a valid value. */
export function beijingInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const iso = `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || day(d) !== date) return null;
  return d.toISOString();
}

/** An instant as the values of a date input and a time input, in Beijing time. */
export function beijingInputs(value: string | Date): { date: string; time: string } {
  return { date: day(value), time: clock(value).slice(0, 5) };
}

/** "12-10 09:00–11:00" (the end's day too when it differs). */
export function span(startsAt: string | Date, endsAt: string | Date): string {
  const a = day(startsAt);
  const b = day(endsAt);
  return `${a.slice(5)} ${clock(startsAt).slice(0, 5)}–${a === b ? '' : `${b.slice(5)} `}${clock(endsAt).slice(0, 5)}`;
}

interface Refused {
  code: string;
  body: { details?: unknown };
}

type Details = Record<string, unknown>;

/** The lines under a refusal's message that say exactly what was in the way, from the API's `details`. */
export function refusalLines(e: Refused | null, specialtyName: (code: string) => string = (c) => c): string[] {
  if (!e) return [];
  const d = (e.body.details ?? {}) as Details;
  switch (e.code) {
    case 'SESSION_CONFLICT': {
      const c = d.conflictWith as { projectCode?: string; projectName?: string; roomName?: string; purpose?: string; startsAt?: string; endsAt?: string } | null | undefined;
      if (!c) return ['与同一场地的另一场次时间重叠'];
      const what = `${c.projectCode ?? ''}${c.projectName ? ` ${c.projectName}` : ''}`.trim();
      return [`与「${what}」的${SESSION_PURPOSE[c.purpose ?? ''] ?? ''}场次(${c.roomName ? `${c.roomName},` : ''}${c.startsAt && c.endsAt ? span(c.startsAt, c.endsAt) : ''})时间重叠`];
    }
    case 'SESSION_HOSTED_STEP_OTHER_DAY':
      return [`承载的交易环节在 ${d.stepDay} 进行,场次却在 ${d.sessionDay}`];
    case 'SESSION_BEFORE_PUBLISHED_TIME':
      return typeof d.publishedAt === 'string' && typeof d.requested === 'string' ? [`已公布时间 ${day(d.publishedAt)} ${clock(d.publishedAt).slice(0, 5)},调整后为 ${day(d.requested)} ${clock(d.requested).slice(0, 5)}`] : [];
    case 'SESSION_REANNOUNCE_TOO_SOON':
      return typeof d.earliest === 'string' ? [`重新公告后的时间最早为 ${day(d.earliest)} ${clock(d.earliest).slice(0, 5)}`] : [];
    case 'DRAW_COMMITTEE_INVALID':
      return ((d.problems as { zh?: string }[] | undefined) ?? []).map((p) => p.zh ?? '').filter(Boolean);
    case 'DRAW_POOL_TOO_SMALL':
      return ((d.shortfall as { specialty: string; needed: number; available: number }[] | undefined) ?? []).map((s) => `${specialtyName(s.specialty)}:需 ${s.needed} 人(含备选),符合回避条件的仅 ${s.available} 人`);
    case 'DRAW_SPECIALTY_UNKNOWN':
      return [`专业代码不存在:${((d.specialties as string[] | undefined) ?? []).join('、')}`];
    case 'COMMITTEE_SHORT':
      return [
        `已接受 ${d.accepted ?? 0} 人,须 ${d.required ?? '?'} 人,还缺 ${d.missing ?? '?'} 人;请先补抽`,
        ...((d.specialties as { specialty: string; needed: number; accepted: number }[] | undefined) ?? []).map((s) => `${specialtyName(s.specialty)}:须 ${s.needed} 人,已接受 ${s.accepted} 人`),
      ];
    case 'DRAW_COMMITTEE_FULL':
      return ['所有席位均已接受或仍在答复时限内'];
    case 'VALIDATION_FAILED':
      return ((d.errors as { field?: string; message?: string }[] | undefined) ?? []).map((x) => `${x.field ?? ''} ${x.message ?? ''}`.trim());
    default:
      return [];
  }
}

/** What a draw's shortfall says: "A01 建筑工程:需 6 人,仅 4 人可选", or that nobody is left to fill a seat. */
export function shortfallLines(shortfall: { specialty: string; needed: number; available: number }[] | null | undefined, specialtyName: (code: string) => string = (c) => c): string[] {
  return (shortfall ?? []).map((s) => `${specialtyName(s.specialty)}:${s.available === 0 ? `缺 ${s.needed} 人,专家库中已无符合条件的专家可递补` : `需 ${s.needed} 人,仅 ${s.available} 人可选`}`);
}
