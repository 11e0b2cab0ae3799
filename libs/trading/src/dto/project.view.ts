import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TradingDomain } from '@app/platform/auth/roles';
import { RuleParamsView } from '@app/platform/rules/dto/rule-set.view';
import { presentParams } from '@app/platform/rules/rule-params';
import { RuleParams } from '@app/platform/rules/rule-spec';
import { ProjectRow, PublicProjectRow, RuleKind } from '../projects/project.repository';
import { PROJECT_STATUSES, ProjectStatus } from '../rules/project-state';

class PartyView {
  @ApiProperty({ description: '单位编号 / organisation id', format: 'uuid' }) id: string;
  @ApiProperty({ description: '单位名称 / organisation name' }) name: string;
}

class RuleSnapshotView {
  @ApiProperty({ description: '规则版本编号 / rule set id', format: 'uuid' }) ruleSetId: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain: TradingDomain;
  @ApiProperty({ description: '版本号 / version' }) version: number;
  @ApiProperty({ description: '版本名称 / name' }) name: string;
  @ApiProperty({ description: '是否沙箱规则 / sandbox' }) sandbox: boolean;
  @ApiProperty({ description: '该版本生效时间 / that version in force from' }) effectiveFrom: string;
  @ApiProperty({ type: RuleParamsView, description: '发布时固化的规则参数(金额以元计)/ the parameters frozen at publication (money in yuan)' }) params: RuleParamsView;
}

export class ProjectView {
  @ApiProperty({ description: '项目编号 / id', format: 'uuid' }) id: string;
  @ApiProperty({ description: '项目代码(领域-年份-序号)/ code (domain-year-number)', example: 'GC-2026-000123' }) code: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain: TradingDomain;
  @ApiProperty({ description: '项目名称 / name' }) name: string;
  @ApiProperty({ description: '行政区划代码 / region' }) region: string;
  @ApiProperty({ enum: PROJECT_STATUSES, description: '草稿、已发布、暂停、结束、终止 / draft, published, suspended, closed, cancelled' }) status: ProjectStatus;
  @ApiProperty({ enum: ['standard', 'sandbox'], description: '适用规则 / which rules it runs by' }) ruleKind: RuleKind;
  @ApiProperty({ type: PartyView, description: '招标人·出让人·采购人·转出方 / owner' }) owner: PartyView;
  @ApiProperty({ type: PartyView, nullable: true, description: '代理机构 / agent' }) agent: PartyView | null;
  @ApiProperty({ type: RuleSnapshotView, nullable: true, description: '发布时固化的规则(此后不再改变)/ the rules frozen at publication (never change afterwards)' })
  ruleSnapshot: RuleSnapshotView | null;
  @ApiProperty({ nullable: true, description: '发布时间 / published at', type: String, format: 'date-time' }) publishedAt: Date | null;
  @ApiProperty({ nullable: true, description: '暂停时间 / suspended at', type: String, format: 'date-time' }) suspendedAt: Date | null;
  @ApiProperty({ nullable: true, description: '暂停原因 / why it is suspended', type: String }) suspensionReason: string | null;
  @ApiProperty({ description: '登记时间 / registered at' }) createdAt: Date;
  @ApiProperty({ description: '更新时间 / updated at' }) updatedAt: Date;
  @ApiProperty({ description: '修订号,每次变更加一 / revision, +1 on every change' }) version: number;
}

class ProjectPartyView {
  @ApiProperty({ description: '单位名称 / organisation name' }) name: string;
}

