import { DependencyList, ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Empty, Result, Skeleton, Spin } from 'antd';
import { ApiError } from '../api/client';

export interface Loadable<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change; keeps the last data while reloading (no flicker on refresh). */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loadable<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const current = useRef(0);
  useEffect(() => {
    const n = ++current.current;
    setLoading(true);
    load().then(
      (d) => {
        if (n !== current.current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e) => {
        if (n !== current.current) return;
        setError(asApiError(e));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, { code: 'CLIENT', status: 0, message: { zh: '页面出错,请刷新重试', en: String(e) } });
}

export function Loading({ rows = 4 }: { rows?: number }) {
  return (
    <div className="state-loading" role="status" aria-label="加载中">
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function Spinner() {
  return (
    <div className="state-spinner">
      <Spin />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <Result
      status={error.status === 403 ? '403' : error.status === 404 ? '404' : 'warning'}
      title={error.zh}
      subTitle={<span className="muted">错误代码 {error.code}{error.body.requestId ? ` · 请求编号 ${error.body.requestId}` : ''}</span>}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

export function EmptyState({ text = '暂无数据', children }: { text?: string; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {children}
    </Empty>
  );
}

/** Loading → error → empty → content, the same way on every page. */
export function Loaded<T>({ state, empty, emptyText, children, rows }: { state: Loadable<T>; empty?: (d: T) => boolean; emptyText?: string; rows?: number; children: (d: T) => ReactNode }) {
  if (state.error && state.data === undefined) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading rows={rows} />;
  if (empty?.(state.data)) return <EmptyState text={emptyText} />;
  return (
    <>
      {state.error && <Alert type="warning" showIcon message={`刷新失败:${state.error.zh}`} style={{ marginBottom: 12 }} />}
      {children(state.data)}
    </>
  );
}

/** A refusal from the API, shown in Chinese with its code. */
export function Refusal({ error, onClose }: { error: ApiError | null; onClose?: () => void }) {
  if (!error) return null;
  return <Alert className="refusal" type="error" showIcon closable={!!onClose} onClose={onClose} message={error.zh} description={<span className="muted">错误代码 {error.code}</span>} style={{ marginBottom: 16 }} />;
}
