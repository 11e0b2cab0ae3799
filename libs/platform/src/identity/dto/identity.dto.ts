import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsEnum, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Role, TradingDomain } from '../../auth/roles';

const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,63}$/;
const PHONE = /^[0-9+\-() ]{5,32}$/;

export class OrganisationInput {
  @ApiProperty({ description: '单位名称 / organisation name', example: '阳光建设集团有限公司' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ description: '统一社会信用代码(18 位,含校验位)/ unified social credit code (18 characters)', example: '91350100M000100Y43' })
  @IsString()
  @Length(18, 18)
  uscc: string;

  @ApiProperty({ description: '法定代表人 / legal representative' })
  @IsString()
  @Length(1, 100)
  legalRepresentative: string;

  @ApiProperty({ description: '联系人 / contact person' })
  @IsString()
  @Length(1, 100)
  contactName: string;

  @ApiProperty({ description: '联系电话 / contact phone', example: '0591-88888888' })
  @Matches(PHONE)
  contactPhone: string;

  @ApiPropertyOptional({ description: '所在地区(行政区划代码)/ region (division code)', example: '350100' })
  @IsOptional()
  @IsString()
  @Length(2, 12)
  region?: string;
}

export class AccountInput {
  @ApiProperty({ description: '用户名(小写字母、数字、_.-,3–64 位)/ username', example: 'zhangsan' })
  @Matches(USERNAME, { message: 'username: 3–64 lower-case letters, digits or _.- (用户名格式无效)' })
  username: string;

  @ApiProperty({ description: '显示名称 / display name', example: '张三' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ description: '密码(至少 10 位)/ password (10 characters or more)', minLength: 10 })
  @IsString()
  @Length(10, 200)
  password: string;
}

export class RegisterDto {
  @ApiProperty({ type: OrganisationInput, description: '单位信息 / the organisation' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OrganisationInput)
  organisation: OrganisationInput;

  @ApiProperty({ type: AccountInput, description: '首个账户 / its first account' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AccountInput)
  account: AccountInput;
}

export class LoginDto {
  @ApiProperty({ description: '用户名 / username' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ description: '密码 / password' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class RoleGrantInput {
  @ApiProperty({ enum: Role, description: '角色 / role' })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ enum: TradingDomain, description: '交易领域(仅行业监管)/ trading domain (regulator only)' })
  @IsOptional()
  @IsEnum(TradingDomain)
  domain?: TradingDomain;
}

export class CreateAccountDto extends AccountInput {
  @ApiProperty({ description: '所属单位 / organisation id' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ type: RoleGrantInput, isArray: true, description: '授予的角色 / roles to grant' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantInput)
  roles: RoleGrantInput[];
}

export class AccountIdParam {
  @ApiProperty({ description: '账户编号 / account id' })
  @IsUUID()
  id: string;
}

export class RoleParam extends AccountIdParam {
  @ApiProperty({ enum: Role, description: '角色 / role' })
  @IsEnum(Role)
  role: Role;
}

export class OrganisationIdParam {
  @ApiProperty({ description: '单位编号 / organisation id' })
  @IsUUID()
  id: string;
}

export class UsccParam {
  @ApiProperty({ description: '统一社会信用代码 / unified social credit code' })
  @IsString()
  @Length(18, 18)
  uscc: string;
}

export class RoleGrantView {
  @ApiProperty({ enum: Role, description: '角色 / role' }) role: Role;
  @ApiProperty({ enum: TradingDomain, nullable: true, description: '领域 / domain' }) domain: TradingDomain | null;
}

export class AccountView {
  @ApiProperty({ description: '账户编号 / id' }) id: string;
  @ApiProperty({ description: '用户名 / username' }) username: string;
  @ApiProperty({ description: '显示名称 / display name' }) displayName: string;
  @ApiProperty({ description: '所属单位 / organisation id', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ description: '停用时间 / disabled at', nullable: true, type: String, format: 'date-time' }) disabledAt: Date | null;
  @ApiProperty({ type: RoleGrantView, isArray: true, description: '角色 / roles' }) roles: RoleGrantView[];
}

export class LoginResult {
  @ApiProperty({ description: '访问令牌(JWT)/ access token' }) accessToken: string;
  @ApiProperty({ description: '有效秒数 / seconds until it expires' }) expiresIn: number;
  @ApiProperty({ type: AccountView, description: '账户 / the account' }) account: AccountView;
}

export class PublicOrganisationView {
  @ApiProperty({ description: '单位 ID(代理机构登记项目时引用)/ organisation id (an agent names its owner by it)', format: 'uuid' }) id: string;
  @ApiProperty({ description: '单位名称 / name' }) name: string;
  @ApiProperty({ description: '统一社会信用代码 / unified social credit code' }) uscc: string;
  @ApiProperty({ description: '地区 / region', nullable: true, type: String }) region: string | null;
}
