import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPERT_STATUSES, ExpertStatus } from '../rules/expert-row';
import { ConflictRow, ExpertRow, UnavailabilityRow } from '../library/expert.repository';
import { IMPORT_MODES, ImportMode } from './expert.dto';

export class ExpertSpecialtyView {
  @ApiProperty({ description: '专业代码 / code' }) code: string;
  @ApiProperty({ description: '中文名称 / Chinese name' }) nameZh: string;
  @ApiProperty({ description: '英文名称 / English name' }) nameEn: string;
}

export class EmployerView {
  @ApiProperty({ description: '统一社会信用代码 / USCC' }) uscc: string;
  @ApiProperty({ description: '单位名称 / name' }) name: string;
}

export class ExpertView {
  @ApiProperty({ description: '专家编号 / expert id', example: '1024' }) id: string;
  @ApiProperty({ description: '姓名 / name' }) name: string;
  @ApiProperty({ description: '脱敏身份证号(前 6 位与后 4 位)/ masked ID number (first 6 and last 4)', example: '350102********123X' }) idNumberMasked: string;
  @ApiProperty({ description: '手机号码 / mobile phone' }) phone: string;
  @ApiProperty({ type: EmployerView, description: '工作单位 / employer' }) employer: EmployerView;
  @ApiProperty({ description: '地区代码 / region' }) region: string;
  @ApiProperty({ description: '职称 / title' }) title: string;
  @ApiProperty({ nullable: true, description: '执业资格 / qualification', type: String }) qualification: string | null;
  @ApiProperty({ type: [ExpertSpecialtyView], description: '评标专业 / specialties' }) specialties: ExpertSpecialtyView[];
  @ApiProperty({ enum: EXPERT_STATUSES, description: '状态:在库、暂停、退出 / status: active, suspended, retired' }) status: ExpertStatus;
  @ApiProperty({ nullable: true, description: '暂停至 / suspended until', type: String }) suspendedUntil: string | null;
  @ApiProperty({ description: '信用分(0–100)/ credit score (0–100)' }) creditScore: number;
  @ApiProperty({ description: '参加评标次数 / evaluations taken part in' }) evaluationCount: number;
  @ApiProperty({ description: '是否已关联登录账户 / whether a login account is linked' }) hasAccount: boolean;
  @ApiProperty({ description: '入库时间 / entered the library at' }) createdAt: Date;
  @ApiProperty({ description: '更新时间 / updated at' }) updatedAt: Date;
}

export class ExpertPage {
  @ApiProperty({ type: [ExpertView], description: '本页专家 / experts on this page' }) items: ExpertView[];
  @ApiProperty({ description: '符合条件的总数 / total matching' }) total: number;
  @ApiProperty({ description: '页码 / page' }) page: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize: number;
}

export class UnavailabilityView {
  @ApiProperty({ format: 'uuid', description: '登记编号 / id' }) id: string;
  @ApiProperty({ description: '开始时间 / from' }) from: Date;
  @ApiProperty({ description: '结束时间 / to' }) to: Date;
  @ApiProperty({ description: '原因 / reason' }) reason: string;
  @ApiProperty({ description: '登记时间 / declared at' }) createdAt: Date;
}

export class ConflictView {
  @ApiProperty({ format: 'uuid', description: '登记编号 / id' }) id: string;
  @ApiProperty({ description: '单位统一社会信用代码 / organisation USCC' }) organisationUscc: string;
  @ApiProperty({ description: '利害关系说明 / the conflict' }) reason: string;
  @ApiProperty({ description: '登记时间 / declared at' }) createdAt: Date;
}

export class ExpertDetailView extends ExpertView {
  @ApiProperty({ type: [UnavailabilityView], description: '不可参评时段 / periods the expert is unavailable' }) unavailability: UnavailabilityView[];
  @ApiProperty({ type: [ConflictView], description: '申报的利害关系单位 / organisations the expert declared a conflict with' }) conflicts: ConflictView[];
}

export class MessageView {
  @ApiProperty({ description: '中文说明 / in Chinese' }) zh: string;
  @ApiProperty({ description: '英文说明 / in English' }) en: string;
}

export class ImportErrorView {
  @ApiProperty({ description: '文件中的行号(表头为第 1 行)/ row number in the file (the header is row 1)' }) row: number;
  @ApiProperty({ description: '字段 / field', example: 'idNumber' }) field: string;
  @ApiProperty({ type: MessageView, description: '问题说明 / what is wrong' }) message: MessageView;
}

export class ImportReportView {
  @ApiProperty({ nullable: true, format: 'uuid', description: '本次导入编号(审计主体;未导入则为空)/ import id (its audit subject; null when nothing was imported)', type: String }) importId: string | null;
  @ApiProperty({ enum: IMPORT_MODES, description: '导入方式 / mode' }) mode: ImportMode;
  @ApiProperty({ enum: ['xlsx', 'csv'], description: '文件格式 / file format' }) format: 'xlsx' | 'csv';
  @ApiProperty({ description: '文件 SHA-256 / the file’s SHA-256' }) sha256: string;
  @ApiProperty({ description: '数据行数 / data rows' }) total: number;
  @ApiProperty({ description: '导入行数 / rows imported' }) imported: number;
  @ApiProperty({ description: '不合格行数 / rows rejected' }) rejected: number;
  @ApiProperty({ description: '问题总数(列出前 1000 条)/ problems found (the first 1000 are listed)' }) errorCount: number;
  @ApiProperty({ type: [ImportErrorView], description: '问题清单 / the problems' }) errors: ImportErrorView[];
}

export function expertView(r: ExpertRow): ExpertView {
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    phone: r.phone,
    employer: { uscc: r.employerUscc, name: r.employerName },
    region: r.region,
    title: r.title,
    qualification: r.qualification,
    specialties: r.specialties,
    status: r.status,
    suspendedUntil: r.suspendedUntil,
    creditScore: r.creditScore,
    evaluationCount: r.evaluationCount,
    hasAccount: r.accountId !== null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function expertDetailView(r: ExpertRow, unavailability: UnavailabilityRow[], conflicts: ConflictRow[]): ExpertDetailView {
  return { ...expertView(r), unavailability, conflicts };
}
