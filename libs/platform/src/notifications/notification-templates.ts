// The text of every notification the platform sends, one entry per template name used in `notifications.enqueue`.
// A template that may be sent while bids are sealed (`sealed: true`) names neither a price nor another bidder (法 22).

export type NotificationParams = Record<string, unknown>;

export interface NotificationTemplate {
  /** may be sent before the opening: its text reads no price and no other party's name */
  sealed: boolean;
  title: (p: NotificationParams) => string;
  text: (p: NotificationParams) => string;
}

export interface RenderedNotification {
  title: string;
  text: string;
}

const str = (v: unknown): string => (v === undefined || v === null || v === '' ? '—' : String(v));

/** An ISO instant as Beijing wall time, "2026-12-07 19:30". */
export function beijingTime(v: unknown): string {
  if (typeof v !== 'string' && !(v instanceof Date)) return '—';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '—';
  const b = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${b.slice(0, 10)} ${b.slice(11, 16)}`;
}

/** The project as the recipient knows it: its code, and its name where the sender gave one. */
const project = (p: NotificationParams): string => {
  const code = p.projectCode ?? p.code;
  return p.name ? `${str(code)}「${str(p.name)}」` : p.projectName ? `${str(code)}「${str(p.projectName)}」` : str(code);
};
const section = (p: NotificationParams): string => (p.section === undefined ? '' : `第 ${str(p.section)} 标段`);
const yuan = (v: unknown): string => `${str(v)} 元`;

const OUTCOME_ZH: Record<string, string> = { upheld: '投诉成立', dismissed: '投诉驳回' };

export const NOTIFICATION_TEMPLATES: Record<string, NotificationTemplate> = {
  // 建设工程招投标: documents, clarifications and amendments while bids are sealed
  'tender.clarification': {
    sealed: true,
    title: (p) => `招标文件澄清答复:${project(p)}`,
    text: (p) => `项目 ${project(p)} 的招标人对投标人的提问作出了答复,请登录查看澄清内容。答复对全部已报名投标人同等发布,不载明提问人。`,
  },
  'tender.amendment': {
    sealed: true,
    title: (p) => `招标文件修改:${project(p)}`,
    text: (p) =>
      `项目 ${project(p)} 发布了招标文件修改,请下载修改文件(SHA-256 ${str(p.sha256).slice(0, 16)}…)。` +
      (p.moved ? `投标截止时间顺延至 ${beijingTime(p.bidDeadline)}。` : `投标截止时间仍为 ${beijingTime(p.bidDeadline)}。`),
  },
  'tender.opened': {
    sealed: false,
    title: (p) => `开标完成:${project(p)}`,
    text: (p) => `项目 ${project(p)} 已开标,开标记录可在项目页面查看。`,
  },
  'tender.failed': {
    sealed: false,
    title: (p) => `流标:${project(p)}`,
    text: (p) => `项目 ${project(p)} 投标截止时递交的投标文件不足法定数量,本次招标失败(流标),招标人将依法重新招标。`,
  },
  // evaluation, publicity, objections and award
  'tendering.section_failed': {
    sealed: false,
    title: (p) => `标段流标:${project(p)} ${section(p)}`,
    text: (p) => `项目 ${project(p)} ${section(p)}经评审所有投标均被否决,该标段招标失败。`,
  },
  'tendering.report_ready': {
    sealed: false,
    title: (p) => `评标报告已提交:${project(p)} ${section(p)}`,
    text: (p) => `评标委员会已提交 ${project(p)} ${section(p)}的评标报告,推荐中标候选人 ${str(p.candidates)} 名。请在 ${str(p.publishWithin)} 日内公示中标候选人。`,
  },
  'tendering.report_signed': {
    sealed: false,
    title: (p) => `评标报告已全体签字:${project(p)} ${section(p)}`,
    text: (p) => `评标委员会全体成员已在 ${project(p)} ${section(p)}的评标报告上签字${Number(p.dissents) > 0 ? `,其中 ${str(p.dissents)} 名成员附书面不同意见` : ''}。`,
  },
  'tendering.candidates_published': {
    sealed: false,
    title: (p) => `中标候选人公示:${project(p)} ${section(p)}`,
    text: (p) => {
      const list = Array.isArray(p.candidates) ? (p.candidates as { rank?: unknown; bidderName?: unknown; price?: unknown }[]) : [];
      const names = list.map((c) => `第${str(c.rank)}名 ${str(c.bidderName)}(投标报价 ${yuan(c.price)})`).join(';');
      return `项目 ${project(p)} ${section(p)}中标候选人公示至 ${beijingTime(p.publicityUntil)}:${names || '—'}。对公示结果有异议的,请在公示期内提出。`;
    },
  },
  'tendering.objection_raised': {
    sealed: false,
    title: (p) => `收到异议:${project(p)} ${section(p)}`,
    text: (p) => `项目 ${project(p)} ${section(p)}收到一项对评标结果的异议,请在 ${beijingTime(p.replyDue)} 前答复;答复前暂停招标投标活动。`,
  },
  'tendering.objection_answered': {
    sealed: false,
    title: (p) => `异议已答复:${project(p)}`,
    text: (p) => `您对项目 ${project(p)} 提出的异议已收到答复,请登录查看答复内容。`,
  },
  // 招标文件异议 (条例 22): sent while bids are sealed; the objector is a pseudonym, never a name
  'tender.document_objection_raised': {
    sealed: true,
    title: (p) => `收到招标文件异议:${project(p)}`,
    text: (p) => `项目 ${project(p)} 收到${str(p.handle)}对招标文件的异议,请在 ${beijingTime(p.replyDue)} 前答复;答复前不开标。`,
  },
  'tender.document_objection_answered': {
    sealed: true,
    title: (p) => `招标文件异议已答复:${project(p)}`,
    text: (p) => `项目 ${project(p)} 的招标文件异议已答复。异议:${str(p.content)} 答复:${str(p.reply)}`,
  },
  'tendering.award_notice': {
    sealed: false,
    title: (p) => `中标通知书:${project(p)} ${section(p)}`,
    text: (p) => `贵单位为项目 ${project(p)} ${section(p)}的中标人,中标价 ${yuan(p.price)}。请于 ${beijingTime(p.contractDue)} 前与招标人签订书面合同。`,
  },
  'tendering.award_result': {
    sealed: false,
    title: (p) => `中标结果通知:${project(p)} ${section(p)}`,
    text: (p) => `项目 ${project(p)} ${section(p)}的中标人为 ${str(p.winner)},中标价 ${yuan(p.price)}。感谢贵单位参与投标。`,
  },
  // 政府采购电子卖场 网上竞价
  'procurement.quote_won': {
    sealed: false,
    title: (p) => `网上竞价成交:${str(p.title)}`,
    text: (p) => `您在「${str(p.title)}」第 ${str(p.round)} 轮网上竞价中成交,请按订单履约。`,
  },
  'procurement.quote_lost': {
    sealed: false,
    title: (p) => `网上竞价结果:${str(p.title)}`,
    text: (p) => `「${str(p.title)}」第 ${str(p.round)} 轮网上竞价已确定成交供应商,您的报价未成交。感谢参与。`,
  },
  'procurement.quote_failed': {
    sealed: false,
    title: (p) => `网上竞价失败:${str(p.title)}`,
    text: (p) => `「${str(p.title)}」第 ${str(p.round)} 轮网上竞价有效报价不足,本轮竞价失败。`,
  },
  // 评标专家 draws
  'expert.draw.invitation': {
    sealed: true,
    title: (p) => `评标邀请:${project(p)}`,
    text: (p) => `您被随机抽取为项目 ${project(p)} 的评审专家,评审时间 ${beijingTime(p.sessionStart)} 至 ${beijingTime(p.sessionEnd)}。请于 ${beijingTime(p.respondBy)} 前确认是否参加。`,
  },
  'expert.draw.failed': {
    sealed: true,
    title: (p) => `专家抽取失败:${project(p)}`,
    text: (p) => `项目 ${project(p)} 的专家抽取未能凑足人数(缺 ${str(p.shortfall)} 人),请调整条件后重新抽取。`,
  },
  'expert.draw.short': {
    sealed: true,
    title: (p) => `专家人数不足:${project(p)}`,
    text: (p) => `项目 ${project(p)} 的专家抽取补抽后仍缺 ${str(p.shortfall)} 人,请处理。`,
  },
  // 场地与场次
  'scheduling.session_moved': {
    sealed: true,
    title: (p) => `场次时间调整:${project(p)}`,
    text: (p) =>
      `项目 ${project(p)} 在 ${str(p.roomName)} 的场次由 ${beijingTime(p.previousStartsAt)} 调整为 ${beijingTime(p.startsAt)} 至 ${beijingTime(p.endsAt)}。` +
      (p.reannounced ? '相关时间节点已随之顺延并重新公告。' : ''),
  },
  'scheduling.session_cancelled': {
    sealed: true,
    title: (p) => `场次取消:${project(p)}`,
    text: (p) => `项目 ${project(p)} 原定 ${beijingTime(p.startsAt)} 在 ${str(p.roomName)} 的场次已取消。原因:${str(p.reason)}。`,
  },
  // 投诉
  'complaint.filed': {
    sealed: true,
    title: (p) => `收到投诉:${project(p)}`,
    text: (p) => `监督部门收到一项涉及贵单位在项目 ${project(p)} 中的投诉,请登录查看并按要求说明情况。`,
  },
  'complaint.accepted': {
    sealed: true,
    title: (p) => `投诉已受理:${project(p)}`,
    text: (p) => `您对项目 ${project(p)} 的投诉已受理,监督部门将于 ${beijingTime(p.decisionDue)} 前作出处理决定。`,
  },
  'complaint.rejected': {
    sealed: true,
    title: (p) => `投诉不予受理:${project(p)}`,
    text: (p) => `您对项目 ${project(p)} 的投诉不予受理,请登录查看理由。`,
  },
  'complaint.decided': {
    sealed: true,
    title: (p) => `投诉处理决定:${project(p)}`,
    text: (p) => `项目 ${project(p)} 的投诉已作出处理决定:${OUTCOME_ZH[String(p.outcome)] ?? str(p.outcome)}。请登录查看决定书。`,
  },
};

/** The text of a notification; a template without an entry (an old row, a new sender) still reads as something. */
export function renderNotification(template: string, params: NotificationParams): RenderedNotification {
  const t = NOTIFICATION_TEMPLATES[template];
  if (!t) return { title: `Notification (${template})`, text: `A notification of type "${template}" was sent to you; its Chinese text is not available.` };
  return { title: t.title(params), text: t.text(params) };
}
