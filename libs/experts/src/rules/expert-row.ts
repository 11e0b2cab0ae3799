// 专家入库条件 (评标专家和评标专家库管理办法): who may enter the library, checked one row at a time, without a server.
import { usccProblem } from '@app/platform/identity/uscc';
import { idNumberProblem, normaliseIdNumber } from './id-number';

export const EXPERT_STATUSES = ['active', 'suspended', 'retired'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

export const EXPERT_FIELDS = ['name', 'idNumber', 'phone', 'employerUscc', 'employerName', 'region', 'title', 'qualification', 'specialties', 'status', 'suspendedUntil'] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];

/** How each field is headed in an import file, in Chinese (the template) and English. */
export const FIELD_LABELS: Record<ExpertField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机', en: 'phone' },
  employerUscc: { zh: '工作单位统一社会信用代码', en: 'employer USCC' },
  employerName: { zh: '工作单位', en: 'employer' },
  region: { zh: '地区代码', en: 'region' },
  title: { zh: '职称', en: 'title' },
  qualification: { zh: '执业资格', en: 'qualification' },
  specialties: { zh: '专业代码', en: 'specialties' },
  status: { zh: '状态', en: 'status' },
  suspendedUntil: { zh: '暂停至', en: 'suspended until' },
};

/** One row as read from a file or a request: every cell a string (absent or blank means empty). */
export type ExpertRowInput = Partial<Record<Exclude<ExpertField, 'specialties'>, string | null>> & { specialties?: string | readonly string[] | null };

export interface ExpertDraft {
  name: string;
  idNumber: string;
  phone: string;
  employerUscc: string;
  employerName: string;
  region: string;
  title: string;
  qualification: string | null;
  specialties: string[];
  status: ExpertStatus;
  suspendedUntil: string | null;
}

export interface Message {
  zh: string;
  en: string;
}

