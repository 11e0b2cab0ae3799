import { Global, Module } from '@nestjs/common';
import { AuditReads } from './audit-reads';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';

@Global()
@Module({
  providers: [AuditService, AuditVerifyService, AuditReads],
  exports: [AuditService, AuditVerifyService, AuditReads],
})
export class AuditModule {}
