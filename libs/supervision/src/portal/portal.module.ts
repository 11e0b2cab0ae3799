import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';

/** 信息公开门户: the notices, project pages and contracts of every domain, anonymous and read-only */
@Module({
  controllers: [PortalController],
  providers: [PortalService, PortalRepository],
})
export class PortalModule {}
