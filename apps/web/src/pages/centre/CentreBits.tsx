import { useEffect, useRef, useState } from 'react';
import { Alert, Select, Space, Tag } from 'antd';
import { api, ApiError } from '../../api/client';
import { ProjectListItem, ProjectListPage, ProjectStatus } from '../../api/centre-types';
import { DOMAIN_LABEL } from '../../format';
import { PROJECT_STATUS, refusalLines } from './centre-text';

/** An API refusal in Chinese with what exactly was in the way (the conflicting session, the committee's problems …). */
export function RefusalBox({ error, onClose, specialtyName }: { error: ApiError | null; onClose?: () => void; specialtyName?: (code: string) => string }) {
  if (!error) return null;
  const lines = refusalLines(error, specialtyName);
  return (
    <Alert
      className="refusal"
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      message={error.zh}
      data-testid="refusal"
      description={
        <>
          {lines.map((l) => (
            <div key={l} data-testid="refusal-line">{l}</div>
          ))}
          <span className="muted">错误代码 {error.code}</span>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

const DOMAIN_COLOR: Record<string, string> = { tendering: 'orange', land: 'green', procurement: 'blue', rural: 'gold' };

export function projectLabel(p: Pick<ProjectListItem, 'code' | 'name' | 'domain' | 'status'>) {
  return (
    <Space size={4} style={{ maxWidth: '100%' }}>
      <Tag color={DOMAIN_COLOR[p.domain]} bordered={false} style={{ marginInlineEnd: 0 }}>{DOMAIN_LABEL[p.domain] ?? p.domain}</Tag>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{p.name}</span>
      <span className="mono muted">{p.code}</span>
      {p.status !== 'published' && <span className="muted">({PROJECT_STATUS[p.status] ?? p.status})</span>}
    </Space>
  );
}

/**
 * Picks a project from the API's finder (GET /projects): the newest ones at once, then by a fragment of the name or
 * the start of the code, 300 ms after typing stops. Nobody types an id.
 */
export function ProjectPicker({ value, onChange, statuses, domain, placeholder = '输入项目名称或代码检索', testId = 'project-picker', initial }: {
  value?: string;
  onChange?: (id: string | undefined, project: ProjectListItem | undefined) => void;
  statuses?: ProjectStatus[];
  domain?: string;
  placeholder?: string;
  testId?: string;
  /** a project chosen elsewhere (a link from the tender desk), shown before any search */
  initial?: ProjectListItem;
}) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ProjectListItem[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const statusKey = (statuses ?? []).join(',');
  useEffect(() => {
    const n = ++seq.current;
    const h = setTimeout(() => {
      setLoading(true);
      api
        .get<ProjectListPage>('/projects', { q: q.trim() || undefined, status: statusKey || undefined, domain, pageSize: 30 })
        .then((r) => {
          if (n !== seq.current) return;
          setItems((prev) => {
            const chosen = prev.find((p) => p.id === value);
            return chosen && !r.items.some((p) => p.id === chosen.id) ? [chosen, ...r.items] : r.items;
          });
          setError(null);
        })
        .catch((e: ApiError) => n === seq.current && setError(e.zh))
        .finally(() => n === seq.current && setLoading(false));
    }, q ? 300 : 0);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, statusKey, domain]);
  return (
    <Select
      showSearch
      allowClear
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setQ}
      loading={loading}
      notFoundContent={error ?? (loading ? '检索中…' : '没有符合的项目')}
      onChange={(id?: string) => onChange?.(id, items.find((p) => p.id === id))}
      options={items.map((p) => ({ value: p.id, label: projectLabel(p) }))}
      data-testid={testId}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      dropdownStyle={{ maxWidth: 'calc(100vw - 24px)' }}
    />
  );
}

/** Re-renders every `ms` (countdowns, "the session has started"). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
}

/** A drawer as wide as asked, never wider than the screen (phones). */
export const drawerWidth = (px: number) => `min(${px}px, 100vw)`;
