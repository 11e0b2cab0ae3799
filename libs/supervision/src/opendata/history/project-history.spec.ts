import { stateAt, versionsOf, HistoryInput } from './project-history';

const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 8, m));

describe('public project history', () => {
  const input: HistoryInput = {
    events: [
      { at: at(0), action: 'project.published', role: 'centre', payload: { from: 'draft', to: 'published' } },
      { at: at(0), action: 'tender.announced', role: 'centre', payload: { bidDeadline: at(20).toISOString() } },
      { at: at(5), action: 'tender.amended', role: 'owner', payload: { documentId: 'd2', previousDeadline: at(20).toISOString(), bidDeadline: at(30).toISOString(), moved: true } },
      { at: at(8), action: 'project.suspended', role: 'office', payload: { from: 'published', to: 'suspended', reason: '投诉处理' } },
      { at: at(10), action: 'project.resumed', role: 'office', payload: { from: 'suspended', to: 'published', shifted: [{ key: 'tender.bid_deadline', from: at(30).toISOString(), to: at(32).toISOString() }] } },
      { at: at(32), action: 'tender.opened', role: 'system', payload: {} },
    ],
    documents: [
      { id: 'd1', kind: 'tender', fileName: '招标文件.pdf', sha256: 'a', note: null, createdAt: at(-5) },
      { id: 'd2', kind: 'amendment', fileName: '修改.pdf', sha256: 'b', note: '第二章修改', createdAt: at(4.5) },
    ],
    clarifications: [{ question: 'q', answer: 'a', answeredAt: at(6) }],
  };

  it('lists one version per public event with what changed and why', () => {
    const v = versionsOf(input);
    expect(v.map((x) => x.action)).toEqual(['project.published', 'tender.announced', 'tender.amended', 'project.suspended', 'project.resumed', 'tender.opened']);
    expect(v[2].changes).toEqual([
      { field: 'bidDeadline', from: at(20).toISOString(), to: at(30).toISOString() },
      { field: 'documents', from: null, to: [expect.objectContaining({ id: 'd2', fileName: '修改.pdf' })] },
    ]);
    expect(v[2].reason).toEqual({ zh: '发布修改文件', en: 'tender documents amended', note: '第二章修改' });
    expect(v[3].reason.note).toBe('投诉处理');
    expect(v[4].changes).toEqual([
      { field: 'projectStatus', from: 'suspended', to: 'published' },
      { field: 'bidDeadline', from: at(30).toISOString(), to: at(32).toISOString() },
    ]);
    // an answer published between two events shows with the next one
    expect(v[3].changes).toEqual([
      { field: 'projectStatus', from: 'published', to: 'suspended' },
      { field: 'clarifications', from: null, to: [{ question: 'q', answer: 'a', answeredAt: at(6).toISOString() }] },
    ]);
  });

  it('gives the public view as it was at any moment, and nothing before publication', () => {
    expect(stateAt(input, at(-1))).toBeNull();
    const early = stateAt(input, at(4))!;
    expect(early).toMatchObject({ projectStatus: 'published', tenderStatus: 'bidding', bidDeadline: at(20).toISOString() });
    expect(early.documents.map((d) => [d.id, d.publishedAt])).toEqual([['d1', at(0).toISOString()]]);
    expect(early.clarifications).toEqual([]);
    // the amendment's row was written at the start of its transaction; it is public from its audited event
    expect(stateAt(input, at(4.9))!.documents.map((d) => d.id)).toEqual(['d1']);
    expect(stateAt(input, at(5))!.documents.map((d) => [d.id, d.publishedAt])).toEqual([['d1', at(0).toISOString()], ['d2', at(5).toISOString()]]);
    expect(stateAt(input, at(9))).toMatchObject({ projectStatus: 'suspended', bidDeadline: at(30).toISOString() });
    expect(stateAt(input, at(9))!.documents).toHaveLength(2);
    expect(stateAt(input, at(40))).toMatchObject({ projectStatus: 'published', tenderStatus: 'opened', bidDeadline: at(32).toISOString() });
  });
});
