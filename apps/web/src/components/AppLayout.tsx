import { useEffect, useState } from 'react';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Role } from '../api/client';
import { homeOf, useAuth } from '../auth';
import { ROLE_LABEL } from '../format';
import { NotificationBell } from './NotificationBell';

interface NavItem {
  key: string;
  label: string;
  roles?: Role[];
}

const NAV: NavItem[] = [
  { key: '/', label: '交易公告' },
  { key: '/portal/info', label: '信息公开' },
  { key: '/portal/results', label: '结果公示' },
  { key: '/portal/stats', label: '统计分析' },
  { key: '/portal/rules', label: '交易规则' },
  { key: '/workspace/bidder', label: '我的投标', roles: ['bidder'] },
  { key: '/workspace/bidder/live', label: '竞价大厅', roles: ['bidder'] },
  { key: '/workspace/bidder/applications', label: '竞买申请', roles: ['bidder'] },
  { key: '/workspace/bidder/mall', label: '电子卖场', roles: ['bidder'] },
  { key: '/workspace/bidder/complaints', label: '我的投诉', roles: ['bidder'] },
  { key: '/workspace/centre', label: '项目受理', roles: ['centre'] },
  { key: '/workspace/centre/land', label: '交易业务', roles: ['centre'] },
  { key: '/workspace/centre/calendar', label: '场地日历', roles: ['centre'] },
  { key: '/workspace/centre/draws', label: '专家抽取', roles: ['centre'] },
  { key: '/workspace/expert', label: '评审邀请', roles: ['expert'] },
  { key: '/workspace/expert/evaluations', label: '我的评标', roles: ['expert'] },
  { key: '/workspace/supervision', label: '审计检索', roles: ['office', 'regulator'] },
  { key: '/workspace/oversight', label: '监督管理', roles: ['office', 'regulator'] },
  { key: '/workspace/committee', label: '规则管理', roles: ['committee'] },
  { key: '/workspace/committee/drafts', label: '规则起草', roles: ['committee'] },
  { key: '/workspace/committee/calendar', label: '节假日安排', roles: ['committee'] },
  { key: '/workspace/owner', label: '项目单位', roles: ['owner', 'agent'] },
  { key: '/workspace/owner/mall', label: '电子卖场', roles: ['owner'] },
];

/** Pages reached through a section's own tab bar, highlighted as the section's header item. */
const SECTION_OF: Record<string, string> = { '/workspace/centre/rural': '/workspace/centre/land', '/workspace/centre/mall': '/workspace/centre/land', '/workspace/centre/deposits': '/workspace/centre/land' };

/** A tender's deposits belong to the deposit desk's tab (交易业务), not to 项目受理. */
const sectionOf = (pathname: string) => SECTION_OF[pathname] ?? (/^\/workspace\/centre\/tenders\/[^/]+\/deposits$/.test(pathname) ? '/workspace/centre/land' : pathname);

function selectedKey(pathname: string, keys: string[]): string {
  const hits = keys.filter((k) => (k === '/' ? pathname === '/' || pathname.startsWith('/portal/tenders') || pathname.startsWith('/portal/land') : pathname === k || pathname.startsWith(`${k}/`)));
  return hits.sort((a, b) => b.length - a.length)[0] ?? '';
}

export function AppLayout() {
  const { account, has, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => !n.roles || has(...n.roles));
  const phone = !Grid.useBreakpoint().sm;
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [pathname]);
  const selected = selectedKey(sectionOf(pathname), items.map((i) => i.key));
  const roles = account?.roles.map((g) => `${ROLE_LABEL[g.role] ?? g.role}${g.domain ? `·${{ tendering: '工程', land: '土地', procurement: '采购', rural: '农村' }[g.domain]}` : ''}`) ?? [];

  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Link to={homeOf(account)} className="brand" aria-label="阳光交易 首页">
          <span className="brand-sun" />
          <span className="brand-name">阳光交易</span>
          <span className="brand-sub">公共资源交易平台</span>
        </Link>
        {phone ? (
          <>
            <Button type="text" className="app-nav-toggle" icon={<MenuOutlined />} onClick={() => setNavOpen(true)} aria-label="打开导航" data-testid="nav-toggle">
              {items.find((i) => i.key === selected)?.label ?? '导航'}
            </Button>
            <Drawer placement="left" width={260} open={navOpen} onClose={() => setNavOpen(false)} title="阳光交易" styles={{ body: { padding: 0 } }}>
              <Menu mode="inline" selectedKeys={[selected]} items={items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }))} data-testid="nav-drawer" />
            </Drawer>
          </>
        ) : (
          <Menu className="app-nav" theme="dark" mode="horizontal" selectedKeys={[selected]} items={items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }))} />
        )}
        <div className="app-user">
          {account ? (
            <Space size={12}>
              <NotificationBell key={account.id} />
              <Dropdown
                menu={{
                  items: [
                    { key: 'home', label: '我的工作台', onClick: () => navigate(homeOf(account)) },
                    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => (logout(), navigate('/')) },
                  ],
                }}
              >
                <Space className="user-chip" data-testid="user-chip">
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span>{account.displayName}</span>
                  {roles.slice(0, 2).map((r) => (
                    <Tag key={r} color="gold" bordered={false}>
                      {r}
                    </Tag>
                  ))}
                </Space>
              </Dropdown>
            </Space>
          ) : (
            <Button type="primary" ghost onClick={() => navigate(`/login?next=${encodeURIComponent(pathname)}`)}>
              登录
            </Button>
          )}
        </div>
      </Layout.Header>
      <Layout.Content className={pathname === '/' || pathname.startsWith('/portal') ? 'app-content public' : 'app-content'}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="app-footer">
        阳光交易 · 公共资源交易平台 —— 平台之外无交易,让每一笔交易晒在阳光下 · 页面时间均为北京时间 · <a href="/docs">接口文档</a> · <Link to="/portal/info/open-data">开放数据(OCDS)</Link>
      </Layout.Footer>
    </Layout>
  );
}

/** A page's title row and body. */
export function Page({ title, extra, children, sub }: { title: React.ReactNode; sub?: React.ReactNode; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{title}</h1>
          {sub && <div className="page-sub">{sub}</div>}
        </div>
        {extra && <div className="page-extra">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
