import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/roles';
import { TransactionRunner, Tx } from '../database/transaction-runner';
import { AuditEntryRow, AuditVerifyService } from './audit-verify.service';

/** One audit event as a supervisor's read returned it (the columns a watcher may judge it by). */
export interface ReadEvent {
  /** insertion id (immutable, there from the commit) */
  id: string;
  /** null until the sequencer links the entry */
  seq: string | null;
  action: string;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  payload: unknown;
}

/** Which route read the events: the search (`GET /supervision/audit`), one subject's trail (`GET /audit/events`), a project's export. */
export type AuditReadView = 'audit_search' | 'audit_events' | 'audit_export';

/**
 * What a lib records when supervisors read audit events, in the read's transaction (throwing refuses the read). Tendering
 * records a read of bidders' names before the opening as `tender.bidders_viewed` (法 22; docs/tendering.md).
 */
export type AuditReadWatcher = (tx: Tx, reader: Actor, events: readonly ReadEvent[], view: AuditReadView) => Promise<void>;

/**
 * The routes that return audit events to people call `read` before answering; libs register watchers in onModuleInit
 * (`auditReads.watch('tendering', fn)`), so that the platform and supervision need not know which events are sensitive.
 */
@Injectable()
export class AuditReads {
  private readonly watchers = new Map<string, AuditReadWatcher>();

  constructor(
    private readonly txr: TransactionRunner,
    private readonly links: AuditVerifyService,
  ) {}

  watch(name: string, watcher: AuditReadWatcher): void {
    if (this.watchers.has(name)) throw new Error(`audit read watcher ${name} is registered twice`);
    this.watchers.set(name, watcher);
  }

  async read(tx: Tx, reader: Actor, events: readonly ReadEvent[], view: AuditReadView): Promise<void> {
    if (events.length === 0) return;
    for (const watcher of this.watchers.values()) await watcher(tx, reader, events, view);
  }

  /** One subject's trail as `reader` reads it (`GET /audit/events`), the read recorded in its transaction. */
  subjectEvents(reader: Actor, subjectType: string, subjectId: string): Promise<AuditEntryRow[]> {
    return this.txr.run(async (tx) => {
      const rows = await this.links.eventsOf(subjectType, subjectId, tx.em);
      await this.read(tx, reader, rows, 'audit_events');
      return rows;
    });
  }
}
