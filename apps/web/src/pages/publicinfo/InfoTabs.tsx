import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import '../../oversight.css';

const TABS = [
  { key: '/portal/info', label: '公告信息' },
  { key: '/portal/info/contracts', label: '合同公示' },
  { key: '/portal/info/credit', label: '信用查询' },
  { key: '/portal/info/complaints', label: '投诉处理决定' },
  { key: '/portal/info/open-data', label: '开放数据(OCDS)' },
];

/** The 信息公开 section's own tab bar (one header menu item for the public information pages). */
export function InfoTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return <Tabs className="section-tabs" activeKey={pathname} onChange={(k) => navigate(k)} items={TABS} />;
}