export class PublicProjectView {
  @ApiProperty({ format: 'uuid', description: '项目编号 / id' }) id: string;
  @ApiProperty({ description: '项目代码 / code' }) code: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain: TradingDomain;
  @ApiProperty({ description: '项目名称 / name' }) name: string;
  @ApiProperty({ description: '行政区划代码 / region' }) region: string;
  @ApiProperty({ enum: PROJECT_STATUSES, description: '状态 / status' }) status: ProjectStatus;
  @ApiProperty({ description: '发布时间 / published at' }) publishedAt: Date;
  @ApiProperty({ type: ProjectPartyView, description: '招标人·出让人·采购人 / owner' }) owner: ProjectPartyView;
  @ApiProperty({ type: ProjectPartyView, nullable: true, description: '代理机构 / agent' }) agent: ProjectPartyView | null;
  @ApiProperty({ description: '适用规则版本号 / rule-set version it runs by' }) ruleSetVersion: number;
  @ApiProperty({ description: '是否沙箱项目(演示)/ a sandbox (demo) project' }) sandbox: boolean;
}

export class PublicProjectPage {
  @ApiProperty({ type: [PublicProjectView], description: '本页项目 / projects on this page' }) items: PublicProjectView[];
  @ApiProperty({ description: '已发布项目总数(精确)/ published projects in all (exact)' }) total: number;
  @ApiProperty({ description: '总数是否为下限;现为精确计数,恒为 false / whether the total is a lower bound; always false now that it is exact' }) totalCapped: boolean;
  @ApiProperty({ description: '页码 / page' }) page: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize: number;
}

export function projectView(r: ProjectRow): ProjectView {
  const s = r.ruleSnapshot;
  return {
    id: r.id,
    code: r.code,
    domain: r.domain,
    name: r.name,
    region: r.region,
    status: r.status,
    ruleKind: r.ruleKind,
    owner: { id: r.ownerOrganisationId, name: r.ownerName },
    agent: r.agentOrganisationId ? { id: r.agentOrganisationId, name: r.agentName ?? '' } : null,
    ruleSnapshot: s ? { ruleSetId: s.ruleSetId, domain: s.domain, version: s.version, name: s.name, sandbox: s.sandbox, effectiveFrom: s.effectiveFrom, params: presentParams(s.params as RuleParams) } : null,
    publishedAt: r.publishedAt,
    suspendedAt: r.suspendedAt,
    suspensionReason: r.suspensionReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** Organisation names only: no contact people, phones, accounts or legal representatives. */
export function publicProjectView(r: PublicProjectRow): PublicProjectView {
  return {
    id: r.id,
    code: r.code,
    domain: r.domain,
    name: r.name,
    region: r.region,
    status: r.status,
    publishedAt: r.publishedAt,
    owner: { name: r.ownerName },
    agent: r.agentName === null ? null : { name: r.agentName },
    ruleSetVersion: r.ruleSetVersion,
    sandbox: r.sandbox,
  };
}

/** One row of the operators' project finder (GET /projects): what picking a project needs, no rule snapshot. */
export class ProjectListItem {
  @ApiProperty({ format: 'uuid', description: '项目编号 / id' }) id: string;
  @ApiProperty({ description: '项目代码 / code' }) code: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain: TradingDomain;
  @ApiProperty({ description: '项目名称 / name' }) name: string;
  @ApiProperty({ description: '行政区划代码 / region' }) region: string;
  @ApiProperty({ enum: PROJECT_STATUSES, description: '状态 / status' }) status: ProjectStatus;
  @ApiProperty({ description: '招标人·出让人·采购人·转出方 / owner' }) ownerName: string;
  @ApiProperty({ nullable: true, description: '代理机构 / agent', type: String }) agentName: string | null;
  @ApiProperty({ nullable: true, description: '发布时间 / published at', type: String, format: 'date-time' }) publishedAt: Date | null;
  @ApiProperty({ description: '登记时间 / registered at' }) createdAt: Date;
}

export class ProjectListPage {
  @ApiProperty({ type: [ProjectListItem], description: '本页项目 / projects on this page' }) items: ProjectListItem[];
  @ApiProperty({ description: '总数(最多计 10,000)/ total (counted up to 10,000)' }) total: number;
  @ApiProperty({ description: '总数已达上限,实际更多 / the total reached the cap; there are more' }) totalCapped: boolean;
  @ApiProperty({ description: '页码 / page' }) page: number;
  @ApiProperty({ description: '每页条数 / page size' }) pageSize: number;
}
