// OCDS 1.1 release handling: one immutable release per event, each repeating what was public at its date.
import { cny, Direction } from './amount';
import {
  AwardStatus,
  ContractStatus,
  OcdsAward,
  OcdsContract,
  OcdsItem,
  OcdsOrganizationReference,
  OcdsParty,
  OcdsRelease,
  OcdsTender,
  PartyRole,
  ProcurementCategory,
  ProcurementMethod,
  ReleaseTag,
  TenderStatus,
} from './ocds-types';
import { organisationIdentifier, partyId } from './organisation-id';

/** An organisation as the platform knows it: legal entities only, never a person's name or contact. */
export interface OrgFact {
  uscc: string;
  name: string;
}

/**
 * What the platform may publish about one contracting process, each fact with the time it became public. A repository
 * fills it only with what is public now (no sealed price, no bidder before the opening), so the mapping cannot leak.
 */
export interface ProcessFacts {
  /** project code, or the e-mall requirement's local id */
  localId: string;
  title: string;
  description?: string;
  direction: Direction;
  buyer: OrgFact;
  procuringEntity?: OrgFact | null;
  method: ProcurementMethod;
  methodDetails: string;
  methodRationale?: string;
  mainProcurementCategory?: ProcurementCategory;
  awardCriteria?: string;
  awardCriteriaDetails?: string;
  budget?: { fen: bigint; id?: string; description?: string } | null;
  valueFen?: bigint | null;
  items?: OcdsItem[];
  publishedAt: Date;
  tenderPeriod?: { start?: Date | null; end?: Date | null };
  /** the bids became known (opening, end of a listing, a quote deadline) */
  bids?: { at: Date; count: number; tenderers?: OrgFact[] } | null;
  awards: {
    id: string;
    title?: string;
    date: Date;
    publishedAt: Date;
    status: AwardStatus;
    valueFen: bigint;
    suppliers: OrgFact[];
    /** when the suppliers are named later than the award (a land sale names its buyer at the deal confirmation) */
    suppliersFrom?: Date | null;
  }[];
  contracts: {
    id: string;
    awardId: string;
    title?: string;
    dateSigned: Date;
    status: ContractStatus;
    valueFen: bigint;
    payments?: { id: string; at: Date; valueFen: bigint }[];
  }[];
  /** how and when the tender stage ended, if it did */
  end?: { at: Date; status: Exclude<TenderStatus, 'active' | 'planning' | 'planned'>; details: string } | null;
  related?: { localId: string; relationship: string; title?: string }[];
  /** 中止 / 恢复: each suspension and each resumption is a tenderUpdate; the new times are in the resumption's details */
  suspensions?: { suspendedAt: Date; reason: string; resumedAt: Date | null; times: { label: string; to: Date }[] }[];
  /** 修改: each amendment of the tender documents, a `tenderAmendment` release at its time */
  amendments?: { id: string; at: Date; rationale: string; description: string }[];
  /**
   * Each time the end of the tender period moved (an amendment, a resumption), with the end in force before it: a
   * release repeats the end as it was at the release's date, not the end in force when read.
   */
  endChanges?: { at: Date; from: Date }[];
}

export const ocidOf = (prefix: string, localId: string) => `${prefix}-${localId}`;

interface Event {
  at: number;
  tags: ReleaseTag[];
}

/** Every release of the process, oldest first. */
export function releasesOf(prefix: string, f: ProcessFacts): OcdsRelease[] {
  const events = new Map<number, Set<ReleaseTag>>();
  const add = (at: Date, tag: ReleaseTag) => {
    const t = at.getTime();
    if (!events.has(t)) events.set(t, new Set());
    events.get(t)!.add(tag);
  };
  add(f.publishedAt, 'tender');
  if (f.bids) add(f.bids.at, 'tenderUpdate');
  for (const a of f.awards) {
    add(a.publishedAt, 'award');
    if (a.suppliersFrom) add(a.suppliersFrom, 'award');
  }
  for (const c of f.contracts) {
    add(c.dateSigned, 'contract');
    for (const p of c.payments ?? []) add(p.at, 'implementation');
  }
  for (const s of f.suspensions ?? []) {
    add(s.suspendedAt, 'tenderUpdate');
    if (s.resumedAt) add(s.resumedAt, 'tenderUpdate');
  }
  for (const a of f.amendments ?? []) add(a.at, 'tenderAmendment');
  if (f.end) add(f.end.at, f.end.status === 'cancelled' || f.end.status === 'withdrawn' ? 'tenderCancellation' : 'tenderUpdate');
  const ordered: Event[] = [...events.entries()]
    .map(([at, tags]) => ({ at, tags: tidy([...tags]) }))
    .filter((e) => e.at >= f.publishedAt.getTime())
    .sort((a, b) => a.at - b.at);
  return ordered.map((e) => releaseAt(prefix, f, e, ordered));
}

