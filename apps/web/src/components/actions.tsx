import { useCallback, useState } from 'react';
import { App } from 'antd';
import { ApiError, session } from '../api/client';
import { asApiError } from './states';
import { typedYuan } from '../money-words';

/**
 * One action at a time on a page: `run(key, fn, done)` marks `busy === key`, shows `done` on success and keeps the
 * API's refusal (shown by <Refusal/> in Chinese) otherwise. Returns the result, or undefined when refused.
 */
export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const run = useCallback(
    async <T,>(key: string, fn: () => Promise<T>, done?: string): Promise<T | undefined> => {
      setBusy(key);
      setRefusal(null);
      try {
        const r = await fn();
        if (done) message.success(done);
        return r;
      } catch (e) {
        setRefusal(asApiError(e));
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [message],
  );
  return { busy, refusal, setRefusal, run };
}

/** Downloads a protected file with the session's token; a refusal comes back as the API's error. */
export async function downloadFile(path: string, name: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.token()}` } });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(res.status, body ?? { code: `HTTP_${res.status}`, status: res.status, message: { zh: '下载失败', en: 'download failed' } });
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Saves text the user must keep (a receipt) as a UTF-8 file. */
export function saveText(name: string, lines: string[]): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([lines.filter(Boolean).join('\n')], { type: 'text/plain;charset=utf-8' }));
  a.download = name;
  a.click();
}

/** Yuan with at most two decimals, as the API's money fields accept. */
export const MONEY = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
export const moneyRule = { pattern: MONEY, message: '金额以元为单位,最多两位小数' };

/** The same amount check on what people type: thousands separators and a ¥ sign are accepted (normalise with typedYuan). */
export const typedMoneyRule = {
  validator: async (_: unknown, v: string | undefined) => {
    if (v === undefined || v === null || v === '') return;
    if (typedYuan(v) === null) throw new Error('金额以元为单位,最多两位小数,可用千位分隔符(如 85,000,000)');
  },
};
