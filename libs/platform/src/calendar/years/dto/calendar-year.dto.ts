import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_HOLIDAY_DAYS, MAX_HOLIDAY_NAME_EN, MAX_HOLIDAY_NAME_ZH, MAX_MAKE_UP_DAYS } from '../../year-schedule-check';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class HolidayDayDto {
  @ApiProperty({ description: '放假日期 / holiday date (YYYY-MM-DD)', example: '2026-10-01' })
  @IsString()
  @Matches(DATE)
  date: string;

  @ApiProperty({ description: '节日中文名称 / holiday name in Chinese', example: '国庆节', minLength: 1, maxLength: MAX_HOLIDAY_NAME_ZH })
  @IsString()
  @Length(1, MAX_HOLIDAY_NAME_ZH)
  zh: string;

  @ApiProperty({ description: '节日英文名称 / holiday name in English', example: 'National Day', minLength: 1, maxLength: MAX_HOLIDAY_NAME_EN })
  @IsString()
  @Length(1, MAX_HOLIDAY_NAME_EN)
  en: string;
}

export class MakeUpDayDto {
  @ApiProperty({ description: '调休上班日期(星期六或星期日)/ make-up working day, a Saturday or Sunday (YYYY-MM-DD)', example: '2026-10-10' })
  @IsString()
  @Matches(DATE)
  date: string;

  @ApiProperty({ description: '所属节日的中文名称(须为本年度放假安排中的节日)/ the Chinese name of the holiday it belongs to', example: '国庆节', minLength: 1, maxLength: MAX_HOLIDAY_NAME_ZH })
  @IsString()
  @Length(1, MAX_HOLIDAY_NAME_ZH)
  holiday: string;
}

export class EnterCalendarYearDto {
  @ApiProperty({ description: '年度(须紧接日历已覆盖的最后一年)/ the year, right after the last covered one', example: 2027, minimum: 2000, maximum: 2200 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @ApiProperty({ description: '通知文号 / the notice’s reference', example: '国办发明电〔2026〕N号', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  noticeReference: string;

  @ApiProperty({ description: '通知发布日期 / the notice’s publication date (YYYY-MM-DD)', example: '2025-11-04' })
  @IsString()
  @Matches(DATE)
  noticePublishedOn: string;

  @ApiProperty({ type: [HolidayDayDto], description: '放假日期(每天一条)/ holiday dates, one entry a day', minItems: 1, maxItems: MAX_HOLIDAY_DAYS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_HOLIDAY_DAYS)
  @ValidateNested({ each: true })
  @Type(() => HolidayDayDto)
  holidays: HolidayDayDto[];

  @ApiProperty({ type: [MakeUpDayDto], description: '调休上班日 / make-up working days (调休上班)', maxItems: MAX_MAKE_UP_DAYS })
  @IsArray()
  @ArrayMaxSize(MAX_MAKE_UP_DAYS)
  @ValidateNested({ each: true })
  @Type(() => MakeUpDayDto)
  makeUpDays: MakeUpDayDto[];
}

export class CalendarYearParam {
  @ApiProperty({ description: '年度 / year', example: 2026, minimum: 2000, maximum: 2200 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;
}
