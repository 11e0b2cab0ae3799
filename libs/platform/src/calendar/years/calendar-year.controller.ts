import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../auth/decorators';
import { Actor, Role } from '../../auth/roles';
import { CalendarYearParam, EnterCalendarYearDto } from './dto/calendar-year.dto';
import { CalendarYearsView, CalendarYearView } from './dto/calendar-year.view';
import { CalendarYearService } from './calendar-year.service';

// The holiday calendar is public information; entering a year is the committee's, the owner of the rules.
@ApiTags('calendar 节假日安排')
@Controller()
export class CalendarYearController {
  constructor(private readonly years: CalendarYearService) {}

  @Get('public/calendar/years')
  @Public()
  @ApiOperation({ summary: '日历覆盖的年度(公开)/ The years the working-day calendar covers (public)' })
  @ApiOkResponse({ type: CalendarYearsView })
  list(): Promise<CalendarYearsView> {
    return this.years.years();
  }

  @Get('public/calendar/:year')
  @Public()
  @ApiOperation({ summary: '某年度的放假与调休安排(公开)/ One year’s holidays and make-up working days (public)' })
  @ApiOkResponse({ type: CalendarYearView })
  get(@Param() p: CalendarYearParam): Promise<CalendarYearView> {
    return this.years.year(p.year);
  }

  @Post('calendar/years')
  @Roles(Role.Committee)
  @ApiBearerAuth()
  @ApiOperation({ summary: '录入下一年度的节假日安排(管委会,录入后不可修改)/ Enter the next year’s holiday schedule (committee; never changes afterwards)' })
  @ApiCreatedResponse({ type: CalendarYearView })
  enter(@Body() dto: EnterCalendarYearDto, @CurrentActor() actor: Actor): Promise<CalendarYearView> {
    return this.years.enter(actor, dto);
  }
}
