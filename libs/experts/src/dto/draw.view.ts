import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZhEnView } from '@app/platform/http/text.view';
import { DrawRow, MemberRow } from '../draws/draw.types';

export class DrawCommitteeView {
  @ApiProperty({ description: '专家人数 / experts' }) experts!: number;
  @ApiProperty({ description: '招标人代表人数 / owner representatives' }) ownerRepresentatives!: number;
  @ApiProperty({ description: '委员会人数 / committee size' }) size!: number;
}

export class DrawRequirementView {
  @ApiProperty({ description: '专业代码 / specialty code' }) specialty!: string;
  @ApiProperty({ description: '人数 / count' }) count!: number;
  @ApiPropertyOptional({ description: '备选人数 / reserves' }) reserves?: number;
}

export class ShortfallView {
  @ApiProperty({ description: '专业代码 / specialty code' }) specialty!: string;
  @ApiProperty({ description: '所需人数 / needed' }) needed!: number;
  @ApiProperty({ description: '可抽人数 / available' }) available!: number;
}

export class DrawView {
  @ApiProperty({ description: '抽取编号 / draw id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '交易项目 / project', format: 'uuid' }) projectId!: string;
  @ApiProperty({ description: '项目代码 / project code', example: 'GC-2026-000123' }) projectCode!: string;
  @ApiProperty({ description: '项目名称 / project name' }) projectName!: string;
  @ApiProperty({ description: '交易领域 / domain' }) domain!: string;
  @ApiProperty({ description: '状态:pending 排队中, inviting 通知中, complete 已组成, short 人数不足, failed 失败, opened 已开启, finished 已结束 / status', enum: ['pending', 'inviting', 'complete', 'short', 'failed', 'opened', 'finished'] })
  status!: string;
  @ApiProperty({ description: '评标开始 / session starts' }) sessionStart!: Date;
  @ApiProperty({ description: '评标结束 / session ends' }) sessionEnd!: Date;
  @ApiProperty({ description: '委员会组成 / committee shape', type: DrawCommitteeView }) committee!: DrawRow['committee'];
  @ApiProperty({ description: '各专业人数 / per specialty', type: [DrawRequirementView] }) requirements!: DrawRow['requirements'];
  @ApiProperty({ description: '抽取算法版本 / algorithm version' }) algorithm!: string;
  @ApiProperty({ description: '随机种子的 SHA-256 承诺(抽取前写入审计链)/ SHA-256 commitment to the seed, audited before the draw' }) seedCommitment!: string;
  @ApiProperty({ description: '评标开始后公开的种子 / the seed, revealed when the session starts', nullable: true, type: String }) revealedSeed!: string | null;
  @ApiProperty({ description: '不足的专业及人数 / what was missing', nullable: true, type: [ShortfallView] }) shortfall!: DrawRow['shortfall'];
  @ApiProperty({ description: '申请时间 / requested at' }) createdAt!: Date;
  @ApiProperty({ description: '抽取时间 / drawn at', nullable: true, type: String, format: 'date-time' }) drawnAt!: Date | null;
  @ApiProperty({ description: '开启时间 / opened at', nullable: true, type: String, format: 'date-time' }) openedAt!: Date | null;
  @ApiProperty({ description: '结束时间 / finished at', nullable: true, type: String, format: 'date-time' }) finishedAt!: Date | null;
}

export function drawView(d: DrawRow): DrawView {
  return {
    id: d.id,
    projectId: d.projectId,
    projectCode: d.projectCode ?? d.context?.projectCode ?? '',
    projectName: d.projectName ?? d.context?.projectName ?? '',
    domain: d.domain,
    status: d.status,
    sessionStart: d.sessionStart,
    sessionEnd: d.sessionEnd,
    committee: d.committee,
    requirements: d.requirements,
    algorithm: d.algorithm,
    seedCommitment: d.seedCommitment,
    revealedSeed: d.revealedSeed,
    shortfall: d.shortfall,
    createdAt: d.createdAt,
    drawnAt: d.drawnAt,
    openedAt: d.openedAt,
    finishedAt: d.finishedAt,
  };
}

export class DrawPage {
  @ApiProperty({ type: [DrawView], description: '本页抽取 / draws on this page' }) items!: DrawView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty({ description: '页码 / page' }) page!: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize!: number;
}

export class DrawMemberView {
  @ApiProperty({ description: '通知编号 / invitation id', format: 'uuid' }) invitationId!: string;
  @ApiProperty({ description: '专家编号 / expert id' }) expertId!: string;
  @ApiProperty({ description: '姓名 / name' }) name!: string;
  @ApiProperty({ description: '工作单位 / employer' }) employerName!: string;
  @ApiProperty({ description: '职称 / title' }) title!: string;
  @ApiProperty({ description: '专业 / specialty' }) specialty!: string;
  @ApiProperty({ description: '正选或备选 / primary or reserve', enum: ['primary', 'reserve'] }) kind!: string;
  @ApiProperty({ description: '答复状态 / answer', enum: ['standby', 'invited', 'accepted', 'declined', 'expired', 'released'] }) status!: string;
  @ApiProperty({ description: '抽取轮次(0 为首轮,其后为补抽)/ round (0 first, then replacements)' }) round!: number;
  @ApiProperty({ description: '答复时间 / answered at', nullable: true, type: String, format: 'date-time' }) respondedAt!: Date | null;
  @ApiProperty({ description: '不能参加的理由 / reason given', nullable: true, type: String }) declineReason!: string | null;
}

export function memberView(m: MemberRow, card: { name: string; employerName: string; title: string } | undefined): DrawMemberView {
  return {
    invitationId: m.id,
    expertId: m.expertId,
    name: card?.name ?? '',
    employerName: card?.employerName ?? '',
    title: card?.title ?? '',
    specialty: m.specialtyCode,
    kind: m.kind,
    status: m.status,
    round: m.round,
    respondedAt: m.respondedAt,
    declineReason: m.declineReason,
  };
}

export class InvitationView {
  @ApiProperty({ description: '通知编号 / invitation id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '项目编号 / project code' }) projectCode!: string;
  @ApiProperty({ description: '项目名称 / project name' }) projectName!: string;
  @ApiProperty({ description: '专业 / specialty' }) specialty!: string;
  @ApiProperty({ description: '评标开始 / session starts' }) sessionStart!: Date;
  @ApiProperty({ description: '评标结束 / session ends' }) sessionEnd!: Date;
  @ApiProperty({ description: '状态 / status', enum: ['invited', 'accepted', 'declined', 'expired', 'released'] }) status!: string;
  @ApiProperty({ description: '答复截止 / answer by', nullable: true, type: String, format: 'date-time' }) respondBy!: Date | null;
  @ApiProperty({ description: '答复时间 / answered at', nullable: true, type: String, format: 'date-time' }) respondedAt!: Date | null;
}

export class ReplayBindsView {
  @ApiProperty({ description: '约束抽取编号 / binds the draw id' }) drawId!: boolean;
  @ApiProperty({ description: '约束回避名单 / binds the avoided list' }) avoided!: boolean;
}

export class ReplayCheckView {
  @ApiProperty({ description: '核对项 / what was checked', enum: ['algorithm', 'seed_commitment', 'avoided_digest', 'pool_digest', 'members_commitment', 'picked'] }) check!: string;
  @ApiPropertyOptional({ description: '轮次 / round' }) round?: number;
  @ApiPropertyOptional({ description: '专业 / specialty' }) specialty?: string;
  @ApiProperty({ description: '是否一致 / agrees' }) ok!: boolean;
}

export class ReplayView {
  @ApiProperty({ description: '重放结果与记录一致 / the replay agrees with the record' }) agrees!: boolean;
  @ApiProperty({ description: '核对规则:v2 绑定抽取编号与回避名单;v1 为此前的抽取 / the rule: v2 binds the draw id and the avoided list; v1 for draws made before', enum: ['v1', 'v2', 'unknown'] })
  rule!: string;
  @ApiProperty({ description: '重放是否约束抽取编号、回避名单 / whether the replay binds the draw id and the avoided list', type: ReplayBindsView }) binds!: { drawId: boolean; avoided: boolean };
  @ApiProperty({ description: 'v1 说明(中英文)/ what v1 does not prove', nullable: true, type: ZhEnView }) note!: { zh: string; en: string } | null;
  @ApiProperty({ description: '逐项核对 / each check', type: [ReplayCheckView] }) checks!: ReplayCheckView[];
}