export interface RowProblem {
  field: ExpertField;
  message: Message;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

export interface RowContext {
  /** the specialty codes of the catalogue */
  specialties: ReadonlySet<string>;
  /** today in Beijing, YYYY-MM-DD */
  today: string;
}

export const PHONE = /^1[3-9]\d{9}$/;
export const REGION = /^[1-9]\d{5}$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SPECIALTY_SEPARATORS = /[;；,，、\s]+/;

const STATUS_WORDS: Record<string, ExpertStatus> = {
  在库: 'active', 正常: 'active', active: 'active',
  暂停: 'suspended', suspended: 'suspended',
  退出: 'retired', 已退出: 'retired', retired: 'retired',
};

const ID_PROBLEMS: Record<NonNullable<ReturnType<typeof idNumberProblem>>, Message> = {
  shape: { zh: '身份证号须为 18 位(前 17 位数字,末位数字或 X)', en: 'An ID number has 18 characters: 17 digits and a digit or X' },
  birth_date: { zh: '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not valid' },
  check_char: { zh: '身份证号校验位错误', en: 'The ID number’s check character is wrong' },
};

const USCC_PROBLEMS: Record<NonNullable<ReturnType<typeof usccProblem>>, Message> = {
  shape: { zh: '统一社会信用代码须为 18 位数字或大写字母', en: 'A USCC has 18 digits or capital letters' },
  registration_authority: { zh: '统一社会信用代码登记管理部门代码无效', en: 'The USCC’s registration authority code is not valid' },
  organisation_code: { zh: '统一社会信用代码中的组织机构代码校验位错误', en: 'The organisation code inside the USCC has a wrong check character' },
  check_digit: { zh: '统一社会信用代码校验位错误', en: 'The USCC’s check character is wrong' },
};

const text = (v: string | null | undefined): string => (v ?? '').trim();
const length = (s: string): number => [...s].length;

/** YYYY-MM-DD of a real calendar day, or null. Accepts 2026/3/1 and 2026.03.01 as well. */
export function parseDate(raw: string): string | null {
  const m = DATE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function splitSpecialties(raw: string | readonly string[] | null | undefined): string[] {
  const parts = typeof raw === 'string' ? raw.split(SPECIALTY_SEPARATORS) : [...(raw ?? [])];
  return [...new Set(parts.map((p) => p.trim().toUpperCase()).filter(Boolean))];
}

type Check<T> = (raw: ExpertRowInput, ctx: RowContext) => T | Message;

const isMessage = (v: unknown): v is Message => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v && !Array.isArray(v);

function bounded(field: string, label: Message, min: number, max: number): Check<string> {
  return (raw) => {
    const v = text(raw[field as keyof ExpertRowInput] as string);
    if (!v) return { zh: `${label.zh}不能为空`, en: `The ${label.en} is required` };
    if (length(v) < min || length(v) > max) return { zh: `${label.zh}须为 ${min}–${max} 个字`, en: `The ${label.en} must have ${min}–${max} characters` };
    return v;
  };
}

/** One check per field, each giving the clean value or what is wrong with it. */
const CHECKS: { [F in Exclude<ExpertField, 'status' | 'suspendedUntil'>]: Check<ExpertDraft[F]> } = {
  name: bounded('name', FIELD_LABELS.name, 2, 40),
  idNumber: (raw, ctx) => {
    const v = normaliseIdNumber(text(raw.idNumber));
    if (!v) return { zh: '身份证号不能为空', en: 'The ID number is required' };
    const problem = idNumberProblem(v, ctx.today);
    return problem ? ID_PROBLEMS[problem] : v;
  },
  phone: (raw) => {
    const v = text(raw.phone).replace(/^\+?86[- ]?/, '');
    if (!v) return { zh: '手机号不能为空', en: 'The phone number is required' };
    return PHONE.test(v) ? v : { zh: '手机号须为 11 位,以 13–19 开头', en: 'A mobile number has 11 digits starting 13–19' };
  },
  employerUscc: (raw) => {
    const v = text(raw.employerUscc).toUpperCase();
    if (!v) return { zh: '工作单位统一社会信用代码不能为空', en: 'The employer’s USCC is required' };
    const problem = usccProblem(v);
    return problem ? USCC_PROBLEMS[problem] : v;
  },
  employerName: bounded('employerName', FIELD_LABELS.employerName, 2, 200),
  region: (raw) => {
    const v = text(raw.region);
    if (!v) return { zh: '地区代码不能为空', en: 'The region code is required' };
    return REGION.test(v) ? v : { zh: '地区代码须为 6 位行政区划代码', en: 'The region must be a 6-digit administrative division code' };
  },
  title: bounded('title', FIELD_LABELS.title, 2, 50),
  qualification: (raw) => {
    const v = text(raw.qualification);
    if (!v) return null;
    return length(v) <= 100 ? v : { zh: '执业资格不能超过 100 个字', en: 'The qualification must have at most 100 characters' };
  },
  specialties: (raw, ctx) => {
    const codes = splitSpecialties(raw.specialties);
    if (codes.length === 0) return { zh: '至少填写一个专业代码', en: 'At least one specialty code is required' };
    if (codes.length > 10) return { zh: '专业代码最多 10 个', en: 'At most 10 specialty codes' };
    const unknown = codes.filter((c) => !ctx.specialties.has(c));
    if (unknown.length) return { zh: `专业代码不在专业目录中:${unknown.join('、')}`, en: `Not in the specialty catalogue: ${unknown.join(', ')}` };
    return codes;
  },
};

/** 在库 / 暂停(须有暂停至,且晚于今天)/ 退出; 暂停至 only with 暂停. */
function checkStatus(raw: ExpertRowInput, ctx: RowContext, fallback: ExpertStatus | undefined, problems: RowProblem[]): { status: ExpertStatus; suspendedUntil: string | null } | null {
  const word = text(raw.status);
  const status = word ? STATUS_WORDS[word.toLowerCase()] : fallback;
  if (!status) {
    problems.push({ field: 'status', message: { zh: '状态须为 在库、暂停 或 退出', en: 'The status must be active (在库), suspended (暂停) or retired (退出)' } });
    return null;
  }
  const untilRaw = text(raw.suspendedUntil);
  if (status !== 'suspended') {
    if (untilRaw) {
      problems.push({ field: 'suspendedUntil', message: { zh: '只有暂停状态才能填写暂停至', en: 'Only a suspended expert has a suspended-until date' } });
      return null;
    }
    return { status, suspendedUntil: null };
  }
  if (!untilRaw) {
    problems.push({ field: 'suspendedUntil', message: { zh: '暂停状态须填写暂停至日期', en: 'A suspension needs the date it lasts until' } });
    return null;
  }
  const until = parseDate(untilRaw);
  if (!until) {
    problems.push({ field: 'suspendedUntil', message: { zh: '暂停至须为有效日期(如 2026-12-31)', en: 'Suspended-until must be a valid date (e.g. 2026-12-31)' } });
    return null;
  }
  if (until <= ctx.today) {
    problems.push({ field: 'suspendedUntil', message: { zh: '暂停至须晚于今天', en: 'Suspended-until must be after today' } });
    return null;
  }
  return { status, suspendedUntil: until };
}

/** A whole row for the library (creation or import): every field checked, every problem listed. */
export function validateExpertRow(raw: ExpertRowInput, ctx: RowContext): RowResult<ExpertDraft> {
  const problems: RowProblem[] = [];
  const value: Record<string, unknown> = {};
  for (const field of Object.keys(CHECKS) as (keyof typeof CHECKS)[]) {
    const v = CHECKS[field](raw, ctx);
    if (isMessage(v)) problems.push({ field, message: v });
    else value[field] = v;
  }
  const status = checkStatus(raw, ctx, 'active', problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...(value as Omit<ExpertDraft, 'status' | 'suspendedUntil'>), ...status! } };
}

export type ExpertChanges = Partial<Omit<ExpertDraft, 'name' | 'idNumber'>>;
export type ExpertPatchInput = Partial<Record<Exclude<ExpertField, 'name' | 'idNumber' | 'specialties'>, string | null>> & { specialties?: readonly string[] };

/**
 * A change of the fields the office may edit (name and ID number are fixed). Only the fields given are checked;
 * status and suspended-until are checked together against the expert's current status.
 */
export function validateExpertPatch(raw: ExpertPatchInput, current: { status: ExpertStatus }, ctx: RowContext): RowResult<ExpertChanges> {
  const problems: RowProblem[] = [];
  const value: Record<string, unknown> = {};
  for (const field of ['phone', 'employerUscc', 'employerName', 'region', 'title', 'qualification', 'specialties'] as const) {
    if (raw[field] === undefined) continue;
    const v = CHECKS[field](raw as ExpertRowInput, ctx);
    if (isMessage(v)) problems.push({ field, message: v });
    else value[field] = v;
  }
  if (raw.status !== undefined || raw.suspendedUntil !== undefined) {
    const status = checkStatus(raw, ctx, current.status, problems);
    if (status) Object.assign(value, status);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: value as ExpertChanges };
}
