import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';

const DESKS = [
  { key: '/workspace/centre/land', label: '土地出让' },
  { key: '/workspace/centre/rural', label: '农村产权' },
  { key: '/workspace/centre/mall', label: '电子卖场' },
];

/** The centre's desks of the three domains besides tendering, one tab each (the header keeps one item). */
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
