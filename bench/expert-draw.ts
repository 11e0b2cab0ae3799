/**
 * Expert draw time on a 100,000-expert library: the selection (candidate query with avoidance facts, screening,
 * yg-draw-v2) and the whole round-0 draw the worker runs (members, invitations, milestones, outbox, audit), each
 * in a transaction rolled back so every draw starts from the same library.
 * Usage: npm run build && node dist/bench/expert-draw.js [experts=100000] [draws=300]
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { withFreshDatabase } from './support/fresh-database';
import { Queue } from 'bullmq';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { Clock } from '../libs/platform/src/clock/clock';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { Sealer } from '../libs/platform/src/crypto/sealer';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { TransactionRunner } from '../libs/platform/src/database/transaction-runner';
import { MilestoneService } from '../libs/platform/src/milestones/milestone.service';
import { Milestone } from '../libs/platform/src/milestones/milestone.entity';
import { NotificationService } from '../libs/platform/src/notifications/notification.service';
import { DrawEngine, DRAW_SUBJECT, SEED_PURPOSE } from '../libs/experts/src/draws/draw.engine';
import { DrawRepository } from '../libs/experts/src/draws/draw.repository';
import { StoredContext } from '../libs/experts/src/draws/draw.types';
import { screen } from '../libs/experts/src/rules/avoidance';
import { DRAW_ALGORITHM, drawRule, seedCommitment } from '../libs/experts/src/rules/draw-algorithm';
import { result, sizeArg } from './support/report';
import { summarise } from './support/stats';

const experts = sizeArg(0, 100_000, 20_000);
const draws = sizeArg(1, 300, 60);
const LEAVES = 40;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
};

class Rollback extends Error {}

async function library(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO specialty (code, name_zh, name_en) VALUES ('W01', '基准专业', 'bench') ON CONFLICT DO NOTHING`);
  await ds.query(`INSERT INTO specialty (code, parent_code, name_zh, name_en) SELECT 'W01.' || lpad(i::text, 2, '0'), 'W01', '基准子专业' || i, 'bench ' || i FROM generate_series(1, ${LEAVES}) i ON CONFLICT DO NOTHING`);
  const t0 = performance.now();
  await ds.query(`
    INSERT INTO expert (name, id_number_sealed, id_number_index, id_number_masked, phone, employer_uscc, employer_name, region, title, status, suspended_until)
    SELECT '专家' || i, '\\x00', md5(i::text) || md5('x' || i::text), '320102********0000', '139' || lpad(i::text, 8, '0'),
           '9132010' || lpad((i % 5000)::text, 11, '0'), '单位' || (i % 5000), '3201' || lpad((i % 13 + 2)::text, 2, '0'), '高级工程师',
           CASE WHEN i % 50 = 0 THEN 'suspended' WHEN i % 33 = 0 THEN 'retired' ELSE 'active' END,
           CASE WHEN i % 50 = 0 THEN date '2099-01-01' END
    FROM generate_series(1, ${experts}) i`);
  await ds.query(`INSERT INTO expert_specialty (expert_id, specialty_code) SELECT id, 'W01.' || lpad((id % ${LEAVES} + 1)::text, 2, '0') FROM expert`);
  await ds.query(`INSERT INTO expert_specialty (expert_id, specialty_code) SELECT id, 'W01.' || lpad(((id * 7) % ${LEAVES} + 1)::text, 2, '0') FROM expert WHERE id % 3 = 0 ON CONFLICT DO NOTHING`);
  await ds.query(`INSERT INTO expert_conflict (expert_id, organisation_uscc, reason) SELECT id, '9132010' || lpad((id % 4000)::text, 11, '0'), '曾任职' FROM expert WHERE id % 20 = 0`);
  // A fifth of the experts declare one absence of 1–10 days somewhere in the next half year.
  await ds.query(`
    INSERT INTO expert_unavailability (expert_id, during, reason)
    SELECT id, tstzrange(now() + (id % 180) * interval '1 day', now() + (id % 180 + 1 + id % 10) * interval '1 day'), '出差' FROM expert WHERE id % 5 = 0`);
  await ds.query(`VACUUM ANALYZE`); // what autovacuum keeps true in service: index-only scans over the specialty index
  console.log(`library: ${experts} experts, ${LEAVES} specialties, conflicts 5 %, absences declared by 20 %, suspended 2 %, retired 3 %: built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  await withFreshDatabase('draw', async (url) => {
    const ds = new DataSource(dataSourceOptions(url, { entities: [Milestone] }));
    await ds.initialize();
    await library(ds);
    const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ('基准招标人', '91320100000000001X', '张三', '李四', '13800000000') RETURNING id`);
    const [acct] = await ds.query(`INSERT INTO account (username, display_name, password_hash) VALUES ('bench', 'bench', 'x') RETURNING id`);
    const [project] = await ds.query(
      `INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by) VALUES ('GC-BENCH', 'tendering', '基准项目', '320102', $1, $2) RETURNING id`,
      [org.id, acct.id],
    );

    const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
    const sealer = new Sealer(config);
    const audit = new AuditService();
    const repo = new DrawRepository();
    const noQueue = {} as Queue; // rolled-back transactions never reach their after-commit wake-ups
    const engine = new DrawEngine(repo, sealer, new MilestoneService(noQueue, ds, audit), new NotificationService(noQueue), audit, new Clock());
    const txr = new TransactionRunner(ds);
    const context = (i: number): StoredContext => ({
      projectCode: 'GC-BENCH',
      projectName: '基准项目',
      ownerUscc: '91320100000000001X',
      agentUscc: null,
      bidderUsccs: Array.from({ length: 8 }, (_, b) => '9132010' + String((i * 8 + b) % 5000).padStart(11, '0')),
      region: '320102',
      avoidOwnRegion: i % 2 === 0,
      sameOwnerMax: 3,
      recentSince: new Date(Date.now() - 90 * 86_400_000).toISOString(),
      responseWindow: { value: 30, unit: 'min' },
    });
    const session = { start: new Date(Date.now() + 30 * 86_400_000), end: new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000) };
    const requirementsOf = (i: number) => [
      { specialty: `W01.${String((i % LEAVES) + 1).padStart(2, '0')}`, count: 3, reserves: 2 },
      { specialty: `W01.${String(((i + 17) % LEAVES) + 1).padStart(2, '0')}`, count: 2, reserves: 1 },
    ];

    // Warm-up (plans cached, code optimised) before anything is counted.
    for (let i = 0; i < 30; i++) {
      const screening = await repo.screening(ds.manager, randomUUID(), context(i), session);
      for (const r of requirementsOf(i)) screen(await repo.facts(ds.manager, r.specialty, screening), context(i), new Set());
    }
    const selection: number[] = [];
    const parts = { screening: [] as number[], pool: [] as number[], rules: [] as number[] };
    const poolSizes: number[] = [];
    for (let i = 0; i < draws; i++) {
      const seed = randomBytes(32).toString('hex');
      const ctx = context(i);
      const t0 = performance.now();
      const taken = new Set<string>();
      const screeningId = randomUUID();
      const screening = await repo.screening(ds.manager, screeningId, ctx, session);
      parts.screening.push(performance.now() - t0);
      for (const r of requirementsOf(i)) {
        const t1 = performance.now();
        const facts = await repo.facts(ds.manager, r.specialty, screening);
        const t2 = performance.now();
        const { candidates } = screen(facts, ctx, taken);
        drawRule(DRAW_ALGORITHM, screeningId)!.draw(seed, 0, r.specialty, candidates, r.count + r.reserves).forEach((id) => taken.add(id));
        parts.pool.push(t2 - t1);
        parts.rules.push(performance.now() - t2);
        poolSizes.push(candidates.length);
      }
      selection.push(performance.now() - t0);
    }

    const whole: number[] = [];
    for (let i = 0; i < draws; i++) {
      const id = randomUUID();
      const seed = randomBytes(32);
      const t0 = performance.now();
      await txr
        .run(async (tx) => {
          await repo.insert(tx.em, {
            id,
            projectId: project.id,
            domain: 'tendering',
            ownerUscc: '91320100000000001X',
            requirements: requirementsOf(i),
            committee: { experts: 5, ownerRepresentatives: 0, size: 5 },
            context: context(i),
            sessionStart: session.start,
            sessionEnd: session.end,
            algorithm: DRAW_ALGORITHM,
            seedSealed: sealer.seal(SEED_PURPOSE, seed, `${DRAW_SUBJECT}:${id}`),
            seedCommitment: seedCommitment(seed.toString('hex')),
            requestedBy: null,
          });
          await engine.drawCommittee(tx, id);
          const [d] = await tx.em.query(`SELECT status FROM expert_draw WHERE id = $1`, [id]);
          if (d.status !== 'inviting') throw new Error(`draw ended ${d.status}`);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      whole.push(performance.now() - t0);
    }
    // The machine's floor for the same selection: reading both specialties' expert ids, nothing screened.
    const bare: number[] = [];
    for (let i = 0; i < draws; i++) {
      const t0 = performance.now();
      for (const r of requirementsOf(i)) await ds.query(`SELECT expert_id FROM expert_specialty WHERE specialty_code = $1`, [r.specialty]);
      bare.push(performance.now() - t0);
    }
    await ds.destroy();
    poolSizes.sort((a, b) => a - b);
    console.log(`pool per specialty after avoidance: median ${pct(poolSizes, 50)} experts (min ${poolSizes[0]}, max ${poolSizes[poolSizes.length - 1]})`);
    console.log(`  of which: screening facts once per draw ${summary(parts.screening)}; one specialty's pool ${summary(parts.pool)}; avoidance + ${DRAW_ALGORITHM} per specialty ${summary(parts.rules)}`);
    console.log(`selection (2 specialties, 8 seats: candidate query + avoidance + ${DRAW_ALGORITHM}), ${draws} draws: ${summary(selection)}`);
    console.log(`whole round-0 draw in one transaction (rounds, members, 5 invitations with milestones and SMS outbox, audit), ${draws} draws: ${summary(whole)}`);
    console.log(`bare read of the same two specialties' expert ids (no screening), ${draws} times: ${summary(bare)}`);
    const b = summarise(bare);
    const limit = { what: "bare read of both specialties' expert ids, p99", value: b.p99, unit: 'ms' };
    const sel = summarise(selection);
    const all = summarise(whole);
    result({ bench: 'expert-draw', metric: `selection p99, ${experts.toLocaleString('en')} experts (2 specialties, 8 seats)`, value: sel.p99, unit: 'ms', limit, note: `p50 ${sel.p50.toFixed(1)} ms; median pool ${pct(poolSizes, 50)} experts; ${draws} draws` });
    result({ bench: 'expert-draw', metric: 'whole round-0 draw p99 (one transaction)', value: all.p99, unit: 'ms', limit, note: `p50 ${all.p50.toFixed(1)} ms; members, invitations, milestones, outbox, audit` });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
