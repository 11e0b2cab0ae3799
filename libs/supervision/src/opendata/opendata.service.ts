import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/platform/clock/clock';
import { OpenDataErrors as E } from './opendata-errors';
import { OpenDataRepository } from './opendata.repository';
import { OCDS_CONFIG, OcdsConfig } from './ocds-config';
import { landFacts, ProjectRow, requirementFacts, ruralFacts, tenderFacts } from './mapping/domains';
import { OcdsRelease, OcdsReleasePackage } from './mapping/ocds-types';
import { ProcessFacts, releasesOf } from './mapping/releases';
import { compiledRelease, versionedRelease } from './mapping/records';

export const DEFAULT_PAGE = 50;

/**
 * Publishes OCDS 1.1 release packages. Each answer computes the releases from one consistent snapshot, stores the ones
 * not stored yet (ocds_release, immutable) and answers the stored copies: a release, once served, never changes.
 */
@Injectable()
export class OpenDataService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: OpenDataRepository,
    @Inject(OCDS_CONFIG) private readonly config: OcdsConfig,
    private readonly clock: Clock,
  ) {}

  /** The releases of a published project, or of an e-mall requirement (one process per round). */
  async projectPackage(id: string): Promise<OcdsReleasePackage> {
    const computed = await this.snapshot(async (em) => {
      const facts = await this.factsOf(em, 'project', id) ?? await this.factsOf(em, 'requirement', id);
      if (!facts) throw E.PROJECT_NOT_FOUND({ id });
      return facts.flatMap((f) => releasesOf(this.config.ocidPrefix, f));
    });
    return this.pack(`/public/ocds/projects/${id}`, await this.published(computed));
  }

  /**
   * The record package of one process: its releases as published, the compiled release and the versioned release
   * (OCDS merge rules, mapping/records.ts). The ocid names the project code, or an e-mall requirement and its round.
   */
  async recordPackage(ocid: string) {
    const prefix = `${this.config.ocidPrefix}-`;
    const local = ocid.startsWith(prefix) ? ocid.slice(prefix.length) : null;
    const requirement = local ? /^CG-RQ-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-R\d+)?$/.exec(local) : null;
    const { id, computed } = local
      ? await this.snapshot(async (em) => {
          const id = requirement ? requirement[1] : await this.repo.projectIdByCode(em, local);
          const facts = id ? await this.factsOf(em, requirement ? 'requirement' : 'project', id) : undefined;
          return { id, computed: (facts ?? []).filter((f) => `${prefix}${f.localId}` === ocid).flatMap((f) => releasesOf(this.config.ocidPrefix, f)) };
        })
      : { id: undefined, computed: [] };
    if (!computed.length) throw E.OCID_NOT_FOUND({ ocid });
    const releases = await this.published(computed);
    const pkg = this.pack(`/public/ocds/records/${encodeURIComponent(ocid)}`, releases);
    const { releases: _r, ...meta } = pkg;
    return {
      ...meta,
      packages: [`${this.config.publicBaseUrl}/public/ocds/projects/${id}`],
      records: [{ ocid, releases, compiledRelease: compiledRelease(releases), versionedRelease: versionedRelease(releases) }],
    };
  }

  /** A page of every published process, oldest publication first; `links.next` continues after the last one. */
  async exportPage(cursor: string | undefined, limit = DEFAULT_PAGE): Promise<OcdsReleasePackage> {
    const after = cursor ? decodeCursor(cursor) : null;
    const { releases: computed, next } = await this.snapshot(async (em) => {
      // one key more than the page: a next link only when there is a next page (OCDS: a package holds ≥ 1 release)
      const found = await this.repo.exportPage(em, after, limit + 1);
      const keys = found.slice(0, limit);
      const out: OcdsRelease[] = [];
      for (const k of keys) for (const f of (await this.factsOf(em, k.kind, k.id)) ?? []) out.push(...releasesOf(this.config.ocidPrefix, f));
      const last = keys[keys.length - 1];
      return { releases: out, next: found.length > limit && last ? encodeCursor(last.at, last.id) : null };
    });
    const self = `/public/ocds/releases?${new URLSearchParams({ ...(cursor ? { after: cursor } : {}), limit: String(limit) })}`;
    const pkg = this.pack(self, await this.published(computed));
    if (next) pkg.links = { next: `${this.config.publicBaseUrl}/public/ocds/releases?${new URLSearchParams({ after: next, limit: String(limit) })}` };
    return pkg;
  }

  /**
   * The releases as published: stores each computed release not stored yet and answers every stored release of the
   * same processes (a stored release whose event no longer computes the same way is still answered as it was).
   */
  async published(computed: OcdsRelease[]): Promise<OcdsRelease[]> {
    const ocids = [...new Set(computed.map((r) => r.ocid))];
    return this.ds.transaction(async (em) => {
      await this.repo.storeReleases(em, computed);
      return this.repo.storedReleases<OcdsRelease>(em, ocids);
    });
  }

  publicationPolicy() {
    return {
      ocidPrefix: this.config.ocidPrefix,
      version: '1.1',
      license: this.config.license,
      zh: '本平台以 OCDS 1.1 发布全部已发布项目(建设工程招投标、国有建设用地使用权出让、农村产权交易)与电子卖场网上竞价:每个事件(公告、开标/截止、成交、合同、支付)一个不可变的发布。开标前不公开任何报价与投标人;土地竞得人在成交确认书签发后公开;不发布任何个人信息(账户、联系人、电话、身份证号、专家姓名)。金额单位为元(CNY);出让类交易(土地、农村产权)金额为负数,表示由受让方支付给出让方。',
      en: 'Every published project (tenders, state land sales, rural property deals) and every e-mall online quote is published in OCDS 1.1, one immutable release per event (announcement, opening or deadline, award, contract, payment). No price or bidder is published before the opening; a land buyer is named once the deal confirmation is issued; no personal data (accounts, contact persons, phones, ID numbers, expert names) is ever published. Amounts are in yuan (CNY); sales (land, rural property) carry negative amounts: the buyer of the right pays the seller.',
    };
  }

  private async factsOf(em: EntityManager, kind: 'project' | 'requirement', id: string): Promise<ProcessFacts[] | undefined> {
    if (kind === 'requirement') {
      const r = await this.repo.requirement(em, id);
      if (!r) return undefined;
      const suspensions = r.requirement.projectId ? await this.repo.suspensions(em, r.requirement.projectId) : [];
      // each round is its own process: it carries the suspensions that began while it ran
      return requirementFacts(r).map((f) => {
        const during = suspensions.filter((s) => s.suspendedAt >= f.publishedAt && (!f.end || s.suspendedAt <= f.end.at));
        return during.length ? { ...f, suspensions: during } : f;
      });
    }
    const p = await this.repo.project(em, id);
    if (!p) return undefined;
    if (p.domain === 'procurement') {
      const requirementId = await this.repo.requirementOfProject(em, id);
      if (requirementId) return this.factsOf(em, 'requirement', requirementId);
    }
    const suspensions = await this.repo.suspensions(em, p.id);
    return (await this.domainFacts(em, p)).map((f) => (suspensions.length ? { ...f, suspensions } : f));
  }

  private async domainFacts(em: EntityManager, p: ProjectRow): Promise<ProcessFacts[]> {
    if (p.domain === 'tendering') {
      const t = await this.repo.tender(em, p);
      if (t) return [tenderFacts({ ...t, amendments: await this.repo.tenderAmendments(em, p.id), deadlineShifts: await this.repo.tenderDeadlineShifts(em, p.id) })];
    } else if (p.domain === 'land') {
      const l = await this.repo.land(em, p);
      if (l) return [landFacts(l)];
    } else if (p.domain === 'rural') {
      const r = await this.repo.rural(em, p);
      if (r) return [ruralFacts(r)];
    }
    return [projectOnlyFacts(p)];
  }

  private pack(path: string, releases: OcdsRelease[]): OcdsReleasePackage {
    const latest = releases.reduce((m, r) => (r.date > m ? r.date : m), '');
    return {
      uri: `${this.config.publicBaseUrl}${path}`,
      version: '1.1',
      publishedDate: latest || this.clock.now().toISOString(),
      publisher: { name: this.config.publisherName, uri: this.config.publicBaseUrl },
      license: this.config.license,
      publicationPolicy: this.config.publicationPolicy,
      releases,
    };
  }

  private snapshot<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      return work(em);
    });
  }
}

/** A published project whose domain has no mapping of its own: its announcement only. */
function projectOnlyFacts(p: ProjectRow): ProcessFacts {
  return {
    localId: p.code,
    title: p.name,
    direction: 'expenditure',
    buyer: p.owner,
    procuringEntity: p.agent,
    method: 'open',
    methodDetails: '公开交易 / public trading',
    publishedAt: p.publishedAt,
    awards: [],
    contracts: [],
    end: p.status === 'cancelled' ? { at: p.updatedAt, status: 'cancelled', details: '项目已终止 / cancelled' } : null,
  };
}

/** base64url of "<ISO time with microseconds>|<uuid>"; opaque to clients. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at ?? '') || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? '')) {
    throw E.OCDS_CURSOR_INVALID();
  }
  return { at, id };
}
