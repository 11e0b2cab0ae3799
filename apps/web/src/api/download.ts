import { ApiError, ApiErrorBody, session } from './client';

/** Downloads a file that needs the Bearer token (a plain link cannot carry it): fetch → blob → a temporary link. */
export async function downloadWithToken(path: string, fileName: string): Promise<void> {
  const token = session.token();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', status: 0, message: { zh: '无法连接服务器,请检查网络后重试', en: 'The server cannot be reached' } });
  }
  if (!res.ok) {
    const json = (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as ApiErrorBody) : null;
    throw new ApiError(res.status, json && 'code' in json ? json : { code: `HTTP_${res.status}`, status: res.status, message: { zh: `下载失败(${res.status})`, en: `Download failed (${res.status})` } });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
