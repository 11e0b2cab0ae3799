/** The one way the web talks to the API: same origin, JSON, Bearer token from the login kept in sessionStorage. */

export interface ApiErrorBody {
  code: string;
  status: number;
  message: { zh: string; en: string };
  details?: unknown;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message?.zh ?? body.code);
  }
  get code(): string {
    return this.body.code;
  }
  /** What the user reads: the API's Chinese message. */
  get zh(): string {
    return this.body.message?.zh ?? `请求失败(${this.status})`;
  }
}

const TOKEN_KEY = 'yg.token';
const ACCOUNT_KEY = 'yg.account';

export interface RoleGrant {
  role: Role;
  domain: Domain | null;
}
export type Role = 'committee' | 'office' | 'regulator' | 'centre' | 'owner' | 'agent' | 'bidder' | 'expert';
export type Domain = 'tendering' | 'land' | 'procurement' | 'rural';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  organisationId: string | null;
  roles: RoleGrant[];
}

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  account: (): Account | null => {
    const raw = sessionStorage.getItem(ACCOUNT_KEY);
    return raw ? (JSON.parse(raw) as Account) : null;
  },
  save(token: string, account: Account): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ACCOUNT_KEY, JSON.stringify(account));
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ACCOUNT_KEY);
  },
};

/** Called when the API answers 401 to a signed-in request (expired or revoked token). */
let onUnauthorised: () => void = () => {};
export function setUnauthorisedHandler(fn: () => void): void {
  onUnauthorised = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function url(path: string, query?: Query): string {
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, init: { query?: Query; body?: unknown; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  let res: Response;
  try {
    res = await fetch(url(path, init.query), { method, headers, body });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', status: 0, message: { zh: '无法连接服务器,请检查网络后重试', en: 'The server cannot be reached' } });
  }
  const text = await res.text();
  const json = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && token) onUnauthorised();
    const fallback: ApiErrorBody = { code: `HTTP_${res.status}`, status: res.status, message: { zh: `请求失败(${res.status})`, en: `Request failed (${res.status})` } };
    throw new ApiError(res.status, json && typeof json === 'object' && 'code' in json ? (json as ApiErrorBody) : fallback);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown = {}) => request<T>('PATCH', path, { body }),
  form: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};
