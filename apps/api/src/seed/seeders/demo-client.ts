import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { TokenService } from '@app/platform/auth/token.service';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { MilestoneFirer } from '@app/platform/milestones/milestone-firer';
import { MilestoneService } from '@app/platform/milestones/milestone.service';

export class DemoRequestRefused extends Error {}

/**
 * The demo's hands: each step is an HTTP request of a demo account to the api running in this process (guards, DTO
 * validation, the domain service and its audit entry, exactly as a person in the UI), and, where a legal period must
 * already have passed, a backdating of the times the domain recorded, followed by firing the milestone as the worker
 * would.
 */
export class DemoClient {
  readonly ds: DataSource;
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly app: NestFastifyApplication,
    private readonly baseUrl: string,
  ) {
    this.ds = app.get<DataSource>(getDataSourceToken());
  }

  async token(username: string): Promise<string> {
    let t = this.tokens.get(username);
    if (!t) {
      const [a] = await this.ds.query(`SELECT id FROM account WHERE username = $1`, [username]);
      if (!a) throw new Error(`demo account ${username} is missing`);
      t = this.app.get(TokenService).issue(a.id).accessToken;
      this.tokens.set(username, t);
    }
    return t;
  }

  /** One request as `who`; anything but 2xx stops the seed with the api's answer. */
  async call<T = any>(who: string | null, method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (who) headers.authorization = `Bearer ${await this.token(who)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return this.answer<T>(res, `${who ?? 'public'} ${method} ${path}`);
  }

  post<T = any>(who: string, path: string, body: unknown = {}): Promise<T> {
    return this.call<T>(who, 'POST', path, body);
  }

  get<T = any>(who: string | null, path: string): Promise<T> {
    return this.call<T>(who, 'GET', path);
  }

  /** A multipart form with one file, as the browser sends uploads. */
  async form<T = any>(who: string, path: string, fields: Record<string, string>, file: { name: string; content: Buffer; field?: string }): Promise<T> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(file.field ?? 'documents', new Blob([file.content]), file.name);
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await this.token(who)}` } });
    return this.answer<T>(res, `${who} POST ${path}`);
  }

  private async answer<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    const body = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (res.status >= 300) throw new DemoRequestRefused(`${what} → ${res.status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 500)}`);
    return body as T;
  }

  /**
   * Moves recorded times of one subject into the past (what a demo needs when a legal period must already have run),
   * in one transaction with an audit entry that says so; then reschedules the subject's pending milestone of `kind`
   * to now (audited by the milestone service) and fires it through the worker's firer, so the domain's own handler
   * does what the worker does at that moment.
   */
  async backdate(subject: { type: string; id: string }, statements: { sql: string; params: unknown[] }[], payload: Record<string, unknown>, milestoneKind?: string): Promise<void> {
    const txr = this.app.get(TransactionRunner);
    await txr.run(async (tx) => {
      for (const s of statements) await tx.em.query(s.sql, s.params);
      let milestoneId: string | null = null;
      if (milestoneKind) {
        const [m] = await tx.em.query(`SELECT id FROM milestone WHERE subject_id = $1 AND kind = $2 AND status = 'pending' ORDER BY due_at LIMIT 1`, [subject.id, milestoneKind]);
        if (!m) throw new Error(`no pending ${milestoneKind} milestone for ${subject.type} ${subject.id}`);
        milestoneId = m.id;
        const [{ now }] = await tx.em.query(`SELECT now() AS now`);
        await this.app.get(MilestoneService).reschedule(tx, m.id, new Date(new Date(now).getTime() - 1000));
      }
      await this.app.get(AuditService).append(tx.em, { actor: SYSTEM_ACTOR, action: 'demo.backdated', subject, payload: { ...payload, milestoneId } });
    });
    if (milestoneKind) await this.fire(subject.id, milestoneKind);
  }

  /** Fires the subject's due milestone of `kind` (a running worker may have fired it first: that is the same). */
  async fire(subjectId: string, kind: string): Promise<void> {
    const [m] = await this.ds.query(`SELECT id, status FROM milestone WHERE subject_id = $1 AND kind = $2 ORDER BY updated_at DESC LIMIT 1`, [subjectId, kind]);
    if (!m) throw new Error(`no ${kind} milestone for ${subjectId}`);
    const outcome = await this.app.get(MilestoneFirer).fire(m.id);
    if (outcome.result !== 'fired' && !(outcome.result === 'not_pending' && outcome.status === 'fired')) throw new Error(`milestone ${kind} of ${subjectId} did not fire: ${JSON.stringify(outcome)}`);
  }
}
