import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import { time } from '../format';

export interface InboxItem {
  id: string;
  template: string;
  title: string;
  text: string;
  projectId: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

interface InboxPage {
  page: number;
  pageSize: number;
  total: number;
  unread: number;
  items: InboxItem[];
}

/** How often the header asks for the unread count while the page is open (also on focus). */
const POLL_MS = 60_000;
const PAGE_SIZE = 10;

/** 站内消息: the bell in the header with the unread count, and the inbox in a drawer. */
export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<InboxPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const refreshCount = useCallback(() => {
    api.get<{ unread: number }>('/notifications/mine/unread-count').then((r) => setUnread(r.unread), () => undefined);
  }, []);

  useEffect(() => {
    refreshCount();
    const timer = setInterval(refreshCount, POLL_MS);
    window.addEventListener('focus', refreshCount);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refreshCount);
    };
  }, [refreshCount]);

  const load = useCallback(() => {
    setLoading(true);
    api.get<InboxPage>('/notifications/mine', { page, pageSize: PAGE_SIZE, unread: filter === 'unread' ? 'true' : undefined }).then(
      (r) => {
        setData(r);
        setUnread(r.unread);
        setError(null);
        setLoading(false);
      },
      (e) => {
        setError(e instanceof ApiError ? e.zh : '加载失败');
        setLoading(false);
      },
    );
  }, [page, filter]);

  useEffect(() => {
    if (open) load();
  }, [open, load]);

  const read = async (n: InboxItem) => {
    if (n.read) return;
    const r = await api.post<InboxItem>(`/notifications/${n.id}/read`);
    setData((d) => (d ? { ...d, unread: Math.max(0, d.unread - 1), items: d.items.map((x) => (x.id === r.id ? r : x)) } : d));
    setUnread((u) => Math.max(0, u - 1));
  };

  const readAll = async () => {
    const r = await api.post<{ marked: number; unread: number }>('/notifications/mine/read-all');
    setUnread(r.unread);
    load();
  };

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99} offset={[-2, 4]}>
        <Button type="text" className="bell" aria-label={`站内消息,${unread} 条未读`} data-testid="notification-bell" icon={<BellOutlined />} onClick={() => setOpen(true)} />
      </Badge>
      <Drawer
        title="站内消息"
        open={open}
        onClose={() => (setOpen(false), refreshCount())}
        width={460}
        data-testid="inbox"
        extra={
          <Button size="small" disabled={!unread} onClick={readAll}>
            全部标为已读
          </Button>
        }
      >
        <Space style={{ marginBottom: 12 }}>
          <Segmented
            value={filter}
            onChange={(v) => (setFilter(v as 'all' | 'unread'), setPage(1))}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读 ${unread}` },
            ]}
          />
        </Space>
        {error ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : (
          <List<InboxItem>
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={filter === 'unread' ? '没有未读消息' : '暂无消息'} /> }}
            pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, size: 'small', onChange: setPage } : false}
            renderItem={(n) => (
              <List.Item
                className={n.read ? 'inbox-item read' : 'inbox-item unread'}
                data-testid="inbox-item"
                onClick={() => void read(n)}
                style={{ cursor: n.read ? 'default' : 'pointer' }}
                extra={!n.read && <Tag color="red" bordered={false}>未读</Tag>}
              >
                <List.Item.Meta
                  title={<span style={{ fontWeight: n.read ? 400 : 600 }}>{n.title}</span>}
                  description={
                    <Space direction="vertical" size={2}>
                      <span style={{ color: 'rgba(0,0,0,0.75)' }}>{n.text}</span>
                      <span className="muted">{time(n.createdAt)}</span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
