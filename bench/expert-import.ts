/**
 * Expert bulk import through the service's own code path (parse, validate, blind-index, duplicate check, seal,
 * batched unnest inserts, one audit entry), for a generated file of N rows as CSV and as xlsx, each into a fresh
 * database. Usage: npm run build && node dist/bench/expert-import.js [rows=100000]
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { withFreshDatabase } from './support/fresh-database';
import { generatedExpert } from '../libs/experts/src/library/demo-experts';
import { ExpertImportService } from '../libs/experts/src/library/expert-import.service';
import { ExpertRepository } from '../libs/experts/src/library/expert.repository';
import { parseImportFile } from '../libs/experts/src/library/import-file';
import { writeImportCsv, writeImportXlsx } from '../libs/experts/src/library/import-template';
import { SpecialtyRepository } from '../libs/experts/src/library/specialty.repository';
import { AuditService } from '../libs/platform/src/audit/audit.service';
import { SYSTEM_ACTOR } from '../libs/platform/src/auth/roles';
import { shanghaiDate } from '../libs/platform/src/calendar/working-days';
import { Clock } from '../libs/platform/src/clock/clock';
import { loadConfig } from '../libs/platform/src/config/app-config';
import { Sealer } from '../libs/platform/src/crypto/sealer';
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { TransactionRunner } from '../libs/platform/src/database/transaction-runner';
import { result, sizeArg } from './support/report';

const count = sizeArg(0, 100_000, 10_000);

async function importInto(format: 'csv' | 'xlsx', file: Buffer): Promise<void> {
  await withFreshDatabase(`import_${format}`, async (url) => {
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    const service = new ExpertImportService(new TransactionRunner(ds), new ExpertRepository(), new SpecialtyRepository(), new Sealer(loadConfig({ NODE_ENV: 'test' })), new AuditService(), new Clock());
    const t0 = performance.now();
    const parsed = await parseImportFile(file, `experts.${format}`);
    const parseMs = performance.now() - t0;
    const t1 = performance.now();
    const report = await service.importFile(SYSTEM_ACTOR, { filename: `experts.${format}`, buffer: file }, 'all-or-nothing');
    const seconds = (performance.now() - t1) / 1000;
    const [{ experts, links }] = await ds.query(`SELECT (SELECT count(*)::int FROM expert) AS experts, (SELECT count(*)::int FROM expert_specialty) AS links`);
    await ds.destroy();
    if (report.imported !== count || experts !== count) throw new Error(`imported ${report.imported}, ${experts} rows in the table, expected ${count}`);
    result({
      bench: 'expert-import',
      metric: `${format} import, ${count.toLocaleString('en')} experts`,
      value: count / seconds,
      unit: 'rows/s',
      limit: { what: `reading the ${format} file alone`, value: parsed.rows.length / (parseMs / 1000), unit: 'rows/s' },
      note: `${seconds.toFixed(1)} s in all, ${(file.length / 1e6).toFixed(1)} MB; validate, blind-index, seal, insert, audit`,
    });
    console.log(
      `${format.padEnd(4)}: ${count} rows (${(file.length / 1e6).toFixed(1)} MB) imported in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} rows/s` +
        ` (of which reading the file alone ${(parseMs / 1000).toFixed(2)} s, ${parsed.rows.length} rows; ${links} specialty links)`,
    );
  });
}

async function main(): Promise<void> {
  const today = shanghaiDate(new Date());
  const t0 = performance.now();
  const rows = Array.from({ length: count }, (_, i) => generatedExpert(i, today));
  const csv = writeImportCsv(rows);
  const t1 = performance.now();
  const xlsx = await writeImportXlsx(rows);
  const t2 = performance.now();
  console.log(`generated ${count} rows: csv in ${((t1 - t0) / 1000).toFixed(2)} s, xlsx in ${((t2 - t1) / 1000).toFixed(2)} s`);
  await importInto('csv', csv);
  await importInto('xlsx', xlsx);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
