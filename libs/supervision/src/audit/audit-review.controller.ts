import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@app/platform/auth/decorators';
import { Actor, Role } from '@app/platform/auth/roles';
import { AuditSearchQuery, ProjectIdParam } from './dto/audit-search.query';
import { AuditActionNameView, AuditSearchPage } from './dto/audit-search.view';
import { PublishedKeysView } from './dto/published-keys.view';
import { AuditReviewService } from './audit-review.service';

@ApiTags('supervision 监督')
@Controller()
export class AuditReviewController {
  constructor(private readonly review: AuditReviewService) {}

  @Get('supervision/audit')
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '审计记录检索(管理办公室、本领域监管部门)/ Search the audit trail (office, its domain’s regulator)',
    description: '按项目、单位、账号、动作、时间检索,分页倒序,附整链校验结果。By project, organisation, account, action and time; newest first; with the chain verification result.',
  })
  @ApiOkResponse({ type: AuditSearchPage })
  search(@Query() q: AuditSearchQuery, @CurrentActor() actor: Actor): Promise<AuditSearchPage> {
    return this.review.search(actor, q);
  }

  @Get('supervision/audit/actions')
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @ApiOperation({ summary: '审计动作名称表(中文、英文)/ The names of the audit actions (Chinese, English)' })
  @ApiOkResponse({ type: [AuditActionNameView] })
  actions(): AuditActionNameView[] {
    return this.review.actions();
  }

  @Get('supervision/projects/:id/audit-export')
  @Roles(Role.Office, Role.Regulator)
  @ApiBearerAuth()
  @Header('Content-Disposition', 'attachment; filename="audit-export.json"')
  @ApiOperation({
    summary: '导出项目完整审计记录(签名)/ Export a project’s full audit trail, signed',
    description: '含链字段与导出时链头,以平台公布的密钥(GET /public/audit/keys)Ed25519 签名;离线校验:npm run audit:verify -- export.json --keys keys.json。With chain fields and the head at export time, Ed25519-signed by a published key (GET /public/audit/keys); re-verify offline with npm run audit:verify -- export.json --keys keys.json.',
  })
  export(@Param() p: ProjectIdParam, @CurrentActor() actor: Actor) {
    return this.review.export(actor, p.id);
  }

  @Get('public/audit/export-key')
  @Public()
  @ApiOperation({ summary: '当前审计导出签名公钥 / The public key that signs audit exports now', description: '离线校验请用 GET /public/audit/keys(含历史密钥与有效期)。For offline checks use GET /public/audit/keys (every key, with validity).' })
  exportKey() {
    return this.review.exportKey();
  }

  @Get('public/audit/keys')
  @Public()
  @ApiOperation({
    summary: '平台公布的审计签名公钥及有效期 / The platform’s published audit signing keys, with validity',
    description:
      '每个密钥:编号(原始公钥的 SHA-256 指纹)、公钥、生效与失效时间、状态。离线校验:npm run audit:verify -- export.json --keys keys.json(或本地址)。Each key: id (SHA-256 fingerprint of the raw public key), public key, valid from / to, status. Offline: npm run audit:verify -- export.json --keys keys.json (or this URL).',
  })
  @ApiOkResponse({ type: PublishedKeysView })
  keys(): Promise<PublishedKeysView> {
    return this.review.publishedKeys();
  }
}
