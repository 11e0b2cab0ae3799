import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service';

export class DemoRequestRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export interface DemoFile {
  name: string;
  content: Buffer;
  /** the multipart field, `documents` unless the route names another */
  field?: string;
}

/**
 * The demo's hands (the seed's and the worker's demo jobs): each step is an HTTP request of a demo account to the api,
 * so guards, DTO validation, the domain service, sealing and its audit entry are exactly what a person in the UI gets.
 * Tokens are issued for the account by the platform's own TokenService (no password needed, nothing stored).
 */
export class DemoHttp {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly ds: DataSource,
    private readonly tokenService: TokenService,
    private readonly baseUrl: string,
  ) {}

  async accountId(username: string): Promise<string> {
    const [a] = await this.ds.query(`SELECT id FROM account WHERE username = $1`, [username]);
    if (!a) throw new Error(`demo account ${username} is missing`);
    return a.id as string;
  }

  async token(username: string): Promise<string> {
    let t = this.tokens.get(username);
    if (!t) {
      t = this.tokenService.issue(await this.accountId(username)).accessToken;
      this.tokens.set(username, t);
    }
    return t;
  }

  /** One request as `who` (null: anonymous); anything but 2xx throws DemoRequestRefused with the api's answer. */
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

  put<T = any>(who: string, path: string, body: unknown): Promise<T> {
    return this.call<T>(who, 'PUT', path, body);
  }

  patch<T = any>(who: string, path: string, body: unknown): Promise<T> {
    return this.call<T>(who, 'PATCH', path, body);
  }

  get<T = any>(who: string | null, path: string): Promise<T> {
    return this.call<T>(who, 'GET', path);
  }

  /** A multipart form with one file, as the browser sends uploads. */
  async form<T = any>(who: string, path: string, fields: Record<string, string>, file: DemoFile): Promise<T> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(file.field ?? 'documents', new Blob([file.content]), file.name);
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await this.token(who)}` } });
    return this.answer<T>(res, `${who} POST ${path}`);
  }

  private async answer<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    const body = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (res.status >= 300) throw new DemoRequestRefused(`${what} → ${res.status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 500)}`, res.status, body);
    return body as T;
  }
}

/** A document as the demo uploads it: a small PDF-looking file whose text says what it is. */
export const demoPdf = (text: string): Buffer => Buffer.from(`%PDF-1.7\n${text}\n${'　'.repeat(200)}\n%%EOF`);
