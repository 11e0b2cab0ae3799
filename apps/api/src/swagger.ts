import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function mountSwagger(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('阳光交易 公共资源交易平台 API')
    .setDescription(
      [
        '一个城市所有公共资源交易的统一平台:建设工程招投标、国有建设用地使用权出让、政府采购电子卖场、农村产权交易。',
        'The one platform where every public resource of the city is traded.',
        '',
        '金额一律为以元为单位的十进制字符串(如 "1234.56");时间以服务器为准。错误返回 `{ code, status, message: { zh, en } }`。',
        'Amounts are decimal yuan strings; times are decided by the server; errors come back as `{ code, status, message: { zh, en } }`.',
      ].join('\n'),
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '登录后获得的访问令牌 / access token from POST /auth/login' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: '阳光交易 API 文档' });
}
