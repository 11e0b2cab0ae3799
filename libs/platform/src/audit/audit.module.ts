import { Global, Module } from '@nestjs/common';
import { AuditReads } from './audit-reads';
import { AuditSequencer } from './audit-sequencer';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';

@Global()
@Module({
  providers: [AuditService, AuditSequencer, AuditVerifyService, AuditReads],
  exports: [AuditService, AuditSequencer, AuditVerifyService, AuditReads],
})
export class AuditModule {}