export const releaseIdOf = (ocid: string, at: number | Date) => `${ocid}-${new Date(at).toISOString()}`;

/** 'tender' opens the process; an update at the same moment adds nothing to the tag. */
function tidy(tags: ReleaseTag[]): ReleaseTag[] {
  const order: ReleaseTag[] = ['planning', 'tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'contract', 'implementation'];
  const set = new Set(tags);
  if (set.has('tender')) set.delete('tenderUpdate');
  if (set.has('tenderAmendment')) set.delete('tenderUpdate');
  if (set.has('tenderUpdate') && (set.has('award') || set.has('contract'))) set.delete('tenderUpdate');
  if (set.has('tender') && set.size === 1) set.add('planning');
  return order.filter((t) => set.has(t));
}

function releaseAt(prefix: string, f: ProcessFacts, e: Event, events: Event[]): OcdsRelease {
  const ocid = ocidOf(prefix, f.localId);
  const by = (d: Date) => d.getTime() <= e.at;
  const parties = new Parties();
  const buyer = parties.add(f.buyer, 'buyer');
  const bids = f.bids && by(f.bids.at) ? f.bids : null;
  const awards = f.awards.filter((a) => by(a.publishedAt));
  const contracts = f.contracts.filter((c) => by(c.dateSigned));
  const ended = f.end && by(f.end.at) ? f.end : null;
  const revenue = f.direction === 'revenue';

  const tender: OcdsTender = {
    id: f.localId,
    title: f.title,
    ...(f.description ? { description: f.description } : {}),
    status: ended ? ended.status : 'active',
    ...(ended ? { statusDetails: ended.details } : suspensionDetails(f, e.at)),
    ...(f.procuringEntity ? { procuringEntity: parties.add(f.procuringEntity, 'procuringEntity') } : {}),
    ...(f.items?.length ? { items: f.items } : {}),
    ...(f.valueFen != null ? { value: cny(f.valueFen, f.direction) } : {}),
    procurementMethod: f.method,
    procurementMethodDetails: f.methodDetails,
    ...(f.methodRationale ? { procurementMethodRationale: f.methodRationale } : {}),
    ...(f.mainProcurementCategory ? { mainProcurementCategory: f.mainProcurementCategory } : {}),
    ...(f.awardCriteria ? { awardCriteria: f.awardCriteria } : {}),
    ...(f.awardCriteriaDetails ? { awardCriteriaDetails: f.awardCriteriaDetails } : {}),
    ...(f.tenderPeriod && (f.tenderPeriod.start || f.tenderPeriod.end) ? { tenderPeriod: period(f.tenderPeriod.start, endAsOf(f, e.at)) } : {}),
  };
  const amendments = (f.amendments ?? []).filter((a) => by(a.at));
  if (amendments.length) {
    tender.amendments = amendments.map((a) => {
      const before = events.filter((x) => x.at < a.at.getTime()).pop();
      return {
        id: a.id,
        date: a.at.toISOString(),
        rationale: a.rationale,
        description: a.description,
        ...(before ? { amendsReleaseID: releaseIdOf(ocid, before.at) } : {}),
        releaseID: releaseIdOf(ocid, a.at),
      };
    });
  }
  if (bids) {
    tender.numberOfTenderers = bids.count;
    if (bids.tenderers?.length) tender.tenderers = bids.tenderers.map((o) => parties.add(o, 'tenderer'));
  }

  const ocdsAwards: OcdsAward[] = awards.map((a) => ({
    id: a.id,
    ...(a.title ? { title: a.title } : {}),
    status: a.status,
    date: a.date.toISOString(),
    value: cny(a.valueFen, f.direction),
    suppliers: (a.suppliersFrom === undefined || (a.suppliersFrom && by(a.suppliersFrom)) ? a.suppliers : []).map((s) => {
      const ref = parties.add(s, 'supplier');
      if (revenue) parties.add(s, 'payer');
      return ref;
    }),
  }));
  if (revenue && ocdsAwards.length) parties.add(f.buyer, 'payee');

  const ocdsContracts: OcdsContract[] = contracts.map((c) => {
    const award = f.awards.find((a) => a.id === c.awardId);
    const supplier = award?.suppliers[0];
    const payments = (c.payments ?? []).filter((p) => by(p.at));
    const out: OcdsContract = {
      id: c.id,
      awardID: c.awardId,
      ...(c.title ? { title: c.title } : {}),
      status: c.status,
      dateSigned: c.dateSigned.toISOString(),
      value: cny(c.valueFen, f.direction),
    };
    if (payments.length && supplier) {
      const [payer, payee] = revenue ? [supplier, f.buyer] : [f.buyer, supplier];
      out.implementation = {
        transactions: payments.map((p) => ({
          id: p.id,
          date: p.at.toISOString(),
          value: cny(p.valueFen),
          payer: parties.add(payer, 'payer'),
          payee: parties.add(payee, 'payee'),
        })),
      };
    }
    return out;
  });

  const release: OcdsRelease = {
    ocid,
    id: releaseIdOf(ocid, e.at),
    date: new Date(e.at).toISOString(),
    tag: e.tags,
    initiationType: 'tender',
    language: 'zh',
    parties: [],
    buyer,
    tender,
  };
  if (f.budget) {
    release.planning = {
      budget: {
        ...(f.budget.id ? { id: f.budget.id } : {}),
        ...(f.budget.description ? { description: f.budget.description } : {}),
        amount: cny(f.budget.fen, f.direction),
        project: f.title,
        projectID: f.localId,
      },
    };
  }
  if (ocdsAwards.length) release.awards = ocdsAwards;
  if (ocdsContracts.length) release.contracts = ocdsContracts;
  if (f.related?.length) {
    release.relatedProcesses = f.related.map((r, i) => ({
      id: String(i + 1),
      relationship: [r.relationship],
      ...(r.title ? { title: r.title } : {}),
      scheme: 'ocid',
      identifier: ocidOf(prefix, r.localId),
    }));
  }
  release.parties = parties.list();
  return release;
}

/** OCDS has no suspended status: the tender stays active and says in its details that it stands still, or that it resumed. */
function suspensionDetails(f: ProcessFacts, at: number): { statusDetails?: string } {
  const last = (f.suspensions ?? []).filter((s) => s.suspendedAt.getTime() <= at).pop();
  if (!last) return {};
  if (!last.resumedAt || last.resumedAt.getTime() > at) return { statusDetails: `已中止(${last.reason})/ suspended` };
  if (last.resumedAt.getTime() !== at) return {};
  const times = last.times.map((t) => `${t.label} ${t.to.toISOString()}`).join(';');
  return { statusDetails: `已恢复${times ? `,${times}` : ''} / resumed` };
}

/** The end of the tender period in force at `at`: the value before the first change after it, else the current one. */
function endAsOf(f: ProcessFacts, at: number): Date | null | undefined {
  const next = (f.endChanges ?? []).filter((c) => c.at.getTime() > at).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return next ? next.from : f.tenderPeriod?.end;
}

function period(start?: Date | null, end?: Date | null) {
  return { ...(start ? { startDate: start.toISOString() } : {}), ...(end ? { endDate: end.toISOString() } : {}) };
}

/** Each organisation once, with every role it holds in the release. */
class Parties {
  private readonly byId = new Map<string, OcdsParty>();

  add(o: OrgFact, role: PartyRole): OcdsOrganizationReference {
    const id = partyId(o.uscc);
    let p = this.byId.get(id);
    if (!p) {
      p = { id, name: o.name, identifier: organisationIdentifier(o.uscc, o.name), roles: [] };
      this.byId.set(id, p);
    }
    if (!p.roles.includes(role)) p.roles.push(role);
    return { id, name: o.name };
  }

  list(): OcdsParty[] {
    return [...this.byId.values()];
  }
}
