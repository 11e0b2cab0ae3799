// The life of a trading project on the platform kernel; each domain adds its own stages inside "published".
export type ProjectStatus = 'draft' | 'published' | 'suspended' | 'closed' | 'cancelled';
export type ProjectEvent = 'publish' | 'suspend' | 'resume' | 'close' | 'cancel';

export const PROJECT_STATUSES: readonly ProjectStatus[] = ['draft', 'published', 'suspended', 'closed', 'cancelled'];
export const PROJECT_EVENTS: readonly ProjectEvent[] = ['publish', 'suspend', 'resume', 'close', 'cancel'];

// A suspended project is neither closed nor published again until a supervisor resumes it; closed and
// cancelled are final.
const TRANSITIONS: Record<ProjectStatus, Partial<Record<ProjectEvent, ProjectStatus>>> = {
  draft: { publish: 'published', cancel: 'cancelled' },
  published: { suspend: 'suspended', close: 'closed', cancel: 'cancelled' },
  suspended: { resume: 'published', cancel: 'cancelled' },
  closed: {},
  cancelled: {},
};

export type Transition = { ok: true; next: ProjectStatus } | { ok: false; from: ProjectStatus; event: ProjectEvent; allowed: ProjectEvent[] };

export function transition(from: ProjectStatus, event: ProjectEvent): Transition {
  const next = TRANSITIONS[from]?.[event];
  return next ? { ok: true, next } : { ok: false, from, event, allowed: Object.keys(TRANSITIONS[from] ?? {}) as ProjectEvent[] };
}
