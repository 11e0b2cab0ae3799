import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@app/platform/money/money';
import { DocumentRow, SectionRow, TenderRow } from '../tenders/tender.types';

export class SectionView {
  @ApiProperty({ description: '标段号 / number' }) no!: number;
  @ApiProperty({ description: '名称 / name' }) name!: string;
  @ApiProperty({ description: '估算价(元)/ estimate (yuan)' }) estimate!: string;
  @ApiProperty({ description: '投标保证金(元)/ deposit (yuan)' }) deposit!: string;
  @ApiProperty({ description: '状态 / status', enum: ['open', 'failed', 'opened', 'evaluating', 'publicity', 'awarded'] }) status!: string;
  @ApiProperty({ description: '公示截止 / publicity ends', nullable: true, type: String, format: 'date-time' }) publicityUntil!: Date | null;
  @ApiProperty({ description: '评标报告形成时间(此后可读取评标报告)/ when the committee made its report (the report can be read from then on)', nullable: true, type: String, format: 'date-time' }) reportedAt!: Date | null;
}

export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '招标文件或修改文件 / tender documents or an amendment', enum: ['tender', 'amendment'] }) kind!: string;
  @ApiProperty({ description: '文件名 / file name' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
  @ApiProperty({ description: '字节数 / bytes' }) size!: number;
  @ApiProperty({ description: '说明 / note', nullable: true, type: String }) note!: string | null;
  @ApiProperty({ description: '发布时间 / published at' }) createdAt!: Date;
}

export class TenderView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '类型 / kind' }) kind!: string;
  @ApiProperty({ description: '地区 / region' }) region!: string;
  @ApiProperty({ description: '招标人 / owner' }) ownerName!: string;
  @ApiProperty({ description: '招标代理 / agent', nullable: true, type: String }) agentName!: string | null;
  @ApiProperty({ description: '估算价(元)/ estimate (yuan)' }) estimate!: string;
  @ApiProperty({ description: '评标办法 / evaluation method', enum: ['comprehensive', 'lowest_price'] }) evaluationMethod!: string;
  @ApiProperty({ description: '资格条件 / qualification' }) qualification!: string;
  @ApiProperty({ description: '状态 / status' }) status!: string;
  @ApiProperty({ description: '退回理由 / reasons it was returned', nullable: true, type: [String] }) returnReasons!: string[] | null;
  @ApiProperty({ description: '招标文件发出时间 / documents available from', nullable: true, type: String, format: 'date-time' }) documentsAvailableAt!: Date | null;
  @ApiProperty({ description: '投标截止(开标)时间 / bid deadline (opening)', nullable: true, type: String, format: 'date-time' }) bidDeadline!: Date | null;
  @ApiProperty({ description: '开标时间 / opened at', nullable: true, type: String, format: 'date-time' }) openedAt!: Date | null;
  @ApiProperty({ description: '开标异议截止 / opening objections until', nullable: true, type: String, format: 'date-time' }) openingObjectionsUntil!: Date | null;
  @ApiProperty({ description: '重新招标自 / re-tender of', nullable: true, type: String }) retenderOf!: string | null;
  @ApiProperty({ type: [SectionView] }) sections!: SectionView[];
  @ApiProperty({ type: [DocumentView] }) documents!: DocumentView[];
}

export function sectionView(s: SectionRow): SectionView {
  return { no: s.no, name: s.name, estimate: Money.ofFen(s.estimateFen).toYuan(), deposit: Money.ofFen(s.depositFen).toYuan(), status: s.status, publicityUntil: s.publicityUntil, reportedAt: s.reportedAt };
}

export function tenderView(t: TenderRow, sections: SectionRow[], documents: DocumentRow[]): TenderView {
  return {
    id: t.projectId,
    code: t.code,
    name: t.name,
    kind: t.kind,
    region: t.region,
    ownerName: t.ownerName,
    agentName: t.agentName,
    estimate: Money.ofFen(t.estimateFen).toYuan(),
    evaluationMethod: t.evaluationMethod,
    qualification: t.qualification,
    status: t.status,
    returnReasons: t.returnReasons,
    documentsAvailableAt: t.documentsAvailableAt,
    bidDeadline: t.bidDeadline,
    openedAt: t.openedAt,
    openingObjectionsUntil: t.openingObjectionsUntil,
    retenderOf: t.retenderOf,
    sections: sections.map(sectionView),
    documents: documents.map((d) => ({ ...d })),
  };
}

/** One row of the tender lists (the centre's desk, the supervisors, the parties' own), without documents. */
export class TenderListItemView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) id!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '类型 / kind' }) kind!: string;
  @ApiProperty({ description: '地区 / region' }) region!: string;
  @ApiProperty({ description: '招标人 / owner' }) ownerName!: string;
  @ApiProperty({ description: '招标代理 / agent', nullable: true, type: String }) agentName!: string | null;
  @ApiProperty({ description: '估算价(元)/ estimate (yuan)' }) estimate!: string;
  @ApiProperty({ description: '评标办法 / evaluation method', enum: ['comprehensive', 'lowest_price'] }) evaluationMethod!: string;
  @ApiProperty({ description: '状态 / status' }) status!: string;
  @ApiProperty({ description: '退回理由 / reasons it was returned', nullable: true, type: [String] }) returnReasons!: string[] | null;
  @ApiProperty({ description: '进场登记时间 / registered at' }) registeredAt!: Date;
  @ApiProperty({ description: '最近变更 / last change' }) updatedAt!: Date;
  @ApiProperty({ description: '投标截止(开标)时间 / bid deadline (opening)', nullable: true, type: String, format: 'date-time' }) bidDeadline!: Date | null;
  @ApiProperty({ description: '开标时间 / opened at', nullable: true, type: String, format: 'date-time' }) openedAt!: Date | null;
  @ApiProperty({ description: '标段数 / sections' }) sectionCount!: number;
  @ApiProperty({ description: '招标文件与修改文件数 / documents' }) documentCount!: number;
}

export class TenderListView {
  @ApiProperty({ type: [TenderListItemView] }) items!: TenderListItemView[];
  @ApiProperty({ description: '总数 / total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** A section the expert sits on the committee of: the link from a draw invitation to the evaluation form. */
export class MyEvaluationView {
  @ApiProperty({ format: 'uuid', description: '项目 / project id' }) projectId!: string;
  @ApiProperty({ description: '项目编号 / code' }) code!: string;
  @ApiProperty({ description: '项目名称 / name' }) name!: string;
  @ApiProperty({ description: '评标办法 / evaluation method', enum: ['comprehensive', 'lowest_price'] }) evaluationMethod!: string;
  @ApiProperty({ description: '标段号 / section number' }) sectionNo!: number;
  @ApiProperty({ description: '标段名称 / section name' }) sectionName!: string;
  @ApiProperty({ description: '标段状态 / section status', enum: ['evaluating', 'publicity', 'awarded', 'failed'] }) sectionStatus!: string;
  @ApiProperty({ format: 'uuid', description: '专家抽取 / draw' }) drawId!: string;
  @ApiProperty({ description: '有效投标数 / opened bids' }) bidCount!: number;
  @ApiProperty({ description: '我已评分的投标数 / bids I have scored' }) scoredByMe!: number;
  @ApiProperty({ description: '评标报告时间 / reported at', nullable: true, type: String, format: 'date-time' }) reportedAt!: Date | null;
}
