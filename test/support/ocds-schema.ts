// The subset of OCDS 1.1 that the open-data tests check every release against.
// Source: Open Contracting Data Standard 1.1.5, https://standard.open-contracting.org/schema/1__1__5/release-schema.json,
// release-package-schema.json and codelists/*.csv in https://github.com/open-contracting/standard (schema/, branch 1.1).
// Written out by hand from those files: required fields per object and the closed codelists (with the open ones we use);
// every package is also validated against the official schemas themselves (./ocds-official.ts).

import { officialProblems } from './ocds-official';

export const OCDS_SCHEMA_VERSION = '1.1.5';

/** `required` of each object in the 1.1.5 schemas (the release package's as released: uri, publisher, publishedDate, releases, version). */
export const REQUIRED = {
  releasePackage: ['uri', 'publisher', 'publishedDate', 'releases', 'version'],
  publisher: ['name'],
  release: ['ocid', 'id', 'date', 'tag', 'initiationType'],
  tender: ['id'],
  award: ['id'],
  contract: ['id', 'awardID'],
  item: ['id'],
  transaction: ['id'],
} as const;

/** Closed codelists (openCodelist: false), every code of 1.1.5. */
export const CLOSED = {
  initiationType: ['tender'],
  tenderStatus: ['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn'],
  method: ['open', 'selective', 'limited', 'direct'],
  awardStatus: ['pending', 'active', 'cancelled', 'unsuccessful'],
  contractStatus: ['pending', 'active', 'cancelled', 'terminated'],
  procurementCategory: ['goods', 'services', 'works'],
  /** releaseTag.csv of 1.1 */
  releaseTag: ['planning', 'planningUpdate', 'tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'awardUpdate', 'awardCancellation', 'contract', 'contractUpdate', 'contractAmendment', 'implementation', 'implementationUpdate', 'contractTermination', 'compiled'],
  /** currency.csv is ISO 4217; the platform trades in one */
  currency: ['CNY'],
} as const;

/** Open codelist, 1.1 codes: the platform uses no others. */
export const PARTY_ROLES_1_1 = ['buyer', 'procuringEntity', 'supplier', 'tenderer', 'funder', 'enquirer', 'payer', 'payee', 'reviewBody', 'interestedParty'] as const;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every violation of the subset in a release package, as "path: problem"; [] when it conforms. */
export function ocdsProblems(pkg: any): string[] {
  const out: string[] = [];
  const need = (obj: any, fields: readonly string[], path: string) => {
    for (const f of fields) if (obj?.[f] === undefined || obj[f] === null || obj[f] === '') out.push(`${path}.${f}: required`);
  };
  const inList = (v: unknown, list: readonly string[], path: string) => {
    if (!list.includes(v as string)) out.push(`${path}: "${String(v)}" not in codelist`);
  };
  const date = (v: unknown, path: string) => {
    if (v !== undefined && (typeof v !== 'string' || !ISO.test(v))) out.push(`${path}: not a date-time`);
  };
  const value = (v: any, path: string) => {
    if (v === undefined) return;
    if (typeof v.amount !== 'number' || !Number.isFinite(v.amount)) out.push(`${path}.amount: not a number`);
    inList(v.currency, CLOSED.currency, `${path}.currency`);
  };
  need(pkg, REQUIRED.releasePackage, 'package');
  need(pkg?.publisher, REQUIRED.publisher, 'package.publisher');
  if (pkg?.version !== '1.1') out.push('package.version: not "1.1"');
  date(pkg?.publishedDate, 'package.publishedDate');
  for (const [i, r] of (pkg?.releases ?? []).entries()) {
    const p = `releases[${i}]`;
    need(r, REQUIRED.release, p);
    date(r.date, `${p}.date`);
    if (!Array.isArray(r.tag) || r.tag.length === 0) out.push(`${p}.tag: at least one tag`);
    for (const t of r.tag ?? []) inList(t, CLOSED.releaseTag, `${p}.tag`);
    inList(r.initiationType, CLOSED.initiationType, `${p}.initiationType`);
    if (typeof r.id === 'string' && r.id.includes('#')) out.push(`${p}.id: contains #`);
    const partyIds = new Set<string>();
    for (const [j, party] of (r.parties ?? []).entries()) {
      partyIds.add(party.id);
      for (const role of party.roles ?? []) inList(role, PARTY_ROLES_1_1, `${p}.parties[${j}].roles`);
    }
    const ref = (o: any, path: string) => {
      if (o && !partyIds.has(o.id)) out.push(`${path}: "${o.id}" is not in parties`);
    };
    ref(r.buyer, `${p}.buyer`);
    value(r.planning?.budget?.amount, `${p}.planning.budget.amount`);
    if (r.tender) {
      const t = r.tender;
      need(t, REQUIRED.tender, `${p}.tender`);
      if (t.status !== undefined) inList(t.status, CLOSED.tenderStatus, `${p}.tender.status`);
      if (t.procurementMethod !== undefined) inList(t.procurementMethod, CLOSED.method, `${p}.tender.procurementMethod`);
      if (t.mainProcurementCategory !== undefined) inList(t.mainProcurementCategory, CLOSED.procurementCategory, `${p}.tender.mainProcurementCategory`);
      value(t.value, `${p}.tender.value`);
      date(t.tenderPeriod?.startDate, `${p}.tender.tenderPeriod.startDate`);
      date(t.tenderPeriod?.endDate, `${p}.tender.tenderPeriod.endDate`);
      ref(t.procuringEntity, `${p}.tender.procuringEntity`);
      for (const [j, o] of (t.tenderers ?? []).entries()) ref(o, `${p}.tender.tenderers[${j}]`);
      for (const [j, it] of (t.items ?? []).entries()) need(it, REQUIRED.item, `${p}.tender.items[${j}]`);
      if (t.numberOfTenderers !== undefined && !Number.isInteger(t.numberOfTenderers)) out.push(`${p}.tender.numberOfTenderers: not an integer`);
      // Amendment (1.1.5): no required field; id, rationale, description, amendsReleaseID and releaseID are strings, date a date-time
      if (t.amendments !== undefined && !Array.isArray(t.amendments)) out.push(`${p}.tender.amendments: not an array`);
      for (const [j, a] of (t.amendments ?? []).entries()) {
        date(a.date, `${p}.tender.amendments[${j}].date`);
        for (const f of ['id', 'rationale', 'description', 'amendsReleaseID', 'releaseID']) if (a[f] !== undefined && typeof a[f] !== 'string') out.push(`${p}.tender.amendments[${j}].${f}: not a string`);
      }
    }
    const awardIds = new Set<string>();
    for (const [j, a] of (r.awards ?? []).entries()) {
      const ap = `${p}.awards[${j}]`;
      need(a, REQUIRED.award, ap);
      awardIds.add(a.id);
      if (a.status !== undefined) inList(a.status, CLOSED.awardStatus, `${ap}.status`);
      date(a.date, `${ap}.date`);
      value(a.value, `${ap}.value`);
      for (const [k, s] of (a.suppliers ?? []).entries()) ref(s, `${ap}.suppliers[${k}]`);
    }
    for (const [j, c] of (r.contracts ?? []).entries()) {
      const cp = `${p}.contracts[${j}]`;
      need(c, REQUIRED.contract, cp);
      if (!awardIds.has(c.awardID)) out.push(`${cp}.awardID: "${c.awardID}" is no award of the release`);
      if (c.status !== undefined) inList(c.status, CLOSED.contractStatus, `${cp}.status`);
      date(c.dateSigned, `${cp}.dateSigned`);
      value(c.value, `${cp}.value`);
      for (const [k, tr] of (c.implementation?.transactions ?? []).entries()) {
        need(tr, REQUIRED.transaction, `${cp}.implementation.transactions[${k}]`);
        value(tr.value, `${cp}.implementation.transactions[${k}].value`);
        ref(tr.payer, `${cp}.implementation.transactions[${k}].payer`);
        ref(tr.payee, `${cp}.implementation.transactions[${k}].payee`);
      }
    }
  }
  return [...out, ...officialProblems('release-package', pkg)];
}

/** `required` of record-package-schema.json 1.1.5 and of its Record; a linked release needs url and date. */
export const RECORD_REQUIRED = {
  recordPackage: ['uri', 'publisher', 'publishedDate', 'records', 'version'],
  record: ['ocid', 'releases'],
  linkedRelease: ['url', 'date'],
} as const;

/**
 * Every violation of the record package subset: the package's required fields, `packages` (URIs, at least one, unique),
 * `records` (at least one), each record's ocid and releases (embedded ones checked as releases, sorted by date), the
 * compiled release as a release of the same ocid tagged `compiled`, and the versioned release's versions (releaseID of a
 * release in the record, releaseDate a date-time, releaseTag in the codelist).
 */
export function recordPackageProblems(pkg: any): string[] {
  const out: string[] = [];
  const asReleases = (releases: unknown[], path: string) =>
    ocdsProblems({ uri: pkg?.uri, version: '1.1', publishedDate: pkg?.publishedDate, publisher: pkg?.publisher, releases }).map((p) => `${path}: ${p}`);
  for (const f of RECORD_REQUIRED.recordPackage) if (pkg?.[f] === undefined || pkg[f] === null || pkg[f] === '') out.push(`package.${f}: required`);
  if (pkg?.version !== '1.1') out.push('package.version: not "1.1"');
  if (!ISO.test(pkg?.publishedDate ?? '')) out.push('package.publishedDate: not a date-time');
  if (pkg?.packages !== undefined) {
    if (!Array.isArray(pkg.packages) || pkg.packages.length === 0) out.push('package.packages: at least one');
    else if (new Set(pkg.packages).size !== pkg.packages.length) out.push('package.packages: not unique');
    for (const u of pkg.packages ?? []) if (typeof u !== 'string' || !/^https?:\/\//.test(u)) out.push(`package.packages: "${u}" is not a URI`);
  }
  if (!Array.isArray(pkg?.records) || pkg.records.length === 0) out.push('package.records: at least one');
  for (const [i, rec] of (pkg?.records ?? []).entries()) {
    const p = `records[${i}]`;
    for (const f of RECORD_REQUIRED.record) if (rec?.[f] === undefined) out.push(`${p}.${f}: required`);
    const releases: any[] = rec?.releases ?? [];
    if (!Array.isArray(releases) || releases.length === 0) out.push(`${p}.releases: at least one`);
    const linked = releases.every((r) => r && r.url !== undefined && r.ocid === undefined);
    if (linked) {
      for (const [j, r] of releases.entries()) for (const f of RECORD_REQUIRED.linkedRelease) if (r[f] === undefined) out.push(`${p}.releases[${j}].${f}: required`);
    } else {
      out.push(...asReleases(releases, `${p}.releases`));
      for (const r of releases) if (r.ocid !== rec.ocid) out.push(`${p}.releases: release ${r.id} is of another ocid`);
    }
    const dates = releases.map((r) => r.date);
    if (JSON.stringify(dates) !== JSON.stringify([...dates].sort())) out.push(`${p}.releases: not sorted by date`);
    if (rec?.compiledRelease !== undefined) {
      out.push(...asReleases([rec.compiledRelease], `${p}.compiledRelease`));
      if (rec.compiledRelease.ocid !== rec.ocid) out.push(`${p}.compiledRelease.ocid: not the record's`);
      if (JSON.stringify(rec.compiledRelease.tag) !== '["compiled"]') out.push(`${p}.compiledRelease.tag: not ["compiled"]`);
    }
    if (rec?.versionedRelease !== undefined) {
      const ids = new Set(releases.map((r) => r.id));
      if (rec.versionedRelease.ocid !== rec.ocid) out.push(`${p}.versionedRelease.ocid: not the record's`);
      const walk = (v: any, path: string): void => {
        if (Array.isArray(v)) {
          if (v.length && v.every((x) => x && typeof x === 'object' && 'releaseID' in x && 'value' in x)) {
            for (const [k, x] of v.entries()) {
              if (!ids.has(x.releaseID)) out.push(`${path}[${k}].releaseID: "${x.releaseID}" is no release of the record`);
              if (!ISO.test(x.releaseDate ?? '')) out.push(`${path}[${k}].releaseDate: not a date-time`);
              for (const t of x.releaseTag ?? []) if (!CLOSED.releaseTag.includes(t)) out.push(`${path}[${k}].releaseTag: "${t}" not in codelist`);
            }
          } else v.forEach((x, k) => walk(x, `${path}[${k}]`));
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) if (!(k === 'ocid' && path.endsWith('versionedRelease')) && !(k === 'id' && !Array.isArray(x))) walk(x, `${path}.${k}`);
        } else if (!path.endsWith('.ocid')) out.push(`${path}: an unversioned value`);
      };
      walk(rec.versionedRelease, `${p}.versionedRelease`);
    }
  }
  return [...out, ...officialProblems('record-package', pkg)];
}
