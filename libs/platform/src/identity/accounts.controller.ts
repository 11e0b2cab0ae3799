import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/decorators';
import { Actor, ALL_ROLES, Role } from '../auth/roles';
import { AccountIdParam, AccountView, CreateAccountDto, OrganisationIdParam, PublicOrganisationView, RoleGrantInput, RoleParam, UsccParam } from './dto/identity.dto';
import { IdentityService } from './identity.service';

const ADMINS = [Role.Centre, Role.Office];

@ApiTags('accounts 账户与角色')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(private readonly identity: IdentityService) {}

  @Post('accounts')
  @Roles(...ADMINS)
  @ApiOperation({ summary: '创建账户并授予角色 / Create an account with roles', description: '交易中心管理交易操作角色与专家,管理办公室管理监督角色。The centre administers operating roles and experts, the office supervising roles.' })
  @ApiCreatedResponse({ type: AccountView })
  create(@Body() dto: CreateAccountDto, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.identity.createAccount(actor, dto);
  }

  @Post('accounts/:id/roles')
  @Roles(...ADMINS)
  @ApiOperation({ summary: '授予角色 / Grant a role', description: '监督角色与交易操作角色不得由同一账户持有。No account holds a supervising and an operating role.' })
  @ApiCreatedResponse({ type: AccountView })
  grant(@Param() p: AccountIdParam, @Body() dto: RoleGrantInput, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.identity.grantRole(actor, p.id, dto);
  }

  @Delete('accounts/:id/roles/:role')
  @Roles(...ADMINS)
  @ApiOperation({ summary: '收回角色 / Revoke a role' })
  @ApiOkResponse({ type: AccountView })
  revoke(@Param() p: RoleParam, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.identity.revokeRole(actor, p.id, p.role);
  }

  @Post('accounts/:id/disable')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOperation({ summary: '停用账户(立即生效)/ Disable an account, effective at once' })
  @ApiOkResponse({ type: AccountView })
  disable(@Param() p: AccountIdParam, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.identity.setDisabled(actor, p.id, true);
  }

  @Post('accounts/:id/enable')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOperation({ summary: '启用账户 / Enable an account' })
  @ApiOkResponse({ type: AccountView })
  enable(@Param() p: AccountIdParam, @CurrentActor() actor: Actor): Promise<AccountView> {
    return this.identity.setDisabled(actor, p.id, false);
  }

  @Get('organisations/:id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '单位详情及其账户(本单位、交易中心、管理办公室)/ An organisation and its accounts (its own members, the centre, the office)' })
  organisation(@Param() p: OrganisationIdParam, @CurrentActor() actor: Actor) {
    return this.identity.organisation(actor, p.id);
  }

  @Get('public/organisations/:uscc')
  @Public()
  @ApiOperation({ summary: '公开查询单位(不含个人信息)/ Look up an organisation publicly (no personal data)' })
  @ApiOkResponse({ type: PublicOrganisationView })
  publicOrganisation(@Param() p: UsccParam): Promise<PublicOrganisationView> {
    return this.identity.publicOrganisation(p.uscc);
  }
}
