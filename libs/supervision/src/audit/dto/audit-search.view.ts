import { ApiProperty } from '@nestjs/swagger';
import { VerifyResultDto } from '@app/platform/audit/dto/verify-result.view';
import { ZhEnView } from '@app/platform/http/text.view';

export class AuditActorView {
  @ApiProperty({ format: 'uuid', description: '账号 / account' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: '用户名 / username' }) username!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '姓名 / name' }) name!: string | null;
}

export class AuditOrganisationView {
  @ApiProperty({ format: 'uuid', description: '单位 / organisation' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: '单位名称 / name' }) name!: string | null;
}

export class AuditSubjectView {
  @ApiProperty({ description: '对象类型 / subject type' }) type!: string;
  @ApiProperty({ description: '对象编号 / subject id' }) id!: string;
}

export class AuditProjectView {
  @ApiProperty({ format: 'uuid', description: '项目 / project' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
}

/** One audit event as the office and regulators read it: who, in which role, did what to what, when; and whether its link holds. */
export class AuditItemView {
  @ApiProperty({ description: '写入序号,提交即有 / insertion order, there from the commit' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: '链上序号,链接前为空(待链接) / the place in the hash chain; null until the sequencer links the entry' }) seq!: string | null;
  @ApiProperty({ description: '发生时间(服务器)/ occurred at (server time)', format: 'date-time' }) time!: string;
  @ApiProperty({ type: AuditActorView, nullable: true, description: '操作账号(系统操作为空)/ acting account (null for the system)' }) actor!: AuditActorView | null;
  @ApiProperty({ nullable: true, type: String, description: '角色 / role' }) role!: string | null;
  @ApiProperty({ type: AuditOrganisationView, nullable: true, description: '操作单位 / acting organisation' }) organisation!: AuditOrganisationView | null;
  @ApiProperty({ description: '动作代码 / action code' }) action!: string;
  @ApiProperty({ type: ZhEnView, description: '动作名称 / action name' }) actionName!: ZhEnView;
  @ApiProperty({ type: AuditSubjectView }) subject!: AuditSubjectView;
  @ApiProperty({ type: AuditProjectView, nullable: true, description: '所属项目 / the project it belongs to' }) project!: AuditProjectView | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '记录内容(JSON)/ payload (JSON)' }) payload!: unknown;
  @ApiProperty({ type: String, nullable: true, description: '本条哈希,链接前为空 / hash; null until linked' }) hash!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '本条与上一条的链接及内容摘要校验通过;待链接时为空 / the link to the previous event and the payload digest check out; null while the entry waits to be linked' }) linkOk!: boolean | null;
}

/** The chain verification a search page carries, reused for a short while rather than walked per page. */
export class ChainStatusView extends VerifyResultDto {
  @ApiProperty({ description: '校验时间 / verified at', format: 'date-time' }) checkedAt!: string;
}

export class AuditSearchPage {
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: '总数(超过上限时为上限)/ total (the cap when above it)' }) total!: number;
  @ApiProperty({ description: '总数已封顶 / the total is capped' }) totalCapped!: boolean;
  @ApiProperty({ type: [AuditItemView] }) items!: AuditItemView[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: '本页记录内容提到的单位名称,按编号 / names of the organisations the page’s payloads mention, by id' }) names!: Record<string, string>;
  @ApiProperty({ type: ChainStatusView, description: '整链校验结果 / the whole chain’s verification' }) chain!: ChainStatusView;
}

export class AuditActionNameView {
  @ApiProperty({ description: '动作代码 / action code' }) code!: string;
  @ApiProperty({ description: '中文名称 / Chinese' }) zh!: string;
  @ApiProperty({ description: '英文名称 / English' }) en!: string;
}
