import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

/** 站内消息: the site channel of the outbox, read by its recipients. */
@Module({
  controllers: [InboxController],
  providers: [InboxService, InboxRepository],
})
export class InboxModule {}
