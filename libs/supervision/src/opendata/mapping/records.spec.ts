import { compiledRelease, versionedRelease } from './records';
import { OcdsRelease } from './ocds-types';
import { recordPackageProblems } from '../../../../../test/support/ocds-schema';

const base = (date: string, tag: OcdsRelease['tag'], tender: Partial<OcdsRelease['tender']>, more: Partial<OcdsRelease> = {}): OcdsRelease => ({
  ocid: 'ocds-yg0000-GC-1',
  id: `ocds-yg0000-GC-1-${date}`,
  date,
  tag,
  initiationType: 'tender',
  language: 'zh',
  parties: [{ id: 'P1', name: '甲', identifier: { scheme: 'CN-SAIC', id: '1', legalName: '甲' }, roles: ['buyer'] }],
  buyer: { id: 'P1', name: '甲' },
  tender: { id: 'GC-1', title: 't', status: 'active', procurementMethod: 'open', procurementMethodDetails: 'x', ...tender },
  ...more,
});

describe('OCDS record: compiled and versioned releases', () => {
  const announce = base('2026-03-01T08:00:00.000Z', ['planning', 'tender'], { tenderPeriod: { startDate: '2026-03-01T08:00:00.000Z', endDate: '2026-03-20T08:00:00.000Z' } });
  const amend = base('2026-03-05T08:00:00.000Z', ['tenderAmendment'], {
    tenderPeriod: { startDate: '2026-03-01T08:00:00.000Z', endDate: '2026-03-25T08:00:00.000Z' },
    amendments: [{ id: 'a1', date: '2026-03-05T08:00:00.000Z', rationale: 'r', description: 'd', releaseID: 'x' }],
  });
  const award = base('2026-04-01T08:00:00.000Z', ['award'], { status: 'complete' }, {
    parties: [
      { id: 'P1', name: '甲', identifier: { scheme: 'CN-SAIC', id: '1', legalName: '甲' }, roles: ['buyer'] },
      { id: 'P2', name: '乙', identifier: { scheme: 'CN-SAIC', id: '2', legalName: '乙' }, roles: ['supplier'] },
    ],
    awards: [{ id: 'section-1', status: 'active', date: '2026-04-01T08:00:00.000Z', value: { amount: 1, currency: 'CNY' }, suppliers: [{ id: 'P2', name: '乙' }] }],
  });

  it('compiles the latest value of every field, merging identified arrays by id, with its own id, date and the compiled tag', () => {
    const c = compiledRelease([award, announce, amend]) as any;
    expect(c).toMatchObject({ ocid: announce.ocid, id: `${announce.ocid}-compiled`, date: award.date, tag: ['compiled'] });
    expect(c.tender.tenderPeriod.endDate).toBe('2026-03-25T08:00:00.000Z');
    expect(c.tender.status).toBe('complete');
    // a field a later release leaves out keeps its value (OCDS: only null removes)
    expect(c.tender.amendments).toHaveLength(1);
    expect(c.parties.map((p: any) => p.id)).toEqual(['P1', 'P2']);
    expect(c.awards[0].suppliers).toEqual([{ id: 'P2', name: '乙' }]);
  });

  it('versions each value with the release that set it, a new version only when it changed', () => {
    const v = versionedRelease([announce, amend, award]) as any;
    expect(v.ocid).toBe(announce.ocid);
    expect(v.id).toBeUndefined();
    expect(v.tender.tenderPeriod.endDate).toEqual([
      { releaseID: announce.id, releaseDate: announce.date, releaseTag: ['planning', 'tender'], value: '2026-03-20T08:00:00.000Z' },
      { releaseID: amend.id, releaseDate: amend.date, releaseTag: ['tenderAmendment'], value: '2026-03-25T08:00:00.000Z' },
    ]);
    expect(v.tender.id).toEqual([{ releaseID: announce.id, releaseDate: announce.date, releaseTag: ['planning', 'tender'], value: 'GC-1' }]);
    expect(v.tender.status.map((x: any) => x.value)).toEqual(['active', 'complete']);
    expect(v.parties[1].id).toBe('P2');
    expect(v.parties[1].roles).toEqual([{ releaseID: award.id, releaseDate: award.date, releaseTag: ['award'], value: ['supplier'] }]);
    const pkg = { uri: 'http://x/r', version: '1.1', publishedDate: award.date, publisher: { name: 'p' }, packages: ['http://x/p'], records: [{ ocid: announce.ocid, releases: [announce, amend, award], compiledRelease: compiledRelease([announce, amend, award]), versionedRelease: v }] };
    expect(recordPackageProblems(pkg)).toEqual([]);
    // an unversioned value: both the suite's check and the official versioned-release schema refuse it
    expect(recordPackageProblems({ ...pkg, records: [{ ...pkg.records[0], versionedRelease: { ...v, tender: { ...v.tender, title: 't' } } }] })).toEqual([
      'records[0].versionedRelease.tender.title: an unversioned value',
      'official record-package/records/0/versionedRelease/tender/title: must be array {"type":"array"}',
    ]);
    expect(v.awards[0].suppliers[0]).toEqual({ id: 'P2', name: [{ releaseID: award.id, releaseDate: award.date, releaseTag: ['award'], value: '乙' }] });
  });
});
