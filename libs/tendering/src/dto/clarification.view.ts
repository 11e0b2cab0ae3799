import { ApiProperty } from '@nestjs/swagger';
import { TenderView } from './tender.view';

/** A question on the documents and its answer; the asker is never named (法 23). */
export class QuestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '问题 / question' }) question!: string;
  @ApiProperty({ description: '提问时间 / asked at' }) askedAt!: Date;
  @ApiProperty({ nullable: true, type: String, description: '答复 / answer' }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '答复时间 / answered at' }) answeredAt!: Date | null;
}

export class ClarificationView {
  @ApiProperty({ description: '问题 / question' }) question!: string;
  @ApiProperty({ description: '答复 / answer' }) answer!: string;
  @ApiProperty({ description: '答复时间 / answered at' }) answeredAt!: Date;
}

/** An amendment that moved the deadline so that 15 days remain (条例 21). */
export class DeadlineChangeView {
  @ApiProperty({ description: '修改时间 / when' }) at!: Date;
  @ApiProperty({ description: '原投标截止时间 / the deadline before' }) previousDeadline!: Date;
  @ApiProperty({ description: '新投标截止时间 / the new deadline' }) bidDeadline!: Date;
  @ApiProperty({ format: 'uuid', description: '修改文件 / the amendment document' }) documentId!: string;
}

/** GET /public/tenders/:id: the announcement with its answered clarifications and the deadline moves. */
export class PublicTenderView extends TenderView {
  @ApiProperty({ type: [ClarificationView], description: '已答复的澄清(不显示提问人)/ answered clarifications (askers never named)' }) clarifications!: ClarificationView[];
  @ApiProperty({ type: [DeadlineChangeView], description: '顺延投标截止的修改 / amendments that moved the deadline' }) deadlineChanges!: DeadlineChangeView[];
}

export class BidderRegistrationView {
  @ApiProperty({ description: '已报名(重复报名亦为 true)/ registered (true again on a repeat)' }) registered!: boolean;
}

/** A published amendment: the deadline it leaves (moved so that 15 days remain, 条例 21) and the document's digest. */
export class AmendmentView {
  @ApiProperty({ description: '投标截止时间 / bid deadline' }) bidDeadline!: Date;
  @ApiProperty({ description: '截止时间是否顺延 / whether the deadline moved' }) moved!: boolean;
  @ApiProperty({ format: 'uuid', description: '修改文件 / the amendment document' }) documentId!: string;
  @ApiProperty({ description: 'SHA-256' }) sha256!: string;
}
