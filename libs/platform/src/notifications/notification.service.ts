import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { rowsOf } from '../database/rows';
import { Tx } from '../database/transaction-runner';
import { JobName, QueueName } from '../queues/queue-names';

export interface NewNotification {
  channel: 'sms' | 'voice' | 'site';
  recipient: { type: string; id: string; phone?: string | null };
  template: string;
  /** what the template needs; never sealed contents */
  params?: Record<string, unknown>;
}

export const notifyJobId = (id: string) => `notify-${id}`;

/** The outbox: a message is a row written with the change it reports, and delivered by the worker after commit. */
@Injectable()
export class NotificationService {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async enqueue(tx: Tx, n: NewNotification): Promise<string> {
    const [row] = rowsOf<{ id: string }>(
      await tx.em.query(
        `INSERT INTO notification_outbox (channel, recipient_type, recipient_id, phone, template, params) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [n.channel, n.recipient.type, n.recipient.id, n.recipient.phone ?? null, n.template, JSON.stringify(n.params ?? {})],
      ),
    );
    tx.afterCommit(() => this.wake(row.id));
    return row.id;
  }

  wake(id: string): Promise<unknown> {
    return this.queue.add(JobName.Notify, { id }, { jobId: notifyJobId(id), attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
  }
}
