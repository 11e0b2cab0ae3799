import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { TradingDomain } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { publicProjectView } from '../dto/project.view';
import { ProjectRepository } from './project.repository';

/** A serialized page of GET /public/projects and its entity tag. */
export interface PublicPageBytes {
  body: string;
  etag: string;
}

interface Entry extends PublicPageBytes {
  generation: number;
  at: number;
}

/** The channel the triggers of migration 1764000002600 notify on every change the public list shows. */
export const PUBLIC_PROJECTS_CHANNEL = 'public_projects';
/** The hard bound on a cached page's age (docs/decisions.md "Public project list"): a missed notification heals by then. */
export const PUBLIC_PAGE_MAX_AGE_MS = 2000;
const MAX_ENTRIES = 500;
const RECONNECT_MS = 1000;

/**
 * Serialized public list pages, cached per api process and dropped when PostgreSQL notifies a change (the notification
 * is sent at commit, to every listening process). Until this process listens, or after its listening connection
 * drops, every request reads the database: a page is never served from a cache that could have missed a change.
 * A fill that started before a notification is never stored as fresh (the generation moved on).
 */
@Injectable()
export class PublicProjectPages implements OnModuleDestroy {
  private readonly log = new Logger(PublicProjectPages.name);
  private readonly pages = new Map<string, Entry>();
  private readonly filling = new Map<string, Promise<Entry>>();
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private connecting = false;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly txr: TransactionRunner,
    private readonly projects: ProjectRepository,
  ) {}

  /** The page if this process holds it fresh, without waiting: the lean path's question. */
  fresh(domain: TradingDomain | undefined, page: number, pageSize: number): PublicPageBytes | undefined {
    const key = `${domain ?? ''}|${page}|${pageSize}`;
    const hit = this.pages.get(key);
    if (!hit || !this.listening || hit.generation !== this.generation || performance.now() - hit.at >= PUBLIC_PAGE_MAX_AGE_MS) return undefined;
    this.refreshAhead(key, hit, domain, page, pageSize);
    return hit;
  }

  async page(domain: TradingDomain | undefined, page: number, pageSize: number): Promise<PublicPageBytes> {
    this.listen();
    const key = `${domain ?? ''}|${page}|${pageSize}`;
    const hit = this.fresh(domain, page, pageSize);
    if (hit) return hit;
    return this.fill(key, domain, page, pageSize);
  }

  /**
   * A page past half its age is read again in the background while it is still served, so that a busy page never
   * expires under its readers (who would all wait for one read, however slow the database is at that moment).
   */
  private refreshAhead(key: string, hit: Entry, domain: TradingDomain | undefined, page: number, pageSize: number): void {
    if (performance.now() - hit.at < PUBLIC_PAGE_MAX_AGE_MS / 2 || this.filling.has(key)) return;
    this.fill(key, domain, page, pageSize).catch((err: Error) => this.log.warn(`public list page refresh failed: ${err.message}`));
  }

  private async fill(key: string, domain: TradingDomain | undefined, page: number, pageSize: number): Promise<PublicPageBytes> {
    const generation = this.generation;
    const pending = this.filling.get(key);
    if (pending) {
      const e = await pending;
      if (e.generation === generation) return e;
    }
    const fill = this.read(domain, page, pageSize, generation);
    this.filling.set(key, fill);
    try {
      const entry = await fill;
      if (this.listening && entry.generation === this.generation) {
        if (this.pages.size >= MAX_ENTRIES && !this.pages.has(key)) this.pages.delete(this.pages.keys().next().value as string);
        this.pages.set(key, entry);
      }
      return entry;
    } finally {
      if (this.filling.get(key) === fill) this.filling.delete(key);
    }
  }

  /** Drops every cached page of this process (the notification does the same in every process). */
  invalidate(): void {
    this.generation++;
    this.pages.clear();
    this.filling.clear();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const l = this.listener;
    this.listener = null;
    this.listening = false;
    await l?.end().catch(() => undefined);
  }

  private async read(domain: TradingDomain | undefined, page: number, pageSize: number, generation: number): Promise<Entry> {
    const at = performance.now(); // the page's age counts from before its read, not after
    const { items, total } = await this.projects.publicPage(this.txr.dataSource.manager, domain, page, pageSize);
    // totalCapped stays in the shape for old clients: the total is exact now.
    const body = JSON.stringify({ items: items.map(publicProjectView), total, totalCapped: false, page, pageSize });
    return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, generation, at };
  }

  /** Opens the LISTEN connection on first use (the worker never lists), and again a second after it drops. */
  private listen(): void {
    if (this.listening || this.connecting || this.closed || performance.now() < this.retryAt) return;
    this.connecting = true;
    const options = this.txr.dataSource.options as PostgresConnectionOptions;
    const client = new Client({ connectionString: options.url, application_name: 'yangguang-public-list' });
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      if (err && !this.closed) this.log.warn(`public list listener lost: ${err.message}; reading the database until it is back`);
      this.listener = null;
      this.listening = false;
      this.retryAt = performance.now() + RECONNECT_MS;
      this.invalidate();
      client.end().catch(() => undefined);
    };
    client.on('notification', () => this.invalidate());
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    this.listener = client;
    client
      .connect()
      .then(() => client.query(`LISTEN ${PUBLIC_PROJECTS_CHANNEL}`))
      .then(() => {
        if (this.listener !== client || this.closed) return client.end();
        // Pages read before LISTEN took effect may have missed a change: start from a clean cache.
        this.invalidate();
        this.listening = true;
      })
      .catch((err: Error) => lost(err))
      .finally(() => (this.connecting = false));
  }
}
