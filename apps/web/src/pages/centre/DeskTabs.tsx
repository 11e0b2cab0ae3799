import { ReactNode, useState } from 'react';
import { Card, Drawer, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { DeskPage } from '../../api/desk-types';
import { Page } from '../../components/AppLayout';
import { useLoad } from '../../components/states';

const DESKS = [
  { key: '/workspace/centre/land', label: '土地出让' },
  { key: '/workspace/centre/rural', label: '农村产权' },
  { key: '/workspace/centre/mall', label: '电子卖场' },
  { key: '/workspace/centre/deposits', label: '投标保证金' },
];

/** The centre's desks of the three domains besides tendering, and tendering's deposits, one tab each (the header keeps one item). */
export function DeskTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return <Tabs style={{ marginBottom: 12 }} activeKey={pathname} onChange={(k) => navigate(k)} items={DESKS} />;
}

/** A tab label with its waiting count. */
export function Waiting({ label, n }: { label: string; n: number | undefined }) {
  return (
    <span>
      {label}
      {n ? <span className="desk-count">{n}</span> : null}
    </span>
  );
}

/** One tab of a desk: what waits for the centre (`waiting=` of the list route; '' is everything, not counted). */
export interface WaitingTab {
  key: string;
  label: string;
  hint: string;
}

/** A domain's desk: the tabs of what waits (each counted by the API), the list, and one item in a drawer. */
export function WaitingDesk<T extends { id: string; name: string }>(props: {
  tabs: WaitingTab[];
  path: string;
  drawerWidth: number;
  list: (waiting: string, tick: number, onOpen: (item: T) => void) => ReactNode;
  detail: (id: string, onChanged: () => void) => ReactNode;
}) {
  const { tabs, path } = props;
  const [tab, setTab] = useState(tabs[0].key);
  const [open, setOpen] = useState<T | null>(null);
  const [tick, setTick] = useState(0);
  const counted = tabs.filter((x) => x.key);
  const counts = useLoad(() => Promise.all(counted.map((x) => api.get<DeskPage<T>>(path, { waiting: x.key, pageSize: 1 }).then((r) => r.total))), [tick]);
  return (
    <Page title="交易业务" sub="土地出让、农村产权、电子卖场与招标投标保证金中等待交易中心办理的事项">
      <DeskTabs />
      <Card>
        <Tabs activeKey={tab} onChange={setTab} items={tabs.map((x) => ({ key: x.key, label: <Waiting label={x.label} n={x.key ? counts.data?.[counted.indexOf(x)] : undefined} /> }))} />
        <div className="muted" style={{ marginBottom: 12 }}>{tabs.find((x) => x.key === tab)?.hint}</div>
        {props.list(tab, tick, setOpen)}
      </Card>
      <Drawer width={`min(${props.drawerWidth}px, 100vw)`} open={!!open} title={open?.name} onClose={() => setOpen(null)} destroyOnClose>
        {open && props.detail(open.id, () => setTick((n) => n + 1))}
      </Drawer>
    </Page>
  );
}
