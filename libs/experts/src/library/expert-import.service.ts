import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { shanghaiDate } from '@app/platform/calendar/working-days';
import { Clock } from '@app/platform/clock/clock';
import { Sealer } from '@app/platform/crypto/sealer';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { ImportMode } from '../dto/expert.dto';
import { ImportErrorView, ImportReportView } from '../dto/expert.view';
import { ExpertErrors } from '../expert-errors';
import { ExpertDraft, validateExpertRow } from '../rules/expert-row';
import { idNumberIndex, isUniqueViolation, sealExpert } from './expert-sealing';
import { ExpertRepository } from './expert.repository';
import { ImportFileError, parseImportFile } from './import-file';
import { SpecialtyRepository } from './specialty.repository';

export const IMPORT_BATCH_ROWS = 2000;
export const IMPORT_ERRORS_LISTED = 1000;

export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

interface GoodRow {
  row: number;
  draft: ExpertDraft;
  index: string;
}

/**
 * 专家批量入库: every row is checked (fields, duplicates within the file, duplicates in the library) before anything
 * is written; then either nothing (all-or-nothing with a bad row) or the good rows, in one transaction, audited once.
 */
@Injectable()
export class ExpertImportService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly experts: ExpertRepository,
    private readonly specialties: SpecialtyRepository,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async importFile(actor: Actor, file: UploadedFile, mode: ImportMode): Promise<ImportReportView> {
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    let parsed;
    try {
      parsed = await parseImportFile(file.buffer, file.filename);
    } catch (err) {
      if (err instanceof ImportFileError) throw ExpertErrors.IMPORT_FILE_INVALID({ reason: err.reason, ...err.details });
      throw err;
    }
    if (parsed.rows.length === 0) throw ExpertErrors.IMPORT_FILE_INVALID({ reason: 'no data rows below the header' });

    const em = this.txr.dataSource.manager;
    const ctx = { specialties: await this.specialties.codes(em), today: shanghaiDate(this.clock.now()) };
    const errors: ImportErrorView[] = [];
    let errorCount = 0;
    let rejected = 0;
    const note = (row: number, field: string, message: { zh: string; en: string }) => {
      errorCount += 1;
      if (errors.length < IMPORT_ERRORS_LISTED) errors.push({ row, field, message });
    };

    const firstRowOf = new Map<string, number>();
    let good: GoodRow[] = [];
    for (const { row, cells } of parsed.rows) {
      const checked = validateExpertRow(cells, ctx);
      if (!checked.ok) {
        rejected += 1;
        for (const p of checked.problems) note(row, p.field, p.message);
        continue;
      }
      const index = idNumberIndex(this.sealer, checked.value.idNumber);
      const first = firstRowOf.get(index);
      if (first !== undefined) {
        rejected += 1;
        note(row, 'idNumber', { zh: `身份证号与第 ${first} 行重复`, en: `The ID number repeats row ${first}` });
        continue;
      }
      firstRowOf.set(index, row);
      good.push({ row, draft: checked.value, index });
    }
    const existing = await this.experts.existingIndexes(em, good.map((g) => g.index));
    if (existing.size) {
      good = good.filter((g) => {
        if (!existing.has(g.index)) return true;
        rejected += 1;
        note(g.row, 'idNumber', { zh: '该身份证号的专家已在专家库中', en: 'An expert with this ID number is already in the library' });
        return false;
      });
      errors.sort((a, b) => a.row - b.row);
    }

    const report = (importId: string | null, imported: number): ImportReportView => ({ importId, mode, format: parsed.format, sha256, total: parsed.rows.length, imported, rejected, errorCount, errors });
    if (mode === 'all-or-nothing' && rejected > 0) throw ExpertErrors.IMPORT_ROWS_INVALID({ ...report(null, 0) });
    if (good.length === 0) return report(null, 0);

    const importId = randomUUID();
    return this.txr.run(async (tx) => {
      let first: string | null = null;
      let last: string | null = null;
      try {
        for (let i = 0; i < good.length; i += IMPORT_BATCH_ROWS) {
          const batch = good.slice(i, i + IMPORT_BATCH_ROWS).map((g) => sealExpert(this.sealer, g.draft, g.index));
          const ids = await this.experts.insertMany(tx.em, batch);
          for (const { id } of ids) {
            if (first === null || BigInt(id) < BigInt(first)) first = id;
            if (last === null || BigInt(id) > BigInt(last)) last = id;
          }
        }
      } catch (err) {
        // Another import or creation took one of these ID numbers since the check above.
        if (isUniqueViolation(err, 'expert_id_number_index_key')) throw ExpertErrors.EXPERT_DUPLICATE({ reason: 'added concurrently; import again' });
        throw err;
      }
      await this.audit.append(tx.em, {
        actor,
        role: Role.Office,
        action: 'expert.imported',
        subject: { type: 'expert_import', id: importId },
        payload: { mode, file: { name: file.filename, sha256, bytes: file.buffer.length, format: parsed.format }, total: parsed.rows.length, imported: good.length, rejected, expertIds: { first, last } },
      });
      return report(importId, good.length);
    });
  }
}
