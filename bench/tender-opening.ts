/**
 * Opening N sealed bids of M bytes each after the deadline, as the deadline milestone does it: read, decrypt the price
 * and the documents, verify each receipt digest, record the prices, in one transaction.
 * Usage: npm run build && node dist/bench/tender-opening.js [bids=1000] [megabytes=1]
 */
import 'reflect-metadata';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { withFreshDatabase } from './support/fresh-database';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { Clock } from '../libs/platform/src/clock/clock';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { Sealer } from '../libs/platform/src/crypto/sealer';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { TransactionRunner } from '../libs/platform/src/database/transaction-runner';
import { IntakeRepository } from '../libs/platform/src/intake/intake.repository';
import { IntakeService } from '../libs/platform/src/intake/intake.service';
import { NotificationService } from '../libs/platform/src/notifications/notification.service';
import { LEGAL_DEFAULTS, sandboxOf } from '../libs/platform/src/rules/defaults';
import { openDocuments, sealBid } from '../libs/tendering/src/bids/bid-sealing';
import { OpeningService } from '../libs/tendering/src/bids/opening.service';
import { TenderRepository } from '../libs/tendering/src/tenders/tender.repository';
import { dataKeyAad } from '../libs/tendering/src/tenders/tender.service';
import { Queue } from 'bullmq';
import { result, sizeArg } from './support/report';

const bids = sizeArg(0, 1000, 100);
const megabytes = sizeArg(1, 1, 1);

async function main(): Promise<void> {
  await withFreshDatabase('opening', async (url) => {
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    const sealer = new Sealer(loadConfig({ ...process.env, NODE_ENV: 'test' }));
    const [acct] = await ds.query(`INSERT INTO account (username, display_name, password_hash) VALUES ('bench', 'bench', 'x') RETURNING id`);
    const [owner] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ('招标人', '91350199999999999X', '张', '李', '13800000000') RETURNING id`);
    const rules = sandboxOf(LEGAL_DEFAULTS.tendering);
    const [ruleSet] = await ds.query(`SELECT id FROM rule_set WHERE domain = 'tendering' AND is_sandbox LIMIT 1`);
    const snapshot = { ruleSetId: ruleSet.id, domain: 'tendering', version: 1, name: 'bench', sandbox: true, effectiveFrom: new Date().toISOString(), params: rules };
    const [project] = await ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by, status, rule_kind, rule_set_id, rule_snapshot, published_at)
       VALUES ('GC-BENCH-1', 'tendering', '开标基准项目', '350102', $1, $2, 'published', 'sandbox', $3, $4, now()) RETURNING id`,
      [owner.id, acct.id, ruleSet.id, JSON.stringify(snapshot)],
    );
    const { key, wrapped } = sealer.newDataKey(dataKeyAad(project.id));
    await ds.query(
      `INSERT INTO tender (project_id, kind, estimate_fen, evaluation_method, qualification, status, documents_available_at, bid_deadline, data_key_wrapped)
       VALUES ($1, 'construction', 100000000000, 'comprehensive', '一级', 'bidding', now(), now() + interval '1 hour', $2)`,
      [project.id, wrapped],
    );
    const [section] = await ds.query(`INSERT INTO tender_section (project_id, no, name, estimate_fen, deposit_fen) VALUES ($1, 1, '一标段', 100000000000, 0) RETURNING id`, [project.id]);
    const body = randomBytes(megabytes * 1024 * 1024);
    const t0 = performance.now();
    for (let i = 0; i < bids; i++) {
      const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张', '李', '13800000000') RETURNING id`, [`投标人${i}`, `9135010000${String(i).padStart(7, '0')}X`]);
      const bidId = randomUUID();
      body.writeUInt32BE(i, 0); // every bid's documents differ
      const s = sealBid(key, bidId, section.id, BigInt(900_000_000_00 + i), body, `bid-${i}.pdf`);
      await ds.query(
        `INSERT INTO tender_bid (id, section_id, organisation_id, submitted_by, price_sealed, documents_sealed, file_name_sealed, documents_size, documents_sha256, bid_digest)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [bidId, section.id, org.id, acct.id, s.priceSealed, s.documentsSealed, s.fileNameSealed, body.length, s.documentsSha256, s.bidDigest],
      );
    }
    console.log(`setup: ${bids} sealed bids of ${megabytes} MB stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await ds.query(`UPDATE tender SET bid_deadline = now() - interval '1 second' WHERE project_id = $1`, [project.id]);
    await ds.query(`CHECKPOINT`);

    const opening = new OpeningService(new TransactionRunner(ds), new TenderRepository(), sealer, new NotificationService({ add: async () => undefined } as unknown as Queue), new AuditService(), new Clock(), new IntakeService(new TransactionRunner(ds), new IntakeRepository(), loadConfig()));
    const started = performance.now();
    await new TransactionRunner(ds).run((tx) => opening.open(tx, project.id));
    const seconds = (performance.now() - started) / 1000;
    const [check] = await ds.query(`SELECT count(*) FILTER (WHERE price_fen IS NOT NULL)::int AS opened, (SELECT status FROM tender WHERE project_id = $1) AS status FROM tender_bid`, [project.id]);
    const [audit] = await ds.query(`SELECT payload FROM audit_event WHERE action = 'tender.opened'`);
    const verified = (audit.payload.sections[0].bids as { verified: boolean }[]).filter((b) => b.verified).length;

    // The machine's own limit over the same bytes: AES-256-GCM decryption and SHA-256, no database.
    const sample = sealBid(key, 'x', section.id, 1n, body, 'x.pdf');
    const r0 = performance.now();
    for (let i = 0; i < Math.min(bids, 200); i++) {
      openDocuments(key, 'x', sample.documentsSealed);
      createHash('sha256').update(body).digest();
    }
    const perBid = (performance.now() - r0) / Math.min(bids, 200);
    await ds.destroy();
    console.log(`opening: ${check.opened} of ${bids} bids (${megabytes} MB each) opened and ${verified} digests verified in ${seconds.toFixed(2)} s; tender ${check.status}`);
    console.log(`machine: decrypt + SHA-256 of one ${megabytes} MB bid in memory ${perBid.toFixed(2)} ms → ${((perBid * bids) / 1000).toFixed(2)} s for ${bids}`);
    result({
      bench: 'tender-opening',
      metric: `opening ${bids.toLocaleString('en')} sealed bids of ${megabytes} MB`,
      value: seconds,
      unit: 's',
      limit: { what: `AES-256-GCM decrypt + SHA-256 of the same bytes in memory`, value: (perBid * bids) / 1000, unit: 's' },
      note: `${check.opened} opened, ${verified} digests verified, tender ${check.status}`,
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
