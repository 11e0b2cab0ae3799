import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TradingDomain } from '@app/platform/auth/roles';
import { COMPLAINT_EVENTS, COMPLAINT_STATUSES, ComplaintEvent, ComplaintStatus } from '../rules/complaint-state';

export class ComplaintPartyView {
  @ApiProperty({ format: 'uuid', description: '单位编号 / organisation id' }) id!: string;
  @ApiProperty({ description: '单位名称 / organisation name' }) name!: string;
}

export class ComplaintProjectView {
  @ApiProperty({ format: 'uuid', description: '项目编号 / id' }) id!: string;
  @ApiProperty({ description: '项目代码 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain!: TradingDomain;
  @ApiProperty({ description: '项目状态 / project status' }) status!: string;
}

export class ComplaintEvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '序号 / number' }) no!: number;
  @ApiProperty({ description: '文件名 / file name' }) fileName!: string;
  @ApiProperty({ description: '类型 / media type' }) mediaType!: string;
  @ApiProperty({ description: '字节数 / size in bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
}

export class ComplaintStepView {
  @ApiProperty({ description: '时间 / when' }) at!: Date;
  @ApiProperty({ enum: ['office', 'regulator'], description: '办理机关 / by the office or the regulator' }) role!: string;
  @ApiProperty({ format: 'uuid', description: '办理账号 / account' }) by!: string;
  @ApiProperty({ description: '是否在法定期限内 / within its time limit' }) onTime!: boolean;
}

export class ComplaintHandlingView extends ComplaintStepView {
  @ApiProperty({ enum: ['accepted', 'rejected'], description: '受理或不予受理 / accepted or rejected' }) result!: 'accepted' | 'rejected';
  @ApiProperty({ nullable: true, description: '受理意见或不予受理理由 / note or reasons', type: String }) note!: string | null;
}

export class ComplaintDecisionView extends ComplaintStepView {
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: '投诉成立 / 驳回 / upheld or dismissed' }) outcome!: 'upheld' | 'dismissed';
  @ApiProperty({ description: '处理决定 / the decision' }) text!: string;
}

export class ComplaintSuspensionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '暂停理由 / reason' }) reason!: string;
  @ApiProperty({ description: '暂停时间 / suspended at' }) suspendedAt!: Date;
  @ApiProperty({ description: '暂停的时间节点数 / milestones paused' }) pausedMilestones!: number;
  @ApiProperty({ nullable: true, description: '恢复时间 / resumed at', type: String, format: 'date-time' }) resumedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '恢复说明 / note', type: String }) resumeNote!: string | null;
  @ApiProperty({ nullable: true, description: '顺延的时间节点数 / milestones shifted', type: Number }) shiftedMilestones!: number | null;
}

export class ComplaintView {
  @ApiProperty({ format: 'uuid', description: '投诉编号 / id' }) id!: string;
  @ApiProperty({ type: ComplaintProjectView, description: '项目 / project' }) project!: ComplaintProjectView;
  @ApiProperty({ format: 'uuid', nullable: true, description: '所依据的异议 / the objection it follows', type: String }) objectionId!: string | null;
  @ApiProperty({ type: ComplaintPartyView, description: '投诉人 / complainant' }) complainant!: ComplaintPartyView;
  @ApiProperty({ type: ComplaintPartyView, description: '被投诉人 / respondent' }) respondent!: ComplaintPartyView;
  @ApiProperty({ description: '投诉事项与理由 / grounds' }) grounds!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, description: '已提交、已受理、不予受理、已撤回、已决定 / filed, accepted, rejected, withdrawn, decided' }) status!: ComplaintStatus;
  @ApiProperty({ description: '提交时间 / filed at' }) filedAt!: Date;
  @ApiProperty({ description: '受理期限 / accept or refuse by' }) acceptanceDue!: Date;
  @ApiProperty({ nullable: true, description: '处理期限 / decide by', type: String, format: 'date-time' }) decisionDue!: Date | null;
  @ApiProperty({ type: ComplaintHandlingView, nullable: true, description: '受理审查 / acceptance review' }) handling!: ComplaintHandlingView | null;
  @ApiProperty({ type: ComplaintDecisionView, nullable: true, description: '处理决定 / decision' }) decision!: ComplaintDecisionView | null;
  @ApiProperty({ nullable: true, description: '撤回时间 / withdrawn at', type: String, format: 'date-time' }) withdrawnAt!: Date | null;
  @ApiProperty({ nullable: true, description: '撤回理由 / why withdrawn', type: String }) withdrawalReason!: string | null;
  @ApiProperty({ description: '项目正因本投诉暂停 / the project stands suspended by this complaint' }) suspending!: boolean;
  @ApiProperty({ type: [ComplaintSuspensionView], description: '因本投诉的暂停与恢复 / suspensions for this complaint' }) suspensions!: ComplaintSuspensionView[];
  @ApiProperty({ type: [ComplaintEvidenceView], description: '证明材料 / evidence' }) evidence!: ComplaintEvidenceView[];
  @ApiProperty({ enum: COMPLAINT_EVENTS, isArray: true, description: '当前可进行的操作 / what may happen next' }) allowed!: ComplaintEvent[];
}

export class ComplaintPage {
  @ApiProperty({ type: [ComplaintView] }) items!: ComplaintView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class PublicDecisionProjectView {
  @ApiProperty({ description: '项目代码 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ enum: TradingDomain, description: '交易领域 / domain' }) domain!: TradingDomain;
}

class PublicComplainantView {
  @ApiProperty({ description: '投诉人单位名称 / the complainant organisation’s name' }) name!: string;
}

export class PublicComplaintDecisionView {
  @ApiProperty({ format: 'uuid', description: '投诉编号 / complaint id' }) id!: string;
  @ApiProperty({ type: PublicDecisionProjectView }) project!: PublicDecisionProjectView;
  @ApiProperty({ type: PublicComplainantView }) complainant!: PublicComplainantView;
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: '投诉成立 / 驳回 / upheld or dismissed' }) outcome!: 'upheld' | 'dismissed';
  @ApiProperty({ description: '处理决定 / the decision' }) decision!: string;
  @ApiProperty({ description: '决定日期 / decided at' }) decidedAt!: Date;
}

export class PublicComplaintDecisionPage {
  @ApiProperty({ type: [PublicComplaintDecisionView] }) items!: PublicComplaintDecisionView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
