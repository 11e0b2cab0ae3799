import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/roles';
import { TransactionRunner } from '../../database/transaction-runner';
import { renderNotification } from '../notification-templates';
import { RecipientDirectory } from '../recipient-directory';
import { InboxQuery, NotificationPage, NotificationView, ReadAllView, UnreadCountView } from './dto/inbox.dto';
import { InboxErrors } from './inbox-errors';
import { InboxRepository, InboxRow, RecipientKey } from './inbox.repository';

const view = (r: InboxRow): NotificationView => {
  const { title, text } = renderNotification(r.template, r.params);
  const projectId = typeof r.params.projectId === 'string' ? r.params.projectId : null;
  return { id: r.id, template: r.template, title, text, projectId, createdAt: r.createdAt, read: r.readAt !== null, readAt: r.readAt };
};

/**
 * 站内消息: what the outbox sent to an account, to its organisation (every account of it sees the notification and
 * keeps its own read mark), to one of its roles, or to what a domain says the account is (an expert).
 * Marking read writes only the reader's own read state: not audited, not a project write (docs/notifications.md).
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: InboxRepository,
    private readonly directory: RecipientDirectory,
  ) {}

  private async keys(actor: Actor): Promise<RecipientKey[]> {
    const accountId = actor.accountId!;
    const keys = [`account:${accountId}`, ...actor.roles.map((g) => `role:${g.role}`)];
    if (actor.organisationId) keys.push(`organisation:${actor.organisationId}`);
    keys.push(...(await this.repo.keysOf(this.txr.dataSource.manager, accountId, this.directory.entries())));
    return [...new Set(keys)];
  }

  async list(actor: Actor, q: InboxQuery): Promise<NotificationPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const unreadOnly = q.unread === 'true';
    const keys = await this.keys(actor);
    const em = this.txr.dataSource.manager;
    const [rows, counts] = await Promise.all([this.repo.page(em, keys, actor.accountId!, unreadOnly, pageSize, (page - 1) * pageSize), this.repo.counts(em, keys, actor.accountId!)]);
    return { page, pageSize, total: unreadOnly ? counts.unread : counts.total, unread: counts.unread, items: rows.map(view) };
  }

  async unreadCount(actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.repo.unread(this.txr.dataSource.manager, await this.keys(actor), actor.accountId!) };
  }

  async read(actor: Actor, id: string): Promise<NotificationView> {
    const keys = await this.keys(actor);
    return this.txr.run(async (tx) => {
      const found = await this.repo.one(tx.em, keys, actor.accountId!, id);
      if (!found) throw InboxErrors.NOTIFICATION_NOT_FOUND({ id });
      await this.repo.markRead(tx.em, actor.accountId!, id);
      return view((await this.repo.one(tx.em, keys, actor.accountId!, id))!);
    });
  }

  async readAll(actor: Actor): Promise<ReadAllView> {
    const keys = await this.keys(actor);
    return this.txr.run(async (tx) => ({ marked: await this.repo.markAllRead(tx.em, keys, actor.accountId!), unread: await this.repo.unread(tx.em, keys, actor.accountId!) }));
  }
}
