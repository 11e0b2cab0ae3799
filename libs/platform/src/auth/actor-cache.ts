import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { Actor } from './roles';

export const ACCOUNT_CHANGED_CHANNEL = 'yg_account_changed';

/**
 * A short cache of the actors behind tokens, emptied by PostgreSQL: a trigger notifies `yg_account_changed` with the
 * account id when a role, the disabled flag or the organisation of an account commits (migration 1764000002560), and
 * this process listens. Entries are served only while the listening connection is up; when it drops, the cache is
 * emptied and bypassed until it is back, so a change can never be missed for longer than the notification's delivery.
 */
export class ActorCache {
  private readonly logger = new Logger(ActorCache.name);
  private readonly entries = new Map<string, { actor: Actor; until: number }>();
  /** bumped by every invalidation: a load that began before one must not store what it read */
  private epoch = 0;
  private listener: Client | null = null;
  private listening = false;
  private starting: Promise<void> | null = null;
  private closed = false;
  /** no new listening attempt before this time (after a failure), so a database that is down is not hammered */
  private retryAt = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly ttlMs: number,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && !this.closed;
  }

  /** The cached actor, if fresh and the listener is up; starts the listener on first use. */
  get(accountId: string): Actor | undefined {
    if (!this.enabled) return undefined;
    if (!this.listening) {
      void this.listen();
      return undefined;
    }
    const hit = this.entries.get(accountId);
    if (!hit) return undefined;
    if (hit.until > Date.now()) return hit.actor;
    this.entries.delete(accountId);
    return undefined;
  }

  /** How many actors are held (tests). */
  size(): number {
    return this.entries.size;
  }

  /** The epoch to pass to `set`, taken before reading the account. */
  mark(): number {
    return this.epoch;
  }

  set(accountId: string, actor: Actor, markedAt: number): void {
    if (!this.enabled || !this.listening || markedAt !== this.epoch) return;
    if (this.entries.size >= 50_000) this.entries.clear();
    this.entries.set(accountId, { actor, until: Date.now() + this.ttlMs });
  }

  /** Drops one account (or all with '*'); called by the listener and, at once, by this process's own changes. */
  forget(accountId: string | '*'): void {
    this.epoch++;
    if (accountId === '*') this.entries.clear();
    else this.entries.delete(accountId);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.entries.clear();
    const l = this.listener;
    this.listener = null;
    await l?.end().catch(() => undefined);
  }

  /** Waits until the listener is up (tests; a process serves uncached until then). */
  async ready(): Promise<void> {
    if (this.enabled) await this.listen();
  }

  private listen(): Promise<void> {
    if (this.listening || this.closed || Date.now() < this.retryAt) return Promise.resolve();
    this.starting ??= this.connect().finally(() => (this.starting = null));
    return this.starting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'yangguang-actor-cache' });
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      this.forget('*');
      this.retryAt = Date.now() + 1000;
      if (err && !this.closed) this.logger.warn({ err }, 'actor cache listener lost; serving uncached until it reconnects');
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      if (n.channel === ACCOUNT_CHANGED_CHANNEL) this.forget(n.payload ?? '*');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCOUNT_CHANGED_CHANNEL}`);
    } catch (err) {
      this.logger.warn({ err }, 'actor cache listener could not start; serving uncached');
      this.retryAt = Date.now() + 1000;
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.forget('*'); // anything that changed before LISTEN took effect
    this.listening = true;
  }
}
