/**
 * An audit entry's details as people read them: Chinese field names, money in yuan (fields in fen end in `Fen`), times
 * in Beijing time, a move as "before → after", organisations by name. Strings only for money (never a float).
 */
import { fenToYuan, time, yuan } from './format';

export interface DetailRow {
  label: string;
  value: string;
}

const FIELD: Record<string, string> = {
  reason: '理由', note: '说明', from: '变更前', to: '变更后', status: '状态', outcome: '结果', round: '轮次', section: '标段', sections: '标段',
  code: '编号', name: '名称', domain: '交易领域', region: '行政区划', owner: '招标人/出让人', agent: '代理机构', ruleKind: '规则集', ruleSetVersion: '规则版本',
  bidDeadline: '投标截止时间', previousDeadline: '原截止时间', earliestLawful: '法定最早截止时间', documentsAvailableAt: '文件发售时间', openedAt: '开标时间',
  objectionsUntil: '异议截止', publicityUntil: '公示截止', publishBy: '应公示时间', contractDue: '合同签订期限', refundDue: '应退还日期', signedAt: '签订日期',
  priceFen: '价格', amountFen: '金额', totalFen: '总价', startPriceFen: '起始价', reserveFen: '保留价', awardPriceFen: '中标价', maxPriceFen: '最高限价', depositFen: '保证金',
  organisationId: '单位', winnerOrganisationId: '中标(竞得)单位', buyerOrganisationId: '受让方', paddle: '竞买号', winnerPaddle: '竞得竞买号', bidSeq: '出价序号',
  phase: '阶段', endsAt: '结束时间', startsAt: '开始时间', suspendedAt: '中止时间', resumedAt: '恢复时间', shifted: '顺延的期限', late: '是否逾期',
  method: '方式', reference: '凭证号', guaranteeNo: '保函编号', fileName: '文件名', sha256: 'SHA-256', size: '大小(字节)', documentId: '文件编号',
  milestoneId: '定时步骤', kind: '类别', dueAt: '到期时间', firedAt: '执行时间', seconds: '秒数', username: '用户名', role: '角色', ip: 'IP 地址',
  tender: '招标项目状态', no: '序号', project: '项目',
  content: '内容', replyDue: '答复期限', stage: '阶段', candidates: '中标候选人', rank: '名次', bids: '投标数', bidders: '竞买人数', moved: '是否顺延',
  withdrawn: '放弃的候选人', differsFromAward: '与中标价不一致', notified: '通知人数', drawId: '抽取编号', seedCommitment: '种子承诺', count: '人数',
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One value as text: a fen amount in yuan, a time in Beijing time, an organisation by its name, a flag as 是/否. */
export function valueText(key: string, v: unknown, names: Record<string, string> = {}): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (/Fen$/.test(key) && (typeof v === 'string' || typeof v === 'number') && /^-?\d+$/.test(String(v))) return yuan(fenToYuan(String(v)));
  if (typeof v === 'string' && ISO.test(v)) return time(v);
  if (typeof v === 'string' && UUID.test(v) && names[v]) return names[v];
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object' || x === null) ? v.map((x) => valueText(key, x, names)).join('、') : `${v.length} 项`;
  return JSON.stringify(v);
}

/** The field's Chinese name (`priceFen` → 价格), the code kept when it has none. */
export function fieldLabel(key: string): string {
  return FIELD[key] ?? key;
}

/**
 * The rows of an entry's details: a `from`/`to` pair becomes one 变更 row "before → after"; nested objects are flattened
 * one level ("标段 · 结果"); lists of objects become one row per item.
 */
export function detailRows(payload: unknown, names: Record<string, string> = {}, statusText: (s: string) => string = (s) => s): DetailRow[] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload === null || payload === undefined ? [] : [{ label: '内容', value: valueText('', payload, names) }];
  const p = payload as Record<string, unknown>;
  const rows: DetailRow[] = [];
  if ('from' in p && 'to' in p && (typeof p.to === 'string' || p.to === null)) {
    const text = (x: unknown, k: string) => (typeof x === 'string' && !ISO.test(x) ? statusText(x) : valueText(k, x, names));
    rows.push({ label: '变更', value: `${text(p.from, 'from')} → ${text(p.to, 'to')}` });
  }
  for (const [k, v] of Object.entries(p)) {
    if ((k === 'from' || k === 'to') && rows[0]?.label === '变更') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if ('from' in o && 'to' in o) rows.push({ label: fieldLabel(k), value: `${valueText('from', o.from, names)} → ${valueText('to', o.to, names)}` });
      else for (const [k2, v2] of Object.entries(o)) rows.push({ label: `${fieldLabel(k)} · ${fieldLabel(k2)}`, value: valueText(k2, v2, names) });
    } else if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) {
      v.forEach((item, i) => {
        const parts = Object.entries(item as Record<string, unknown>).map(([k2, v2]) => `${fieldLabel(k2)} ${valueText(k2, v2, names)}`);
        rows.push({ label: `${fieldLabel(k)} ${i + 1}`, value: parts.join(',') });
      });
    } else rows.push({ label: fieldLabel(k), value: valueText(k, v, names) });
  }
  return rows;
}
