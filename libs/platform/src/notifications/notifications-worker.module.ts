import { Module } from '@nestjs/common';
import { LogNotifier, NOTIFIER } from './notifier';
import { NotificationProcessor } from './notification.processor';

/** The worker delivers the outbox through the configured Notifier (the logging adapter until a gateway plugs in). */
@Module({
  providers: [NotificationProcessor, { provide: NOTIFIER, useClass: LogNotifier }],
})
export class NotificationsWorkerModule {}
