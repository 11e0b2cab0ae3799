import { transition } from './project-state';

describe('project state machine', () => {
  it('publishes a draft, suspends and resumes a published project', () => {
    expect(transition('draft', 'publish')).toEqual({ ok: true, next: 'published' });
    expect(transition('published', 'suspend')).toEqual({ ok: true, next: 'suspended' });
    expect(transition('suspended', 'resume')).toEqual({ ok: true, next: 'published' });
  });

  it.each([
    ['draft', 'suspend'],
    ['published', 'publish'],
    ['suspended', 'publish'],
    ['published', 'resume'],
    ['closed', 'resume'],
    ['cancelled', 'publish'],
  ] as const)('refuses %s → %s and says what is allowed', (from, event) => {
    const t = transition(from, event);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.allowed).not.toContain(event);
  });
});
