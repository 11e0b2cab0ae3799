import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@app/platform/auth/decorators';
import { Actor, ALL_ROLES, Role } from '@app/platform/auth/roles';
import { CreateSpecialtyDto, SpecialtyView } from '../dto/specialty.dto';
import { SpecialtyService } from './specialty.service';

@ApiTags('experts 专家库')
@ApiBearerAuth()
@Controller('specialties')
export class SpecialtyController {
  constructor(private readonly specialties: SpecialtyService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '专业目录(按代码排序,含上级代码)/ The specialty catalogue, by code, each with its parent' })
  @ApiOkResponse({ type: [SpecialtyView] })
  list(): Promise<SpecialtyView[]> {
    return this.specialties.list();
  }

  @Post()
  @Roles(Role.Office)
  @ApiOperation({ summary: '新增专业(管理办公室;上级须已存在)/ Add a specialty (office; its parent must exist)' })
  @ApiCreatedResponse({ type: SpecialtyView })
  create(@Body() dto: CreateSpecialtyDto, @CurrentActor() actor: Actor): Promise<SpecialtyView> {
    return this.specialties.create(actor, dto);
  }
}
