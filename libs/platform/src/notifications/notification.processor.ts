import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { rowsOf } from '../database/rows';
import { TransactionRunner } from '../database/transaction-runner';
import { JobName, QueueName } from '../queues/queue-names';
import { NOTIFIER, Notifier, OutgoingMessage } from './notifier';
import { NotificationService } from './notification.service';

interface OutboxRow {
  id: string;
  channel: OutgoingMessage['channel'];
  recipient_type: string;
  recipient_id: string;
  phone: string | null;
  template: string;
  params: Record<string, unknown>;
}

/** Sends each outbox row once: the row lock keeps two workers apart, the status keeps a retry from resending. */
@Processor(QueueName.Notifications)
export class NotificationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationProcessor.name);

  constructor(
    private readonly txr: TransactionRunner,
    private readonly outbox: NotificationService,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {
    super();
  }

  /** Redis may have lost wake-ups: every pending row gets its job again (same job id, so at most one). */
  async onApplicationBootstrap(): Promise<void> {
    const pending = rowsOf<{ id: string }>(await this.txr.dataSource.query(`SELECT id FROM notification_outbox WHERE status = 'pending' ORDER BY created_at LIMIT 10000`));
    for (const { id } of pending) await this.outbox.wake(id);
    if (pending.length) this.logger.log(`re-queued ${pending.length} pending notifications`);
  }

  async process(job: Job): Promise<string> {
    if (job.name !== JobName.Notify) throw new Error(`unknown job ${job.name}`);
    const { id } = job.data as { id: string };
    return this.txr.run(async (tx) => {
      const [row] = rowsOf<OutboxRow>(await tx.em.query(`SELECT * FROM notification_outbox WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`, [id]));
      if (!row) return 'nothing to send';
      try {
        await this.notifier.send({ id: row.id, channel: row.channel, recipientType: row.recipient_type, recipientId: row.recipient_id, phone: row.phone, template: row.template, params: row.params });
      } catch (err) {
        await tx.em.query(`UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, String(err).slice(0, 500)]);
        throw err;
      }
      await tx.em.query(`UPDATE notification_outbox SET status = 'sent', attempts = attempts + 1, sent_at = now() WHERE id = $1`, [id]);
      return 'sent';
    });
  }
}
