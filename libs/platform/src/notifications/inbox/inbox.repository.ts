import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows';

export interface InboxRow {
  id: string;
  template: string;
  params: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** A recipient key, `type:id` (`organisation:<uuid>`, `role:centre`, `expert:42`): what the inbox index is built on. */
export type RecipientKey = string;

const KEY = `(n.recipient_type || ':' || n.recipient_id)`;
const UNREAD = `NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.account_id = $2 AND r.notification_id = n.id)`;

/** One page of an inbox, newest first: $1 the recipient keys, $2 the reading account, $3 limit, $4 offset (the EXPLAIN test reads it). */
export const inboxPageSql = (unreadOnly: boolean): string =>
  `SELECT n.id, n.template, n.params, n.created_at AS "createdAt",
          (SELECT r.read_at FROM notification_read r WHERE r.account_id = $2 AND r.notification_id = n.id) AS "readAt"
     FROM notification_outbox n
    WHERE ${KEY} = ANY($1::text[]) ${unreadOnly ? `AND ${UNREAD}` : ''}
    ORDER BY n.created_at DESC, n.id DESC
    LIMIT $3 OFFSET $4`;

/** All SQL of the inbox: notifications addressed to any of an account's keys, and that account's own read marks. */
@Injectable()
export class InboxRepository {
  async keysOf(em: EntityManager, accountId: string, lookups: [string, string][]): Promise<RecipientKey[]> {
    const keys: RecipientKey[] = [];
    for (const [type, sql] of lookups) for (const row of rowsOf<{ id: string }>(await em.query(sql, [accountId]))) keys.push(`${type}:${row.id}`);
    return keys;
  }

  async page(em: EntityManager, keys: RecipientKey[], accountId: string, unreadOnly: boolean, limit: number, offset: number): Promise<InboxRow[]> {
    return rowsOf<InboxRow>(await em.query(inboxPageSql(unreadOnly), [keys, accountId, limit, offset]));
  }

  async counts(em: EntityManager, keys: RecipientKey[], accountId: string): Promise<{ total: number; unread: number }> {
    const [row] = rowsOf<{ total: number; unread: number }>(
      await em.query(`SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${UNREAD}))::int AS unread FROM notification_outbox n WHERE ${KEY} = ANY($1::text[])`, [keys, accountId]),
    );
    return row;
  }

  async unread(em: EntityManager, keys: RecipientKey[], accountId: string): Promise<number> {
    const [row] = rowsOf<{ n: number }>(await em.query(`SELECT count(*)::int AS n FROM notification_outbox n WHERE ${KEY} = ANY($1::text[]) AND ${UNREAD}`, [keys, accountId]));
    return row.n;
  }

  async one(em: EntityManager, keys: RecipientKey[], accountId: string, id: string): Promise<InboxRow | null> {
    const [row] = rowsOf<InboxRow>(
      await em.query(
        `SELECT n.id, n.template, n.params, n.created_at AS "createdAt",
                (SELECT r.read_at FROM notification_read r WHERE r.account_id = $2 AND r.notification_id = n.id) AS "readAt"
           FROM notification_outbox n WHERE n.id = $3 AND ${KEY} = ANY($1::text[])`,
        [keys, accountId, id],
      ),
    );
    return row ?? null;
  }

  /** Marks one read; a second mark keeps the first time. */
  async markRead(em: EntityManager, accountId: string, id: string): Promise<void> {
    await em.query(`INSERT INTO notification_read (account_id, notification_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [accountId, id]);
  }

  /** Marks every notification addressed to the keys read, as of now; returns how many were unread. */
  async markAllRead(em: EntityManager, keys: RecipientKey[], accountId: string): Promise<number> {
    const rows = rowsOf<{ notification_id: string }>(
      await em.query(
        `INSERT INTO notification_read (account_id, notification_id)
         SELECT $2, n.id FROM notification_outbox n WHERE ${KEY} = ANY($1::text[]) AND ${UNREAD}
         ON CONFLICT DO NOTHING RETURNING notification_id`,
        [keys, accountId],
      ),
    );
    return rows.length;
  }
}
