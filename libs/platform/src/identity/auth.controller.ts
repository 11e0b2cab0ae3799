import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/decorators';
import { Actor, ALL_ROLES } from '../auth/roles';
import { AccountView, LoginDto, LoginResult, RegisterDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth 登录与注册')
@Controller('auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: '单位注册(一次注册,全平台通用)/ Register an organisation and its first account', description: '首个账户获得投标人/竞买人/供应商角色。The first account gets the bidder role.' })
  @ApiCreatedResponse({ type: AccountView })
  register(@Body() dto: RegisterDto): Promise<AccountView> {
    return this.identity.register(dto);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: '登录,获取访问令牌 / Log in and get an access token', description: '同一用户名与地址每分钟尝试次数受限。Attempts per username and address are limited per minute.' })
  @ApiOkResponse({ type: LoginResult })
  @ApiTooManyRequestsResponse({ description: '尝试过于频繁 / too many attempts' })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    return this.identity.login(dto.username, dto.password, ip);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前账户 / The current account' })
  @ApiOkResponse({ type: AccountView })
  me(@CurrentActor() actor: Actor): Promise<AccountView> {
    return this.identity.me(actor);
  }
}
