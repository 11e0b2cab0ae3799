import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { Account, Domain } from '../../api/client';
import { api } from '../../api/client';
import { Page as Paged, PublicProject } from '../../api/types';
import '../../oversight.css';

const TABS = [
  { key: '/workspace/oversight', label: '投诉处理' },
  { key: '/workspace/oversight/cards', label: '红黄牌监察' },
  { key: '/workspace/oversight/collusion', label: '围标串标预警' },
  { key: '/workspace/oversight/credit', label: '信用记录' },
  { key: '/workspace/supervision', label: '审计检索' },
  { key: '/portal/stats', label: '统计分析' },
];

/** The supervision desk's own tab bar (one header menu item for the desk). */
export function OversightTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return <Tabs className="section-tabs" activeKey={pathname} onChange={(k) => navigate(k)} items={TABS} />;
}

/**
 * The domains an account supervises: null = all (the office); a regulator's own domains otherwise. The pages offer
 * only these, so nothing on screen leads to a PROJECT_NOT_IN_SCOPE refusal (the API enforces it regardless).
 */
export function supervisedDomains(account: Account | null): Domain[] | null {
  if (!account) return [];
  if (account.roles.some((g) => g.role === 'office')) return null;
  return account.roles.filter((g) => g.role === 'regulator' && g.domain).map((g) => g.domain as Domain);
}

export const isOffice = (account: Account | null) => !!account?.roles.some((g) => g.role === 'office');

/** Published projects by id (names for rows that carry only a project id), up to 2,000. */
export async function projectIndex(): Promise<Map<string, PublicProject>> {
  const out = new Map<string, PublicProject>();
  for (let page = 1; page <= 20; page++) {
    const r = await api.get<Paged<PublicProject>>('/public/projects', { page, pageSize: 100 });
    for (const p of r.items) out.set(p.id, p);
    if (out.size >= r.total || r.items.length === 0) break;
  }
  return out;
}
