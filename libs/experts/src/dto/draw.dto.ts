import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDate, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class DrawRequirementDto {
  @ApiProperty({ description: '专业代码(含其下级专业)/ specialty code (its sub-specialties included)', example: 'A01.02' })
  @Matches(/^[A-Z][0-9]{2}(\.[0-9]{2}){0,3}$/)
  specialty!: string;

  @ApiProperty({ description: '评标专家人数 / experts on the committee', example: 3 })
  @IsInt()
  @Min(1)
  @Max(25)
  count!: number;

  @ApiProperty({ description: '备选专家人数 / reserves, called in order when one declines', example: 2 })
  @IsInt()
  @Min(0)
  @Max(25)
  reserves!: number;
}

export class RequestDrawDto {
  @ApiProperty({ description: '交易项目 / trading project', format: 'uuid' })
  @IsUUID()
  projectId!: string;

  @ApiProperty({ description: '评标开始时间 / evaluation session starts', example: '2026-12-01T09:00:00+08:00' })
  @Type(() => Date)
  @IsDate()
  sessionStart!: Date;

  @ApiProperty({ description: '评标结束时间 / evaluation session ends', example: '2026-12-01T17:00:00+08:00' })
  @Type(() => Date)
  @IsDate()
  sessionEnd!: Date;

  @ApiProperty({ description: '招标人代表人数 / owner’s representatives on the committee', example: 0 })
  @IsInt()
  @Min(0)
  @Max(20)
  ownerRepresentatives!: number;

  @ApiProperty({ description: '各专业抽取人数 / how many experts per specialty', type: [DrawRequirementDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DrawRequirementDto)
  requirements!: DrawRequirementDto[];

  @ApiPropertyOptional({ description: '另需回避的投标人统一社会信用代码(领域已登记的投标人自动回避)/ more bidders’ USCCs to avoid (bidders the domain knows are avoided anyway)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { each: true })
  bidderUsccs?: string[];
}

export class DrawIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class DeclineInvitationDto {
  @ApiProperty({ description: '不能参加的理由 / why the expert declines', example: '当日有外地评审任务' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/)
  reason!: string;
}

export class TopUpDrawDto {
  @ApiPropertyOptional({ description: '评标已开始时必填:推迟后的评标开始时间(补抽的专家在此前答复)/ required once the session has started: the new start (the topped-up experts answer before it)', example: '2026-12-01T14:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  sessionStart?: Date;

  @ApiPropertyOptional({ description: '评标已开始时必填:推迟后的评标结束时间 / required once the session has started: the new end', example: '2026-12-01T18:00:00+08:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  sessionEnd?: Date;
}
