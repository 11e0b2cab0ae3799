import { TestApp } from './test-app';

/** Posts a multipart form (fields and one file) through real HTTP, as a browser would. */
export async function postForm(t: TestApp, path: string, token: string | undefined, fields: Record<string, string>, file?: { name: string; content: Buffer; field?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append(file.field ?? 'documents', new Blob([file.content]), file.name);
  const res = await fetch(`${t.http.baseUrl}${path}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

/** A committee-published sandbox version of the tendering rules with periods short enough for one test. */
export async function fastTenderingRules(t: TestApp, committee: string, periods: Record<string, number>): Promise<void> {
  const changes = { periods: Object.fromEntries(Object.entries(periods).map(([k, s]) => [k, { value: s, unit: 's' }])) };
  const draft = await t.http.post('/rule-sets', { domain: 'tendering', name: '招投标测试(秒)', sandbox: true, changes }, committee);
  if (draft.status !== 201) throw new Error(`rule draft refused: ${JSON.stringify(draft.body)}`);
  const published = await t.http.post(`/rule-sets/${draft.body.id}/publish`, {}, committee);
  if (published.status !== 200) throw new Error(`rule publish refused: ${JSON.stringify(published.body)}`);
}
