import ExcelJS from 'exceljs';
import { EXPERT_FIELDS, ExpertField, FIELD_LABELS } from '../rules/expert-row';

/** The header row of an import file, as the template gives it. */
export const IMPORT_HEADER_ZH: readonly string[] = EXPERT_FIELDS.map((f) => FIELD_LABELS[f].zh);

export type ImportCells = Partial<Record<ExpertField, string>>;

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A UTF-8 CSV with a BOM (so that Excel opens it right) and the Chinese header. */
export function writeImportCsv(rows: readonly ImportCells[]): Buffer {
  const lines = [IMPORT_HEADER_ZH.join(',')];
  for (const r of rows) lines.push(EXPERT_FIELDS.map((f) => quote(r[f] ?? '')).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** An .xlsx whose first sheet holds the rows as text cells (ID numbers must stay text: 18 digits overflow a number). */
export async function writeImportXlsx(rows: readonly ImportCells[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专家');
  sheet.addRow([...IMPORT_HEADER_ZH]);
  for (const r of rows) sheet.addRow(EXPERT_FIELDS.map((f) => r[f] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
