import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { EXPERT_STATUSES, ExpertStatus } from '../rules/expert-row';
import { SPECIALTY_CODE } from '../library/specialty-catalogue';

// Shapes only: the library's own rules (ID check character, USCC, phone, catalogue) answer 422 EXPERT_ROW_INVALID
// with one message per field, the same ones an import lists.

export class CreateExpertDto {
  @ApiProperty({ description: '姓名(2–40 字)/ full name (2–40 characters)', example: '陈建国' })
  @IsString()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '居民身份证号(18 位,加密存储,此后只显示脱敏号码)/ resident ID number (18 characters; stored sealed, shown masked only)', example: '35010219850615123X' })
  @IsString()
  @MaxLength(40)
  idNumber: string;

  @ApiProperty({ description: '手机号码 / mobile phone', example: '13905912345' })
  @IsString()
  @MaxLength(40)
  phone: string;

  @ApiProperty({ description: '工作单位统一社会信用代码 / the employer’s unified social credit code', example: '91350100M000100Y43' })
  @IsString()
  @MaxLength(40)
  employerUscc: string;

  @ApiProperty({ description: '工作单位名称 / employer name', example: '福州市建筑设计研究院有限公司' })
  @IsString()
  @MaxLength(400)
  employerName: string;

  @ApiProperty({ description: '所在地区行政区划代码(6 位)/ region: 6-digit administrative division code', example: '350102' })
  @IsString()
  @MaxLength(20)
  region: string;

  @ApiProperty({ description: '职称 / professional title', example: '高级工程师' })
  @IsString()
  @MaxLength(100)
  title: string;

  @ApiPropertyOptional({ description: '执业资格(可空)/ professional qualification (optional)', example: '一级注册结构工程师' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  qualification?: string;

  @ApiProperty({ type: [String], description: '评标专业代码(专业目录中的代码,1–10 个)/ specialty codes from the catalogue (1–10)', example: ['A01.01.01'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  specialties: string[];

  @ApiPropertyOptional({ enum: EXPERT_STATUSES, default: 'active', description: '状态:在库、暂停、退出 / status: active, suspended, retired' })
  @IsOptional()
  @IsIn(EXPERT_STATUSES)
  status?: ExpertStatus;

  @ApiPropertyOptional({ description: '暂停至(日期,仅暂停状态)/ suspended until (a date; suspended only)', example: '2027-06-30' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  suspendedUntil?: string;
}

export class UpdateExpertDto {
  @ApiPropertyOptional({ description: '手机号码 / mobile phone' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ description: '工作单位统一社会信用代码 / the employer’s unified social credit code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  employerUscc?: string;

  @ApiPropertyOptional({ description: '工作单位名称 / employer name' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  employerName?: string;

  @ApiPropertyOptional({ description: '所在地区行政区划代码 / region code' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  region?: string;

  @ApiPropertyOptional({ description: '职称 / professional title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: '执业资格(null 表示清除)/ qualification (null clears it)' })
  @IsOptional()
  @ValidateIf((o) => o.qualification !== null)
  @IsString()
  @MaxLength(200)
  qualification?: string | null;

  @ApiPropertyOptional({ enum: EXPERT_STATUSES, description: '状态:在库、暂停(须同时给出暂停至)、退出 / status: active, suspended (with suspendedUntil), retired' })
  @IsOptional()
  @IsIn(EXPERT_STATUSES)
  status?: ExpertStatus;

  @ApiPropertyOptional({ description: '暂停至(日期)/ suspended until (a date)', example: '2027-06-30' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  suspendedUntil?: string;

  @ApiPropertyOptional({ type: [String], description: '评标专业代码,整体替换 / specialty codes, replacing the current ones' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  specialties?: string[];
}

export class LinkAccountDto {
  @ApiProperty({ format: 'uuid', description: '持有评标专家角色的登录账户 / a login account holding the expert role' })
  @IsUUID()
  accountId: string;
}

export class ExpertIdParam {
  @ApiProperty({ description: '专家编号 / expert id', example: '1024' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'id must be a positive integer (专家编号无效)' })
  id: string;
}

export class ExpertItemParam {
  @ApiProperty({ format: 'uuid', description: '登记编号 / entry id' })
  @IsUUID()
  id: string;
}

export class ExpertListQuery {
  @ApiPropertyOptional({ description: '专业代码,含下级专业 / specialty code, its descendants included', example: 'A01' })
  @IsOptional()
  @Matches(SPECIALTY_CODE, { message: 'specialty must look like A01 or A01.02 (专业代码格式无效)' })
  specialty?: string;

  @ApiPropertyOptional({ enum: EXPERT_STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(EXPERT_STATUSES)
  status?: ExpertStatus;

  @ApiPropertyOptional({ description: '地区代码 / region code', example: '350102' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit division code (行政区划代码须为 6 位数字)' })
  region?: string;

  @ApiPropertyOptional({ description: '姓名包含 / name contains', example: '建国' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  name?: string;

  @ApiPropertyOptional({ description: '页码 / page', default: 1, minimum: 1, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ description: '每页条数 / page size', default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class UnavailabilityDto {
  @ApiProperty({ description: '开始时间(ISO 8601)/ from (ISO 8601)', example: '2026-12-01T08:00:00+08:00' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ description: '结束时间(ISO 8601,须晚于开始)/ to (ISO 8601, after from)', example: '2026-12-03T18:00:00+08:00' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiProperty({ description: '原因 / reason', example: '出差', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  reason: string;
}

export class ConflictDto {
  @ApiProperty({ description: '存在利害关系的单位的统一社会信用代码 / USCC of the organisation the expert has a conflict of interest with', example: '91350100M000100Y43' })
  @IsString()
  @Length(18, 18)
  organisationUscc: string;

  @ApiProperty({ description: '利害关系说明(如近三年曾任职)/ the conflict (e.g. worked there within three years)', example: '近三年曾在该单位任职', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  reason: string;
}

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export class ImportQuery {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all-or-nothing', description: '全部合格才导入,或只导入合格行 / import only if every row is valid, or import the valid rows' })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;
}

// Used by the api's body-less multipart route to describe the upload in OpenAPI.
export const IMPORT_BODY_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description:
        '.xlsx(第一个工作表)或 UTF-8 .csv;表头:姓名,身份证号,手机,工作单位统一社会信用代码,工作单位,地区代码,职称,执业资格,专业代码,状态,暂停至 / ' +
        'an .xlsx (first sheet) or a UTF-8 .csv with that header row (English names accepted)',
    },
  },
};
