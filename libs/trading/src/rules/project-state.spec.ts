import { PROJECT_EVENTS, PROJECT_STATUSES, ProjectEvent, ProjectStatus, transition } from './project-state';

// The whole table: every status × every event, so a new transition shows up here as a reviewed change.
const EXPECTED: Record<ProjectStatus, Partial<Record<ProjectEvent, ProjectStatus>>> = {
  draft: { publish: 'published', cancel: 'cancelled' },
  published: { suspend: 'suspended', close: 'closed', cancel: 'cancelled' },
  suspended: { resume: 'published', cancel: 'cancelled' },
  closed: {},
  cancelled: {},
};

describe('project state machine', () => {
  const pairs = PROJECT_STATUSES.flatMap((s) => PROJECT_EVENTS.map((e) => [s, e] as const));

  it.each(pairs)('%s + %s', (from, event) => {
    const t = transition(from, event);
    const next = EXPECTED[from][event];
    if (next) expect(t).toEqual({ ok: true, next });
    else expect(t).toEqual({ ok: false, from, event, allowed: Object.keys(EXPECTED[from]) });
  });

  it('publishes once: a published, suspended or closed project cannot be published again', () => {
    for (const from of ['published', 'suspended', 'closed', 'cancelled'] as const) expect(transition(from, 'publish').ok).toBe(false);
  });

  it('keeps closed and cancelled final', () => {
    for (const event of PROJECT_EVENTS) {
      expect(transition('closed', event).ok).toBe(false);
      expect(transition('cancelled', event).ok).toBe(false);
    }
  });
});
