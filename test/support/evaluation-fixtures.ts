import { randomBytes } from 'node:crypto';
import { Role } from '@app/platform/auth/roles';
import { LEGAL_DEFAULTS, sandboxOf } from '@app/platform/rules/defaults';
import { insertExperts, insertSpecialties } from './expert-fixtures';
import { TestAccount, TestApp } from './test-app';

export interface OpenedSection {
  projectId: string;
  code: string;
  section: string;
  bidders: TestAccount[];
  bidIds: string[];
  drawId: string;
  experts: TestAccount[];
}

/**
 * A published sandbox tender whose section 1 was opened with these prices (yuan), and a draw whose session has
 * started with `experts` accepted members — set up in the database, as test/integration/tendering/evaluation.spec.ts
 * does, so that a test reaches the evaluation without waiting for deadlines. The centre still starts the evaluation.
 */
export async function openedSection(t: TestApp, owner: TestAccount, prices: string[], opts: { name?: string; experts?: TestAccount[]; bidderNames?: string[] } = {}): Promise<OpenedSection> {
  const [rs] = await t.ds.query(`SELECT id, version, name, effective_from FROM rule_set WHERE domain = 'tendering' AND is_sandbox AND status = 'active' ORDER BY version DESC LIMIT 1`);
  const snapshot = { ruleSetId: rs.id, domain: 'tendering', version: rs.version, name: rs.name, sandbox: true, effectiveFrom: new Date(rs.effective_from).toISOString(), params: sandboxOf(LEGAL_DEFAULTS.tendering) };
  const code = `GC-2026-${randomBytes(3).toString('hex').toUpperCase()}`;
  const [p] = await t.ds.query(
    `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_kind, rule_set_id, rule_snapshot, published_at)
     VALUES ($1, 'tendering', $2, '350102', $3, $4, 'published', 'sandbox', $5, $6, now()) RETURNING id`,
    [code, opts.name ?? '市第二中学教学楼改扩建工程', owner.organisationId, owner.id, snapshot.ruleSetId, JSON.stringify(snapshot)],
  );
  await t.ds.query(
    `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, opened_at, data_key_wrapped)
     VALUES ($1, 'construction', 120000000, 'comprehensive', '建筑工程施工总承包二级及以上', 'opened', now() - interval '1 hour', now() - interval '10 minutes', now() - interval '10 minutes', '\\x00')`,
    [p.id],
  );
  const [s] = await t.ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen, status) VALUES ($1, 1, '一标段:教学楼主体', 120000000, 2000000, 'opened') RETURNING id`, [p.id]);
  const bidders: TestAccount[] = [];
  const bidIds: string[] = [];
  for (const [i, price] of prices.entries()) {
    const org = await t.organisation(opts.bidderNames?.[i] ?? `投标单位${'甲乙丙丁戊'[i]}建设有限公司-${code}`);
    const b = await t.account([Role.Bidder], { organisationId: org });
    bidders.push(b);
    await t.ds.query(`INSERT INTO tender_registration (project_id, organisation_id, registered_by) VALUES ($1, $2, $3)`, [p.id, org, b.id]);
    const [bid] = await t.ds.query(
      `INSERT INTO tender_bid (section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest, submitted_at, price_fen, opened_at)
       VALUES ($1, $2, $3, '\\x01', '\\x02', '\\x03', 2048, repeat($4, 64), repeat('e', 64), now() - interval '2 hours' + $5 * interval '1 minute', $6, now() - interval '10 minutes') RETURNING id`,
      [s.id, org, b.id, 'abcd'[i % 4], i, String(BigInt(price.replace('.', '')))],
    );
    bidIds.push(bid.id);
    await t.ds.query(`INSERT INTO tender_deposit (section_id, organisation_id, method, reference, amount_fen, status, confirmed_at) VALUES ($1, $2, 'transfer', $3, 2000000, 'confirmed', now())`, [s.id, org, `ZZ${code}${i}`]);
  }
  const [ownerOrg] = await t.ds.query(`SELECT uscc FROM organisation WHERE id = $1`, [owner.organisationId]);
  const [draw] = await t.ds.query(
    `INSERT INTO expert_draw (project_id, domain, owner_uscc, status, requirements, committee, context, session_start, session_end, algorithm, seed_sealed, seed_commitment, revealed_seed, opened_at)
     VALUES ($1, 'tendering', $2, 'opened', '[]', '{}', '{}', now() - interval '5 minutes', now() + interval '4 hours', 'yg-draw-v1', '\\x00', repeat('0', 64), $3, now()) RETURNING id`,
    [p.id, ownerOrg.uscc, randomBytes(32).toString('hex')],
  );
  const specialty = 'Y01';
  await insertSpecialties(t.ds, [specialty]);
  const experts = opts.experts ?? [];
  if (!opts.experts) for (let i = 0; i < 5; i++) experts.push(await t.account([Role.Expert], { organisationId: null }));
  for (const [i, a] of experts.entries()) {
    const [existing] = await t.ds.query(`SELECT id FROM expert WHERE account_id = $1`, [a.id]);
    const expertId = existing?.id ?? (await insertExperts(t.ds, 1, { specialty, accountId: a.id }))[0];
    await t.ds.query(`INSERT INTO expert_draw_member (draw_id, expert_id, specialty_code, round, position, kind, status) VALUES ($1, $2, $3, 0, $4, 'primary', 'accepted')`, [draw.id, expertId, specialty, i]);
  }
  return { projectId: p.id, code, section: `/tenders/${p.id}/sections/1`, bidders, bidIds, drawId: draw.id, experts };
}
