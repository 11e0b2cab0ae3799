import { Injectable, Logger } from '@nestjs/common';

export interface OutgoingMessage {
  id: string;
  channel: 'sms' | 'voice' | 'site';
  recipientType: string;
  recipientId: string;
  phone: string | null;
  template: string;
  params: Record<string, unknown>;
}

/** Delivers one message; SMS or voice gateways implement this and replace the logging adapter. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');

const maskPhone = (phone: string | null) => (phone ? phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') : null);

/** The adapter used until a gateway is contracted: it writes the message to the log, phone masked. */
@Injectable()
export class LogNotifier implements Notifier {
  private readonly logger = new Logger('Notifier');

  async send(m: OutgoingMessage): Promise<void> {
    this.logger.log({ notification: m.id, channel: m.channel, to: `${m.recipientType}:${m.recipientId}`, phone: maskPhone(m.phone), template: m.template }, 'notification sent');
  }
}
