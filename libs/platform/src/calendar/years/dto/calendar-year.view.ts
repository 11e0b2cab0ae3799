import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export type CalendarYearSource = 'package' | 'entered';

export class CalendarDayView {
  @ApiProperty({ description: '日期 / date (YYYY-MM-DD)' }) date: string;
  @ApiProperty({ description: '节日中文名称 / holiday name in Chinese' }) zh: string;
  @ApiProperty({ description: '节日英文名称 / holiday name in English' }) en: string;
}

export class CalendarYearSummaryView {
  @ApiProperty({ description: '年度 / year' }) year: number;
  @ApiProperty({ enum: ['package', 'entered'], description: '数据来源:内置日历数据(chinese-days)或管委会录入 / from the built-in data (chinese-days) or entered by the committee' })
  source: CalendarYearSource;
  @ApiProperty({ description: '通知文号(录入的年度)/ the notice’s reference (entered years)', nullable: true, type: String }) noticeReference: string | null;
  @ApiProperty({ description: '通知发布日期 / the notice’s publication date', nullable: true, type: String }) noticePublishedOn: string | null;
  @ApiProperty({ description: '录入时间 / entered at', nullable: true, type: String, format: 'date-time' }) enteredAt: Date | null;
  @ApiProperty({ description: '放假天数 / holiday dates' }) holidayCount: number;
  @ApiProperty({ description: '调休上班天数 / make-up working days' }) makeUpDayCount: number;
}

export class CalendarYearsView {
  @ApiProperty({ description: '日历覆盖的第一年 / first covered year' }) firstYear: number;
  @ApiProperty({ description: '日历覆盖的最后一年 / last covered year' }) lastYear: number;
  @ApiProperty({ description: '可录入的下一年度 / the year that can be entered next' }) nextYear: number;
  @ApiProperty({ description: '内置日历数据的最后一年 / last year of the built-in data' }) packageLastYear: number;
  @ApiProperty({ type: [CalendarYearSummaryView], description: '各年度,新的在前 / the years, newest first' }) items: CalendarYearSummaryView[];
}

export class CalendarYearView extends CalendarYearSummaryView {
  @ApiProperty({ type: [CalendarDayView], description: '放假日期 / holiday dates' }) holidays: CalendarDayView[];
  @ApiProperty({ type: [CalendarDayView], description: '调休上班日及其所属节日 / make-up working days and the holiday each belongs to' }) makeUpDays: CalendarDayView[];
}
