import { Role, TradingDomain } from '@app/platform/auth/roles';

export const DEMO_PASSWORD = 'Demo@2026!sun';

export interface DemoOrganisation {
  key: string;
  name: string;
  uscc: string;
  region: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  org: string;
  role: Role;
  domain?: TradingDomain;
}

// USCCs built with valid GB 32100 / GB 11714 check characters (see libs/platform/src/identity/uscc.ts).
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'committee', name: '市公共资源交易管理委员会', uscc: '', region: '350100' },
  { key: 'office', name: '市公共资源交易管理办公室', uscc: '', region: '350100' },
  { key: 'housing', name: '市住房和城乡建设局', uscc: '', region: '350100' },
  { key: 'resources', name: '市自然资源和规划局', uscc: '', region: '350100' },
  { key: 'finance', name: '市财政局', uscc: '', region: '350100' },
  { key: 'agriculture', name: '市农业农村局', uscc: '', region: '350100' },
  { key: 'centre', name: '市公共资源交易中心', uscc: '', region: '350100' },
  { key: 'owner', name: '市城市建设投资集团有限公司', uscc: '', region: '350102' },
  { key: 'agent', name: '阳光招标代理有限公司', uscc: '', region: '350102' },
  { key: 'bidder1', name: '闽江建工集团有限公司', uscc: '', region: '350103' },
  { key: 'bidder2', name: '榕城路桥工程有限公司', uscc: '', region: '350104' },
  { key: 'bidder3', name: '海西置业发展有限公司', uscc: '', region: '350105' },
  { key: 'experts', name: '市综合评标专家库', uscc: '', region: '350100' },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'committee', displayName: '管委会 委员', org: 'committee', role: Role.Committee },
  { username: 'office', displayName: '管理办公室 监督员', org: 'office', role: Role.Office },
  { username: 'regulator-tendering', displayName: '住建局 监管员', org: 'housing', role: Role.Regulator, domain: TradingDomain.Tendering },
  { username: 'regulator-land', displayName: '自然资源局 监管员', org: 'resources', role: Role.Regulator, domain: TradingDomain.Land },
  { username: 'regulator-procurement', displayName: '财政局 监管员', org: 'finance', role: Role.Regulator, domain: TradingDomain.Procurement },
  { username: 'regulator-rural', displayName: '农业农村局 监管员', org: 'agriculture', role: Role.Regulator, domain: TradingDomain.Rural },
  { username: 'centre', displayName: '交易中心 业务员', org: 'centre', role: Role.Centre },
  { username: 'owner', displayName: '城投集团 经办人', org: 'owner', role: Role.Owner },
  { username: 'agent', displayName: '阳光招标 代理人', org: 'agent', role: Role.Agent },
  { username: 'bidder1', displayName: '闽江建工 投标员', org: 'bidder1', role: Role.Bidder },
  { username: 'bidder2', displayName: '榕城路桥 投标员', org: 'bidder2', role: Role.Bidder },
  { username: 'bidder3', displayName: '海西置业 竞买员', org: 'bidder3', role: Role.Bidder },
  { username: 'expert1', displayName: '评标专家 陈工', org: 'experts', role: Role.Expert },
  // expert2–expert5 sit with expert1 on the demo road tender's committee (docs/demo-data.md)
  { username: 'expert2', displayName: '评标专家 林工', org: 'experts', role: Role.Expert },
  { username: 'expert3', displayName: '评标专家 黄工', org: 'experts', role: Role.Expert },
  { username: 'expert4', displayName: '评标专家 郑教授', org: 'experts', role: Role.Expert },
  { username: 'expert5', displayName: '评标专家 吴老师', org: 'experts', role: Role.Expert },
];
