// OCDS 1.1 record (https://standard.open-contracting.org/1.1/en/schema/merging/): the releases of one process merged into
// a compiled release (the current state) and a versioned release (every value with the release that set it).
import { OcdsRelease } from './ocds-types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Arrays merged by identifier, as the 1.1 schema declares them (arrays of objects with an `id`: Organization,
 * OrganizationReference, Item, Award, Contract, Amendment, Transaction, RelatedProcess, Document, Milestone). Any other
 * array (tag, roles, relationship) is replaced as a whole. Decided by the field, not the value: an empty `suppliers` is
 * still an identified array.
 */
const IDENTIFIED = new Set(['parties', 'tenderers', 'suppliers', 'items', 'awards', 'contracts', 'amendments', 'transactions', 'relatedProcesses', 'documents', 'milestones']);
const byId = (k: string, v: unknown): v is Obj[] => IDENTIFIED.has(k) && Array.isArray(v) && v.every((x) => isObj(x) && x.id !== undefined && x.id !== null);
/** The release's own metadata is not merged: the compiled release gets its own, the versioned release none. */
const RELEASE_META = new Set(['id', 'date', 'tag']);

/** Merges `next` into `into`: objects field by field, identified arrays item by item, anything else replaced; null removes. */
function merge(into: Obj, next: Obj, top = false): Obj {
  for (const [k, v] of Object.entries(next)) {
    if (top && RELEASE_META.has(k)) continue;
    if (v === null) delete into[k];
    else if (isObj(v)) into[k] = merge(isObj(into[k]) ? (into[k] as Obj) : {}, v);
    else if (byId(k, v)) {
      const items = (byId(k, into[k]) ? (into[k] as Obj[]) : []).map((x) => ({ ...x }));
      for (const item of v) {
        const i = items.findIndex((x) => String(x.id) === String(item.id));
        if (i >= 0) items[i] = merge(items[i], item);
        else items.push(merge({}, item));
      }
      into[k] = items;
    } else into[k] = structuredClone(v);
  }
  return into;
}

/** The current state of the process: releases merged oldest first (OCDS merge rules), tagged `compiled`. */
export function compiledRelease(releases: OcdsRelease[]): Obj {
  const sorted = [...releases].sort((a, b) => a.date.localeCompare(b.date));
  const last = sorted[sorted.length - 1];
  const out = sorted.reduce((acc, r) => merge(acc, r as unknown as Obj, true), {} as Obj);
  return { ocid: last.ocid, id: `${last.ocid}-compiled`, date: last.date, tag: ['compiled'], ...Object.fromEntries(Object.entries(out).filter(([k]) => k !== 'ocid')) };
}

interface Version {
  releaseID: string;
  releaseDate: string;
  releaseTag: string[];
  value: Json;
}

/**
 * Every field with the history of its values: a leaf (or an array replaced as a whole) becomes a list of versions, a new
 * version each time a release changes its value; identified arrays keep their items (and the items' `id`) unversioned.
 */
export function versionedRelease(releases: OcdsRelease[]): Obj {
  const sorted = [...releases].sort((a, b) => a.date.localeCompare(b.date));
  const out: Obj = { ocid: sorted[0].ocid };
  for (const r of sorted) {
    const meta = { releaseID: r.id, releaseDate: r.date, releaseTag: [...r.tag] };
    const body = Object.fromEntries(Object.entries(r).filter(([k]) => !RELEASE_META.has(k) && k !== 'ocid')) as Obj;
    versionInto(out, body, meta);
  }
  return out;
}

function versionInto(into: Obj, next: Obj, meta: Omit<Version, 'value'>, identified = false): void {
  for (const [k, v] of Object.entries(next)) {
    if (identified && k === 'id') {
      into.id = v;
      continue;
    }
    if (isObj(v)) {
      if (!isObj(into[k])) into[k] = {};
      versionInto(into[k] as Obj, v, meta);
    } else if (byId(k, v)) {
      const items = (Array.isArray(into[k]) ? into[k] : []) as Obj[];
      for (const item of v) {
        let target = items.find((x) => String(x.id) === String(item.id));
        if (!target) items.push((target = {}));
        versionInto(target, item, meta, true);
      }
      into[k] = items;
    } else {
      const versions = (Array.isArray(into[k]) ? into[k] : []) as unknown as Version[];
      const last = versions[versions.length - 1];
      if (!last || JSON.stringify(last.value) !== JSON.stringify(v)) versions.push({ ...meta, value: structuredClone(v) });
      into[k] = versions as unknown as Json;
    }
  }
}
