// Shapes of the centre's pages (project finder, hostable steps, the draws desk), as the API documents them at /docs.
import { Draw } from './types';

export type ProjectStatus = 'draft' | 'published' | 'suspended' | 'closed' | 'cancelled';

/** GET /projects */
export interface ProjectListItem {
  id: string;
  code: string;
  domain: 'tendering' | 'land' | 'procurement' | 'rural';
  name: string;
  region: string;
  status: ProjectStatus;
  ownerName: string;
  agentName: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface ProjectListPage {
  items: ProjectListItem[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** GET /scheduling/projects/:id/steps */
export interface HostableStep {
  id: string;
  kind: string;
  name: { zh: string; en: string };
  dueAt: string;
  sessionId: string | null;
}

/** GET /expert-draws/desk and the draw routes */
export interface DeskDraw extends Draw {
  projectCode: string;
  projectName: string;
  committee: { experts: number; ownerRepresentatives: number; size: number } | null;
  shortfall: { specialty: string; needed: number; available: number }[] | null;
}

export interface DrawPage {
  items: DeskDraw[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Specialty {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}

export interface ReplayResult {
  agrees: boolean;
  rule: 'v1' | 'v2' | 'unknown';
  note: { zh: string; en: string } | null;
  checks: { check: string; ok: boolean; round?: number; specialty?: string }[];
}
