// Reads an import file (the first sheet of an .xlsx, or a UTF-8 .csv) into rows of strings keyed by field.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPERT_FIELDS, ExpertField, ExpertRowInput, FIELD_LABELS } from '../rules/expert-row';

export type ImportFormat = 'xlsx' | 'csv';

export interface FileRow {
  /** the row's number in the file as a spreadsheet shows it: the header is row 1 */
  row: number;
  cells: ExpertRowInput;
}

export interface ParsedFile {
  format: ImportFormat;
  rows: FileRow[];
}

/** Why a file cannot be read at all; the service turns it into IMPORT_FILE_INVALID. */
export class ImportFileError extends Error {
  constructor(
    readonly reason: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

export const MAX_IMPORT_ROWS = 200_000;

const REQUIRED: readonly ExpertField[] = ['name', 'idNumber', 'phone', 'employerUscc', 'employerName', 'region', 'title', 'specialties'];

const ALIASES: Record<ExpertField, string[]> = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '居民身份证号', '公民身份号码', 'idnumber', 'id'],
  phone: ['手机', '手机号', '手机号码', '联系电话', 'phone', 'mobile'],
  employerUscc: ['工作单位统一社会信用代码', '单位统一社会信用代码', '统一社会信用代码', 'employeruscc', 'uscc'],
  employerName: ['工作单位', '工作单位名称', '单位名称', 'employer', 'employername'],
  region: ['地区代码', '行政区划代码', '地区', 'region', 'regioncode'],
  title: ['职称', 'title'],
  qualification: ['执业资格', '执业资格证书', 'qualification'],
  specialties: ['专业代码', '评标专业', '专业', 'specialties', 'specialty', 'specialtycodes'],
  status: ['状态', 'status'],
  suspendedUntil: ['暂停至', '暂停截止日期', 'suspendeduntil'],
};

const normaliseHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_\-()()*]/g, '');
const HEADER_INDEX = new Map<string, ExpertField>(EXPERT_FIELDS.flatMap((f) => ALIASES[f].map((a) => [normaliseHeader(a), f] as const)));

/** Maps the header row's columns to fields; unknown columns (序号, 备注 …) are ignored, missing required ones refused. */
export function mapHeader(header: readonly string[]): (ExpertField | null)[] {
  const columns = header.map((h) => HEADER_INDEX.get(normaliseHeader(h ?? '')) ?? null);
  const repeated = EXPERT_FIELDS.filter((f) => columns.filter((c) => c === f).length > 1);
  if (repeated.length) throw new ImportFileError('repeated columns', { repeated: repeated.map((f) => FIELD_LABELS[f].zh) });
  const missing = REQUIRED.filter((f) => !columns.includes(f));
  if (missing.length) throw new ImportFileError('missing columns', { missing: missing.map((f) => FIELD_LABELS[f].zh), expected: EXPERT_FIELDS.map((f) => FIELD_LABELS[f].zh) });
  return columns;
}

export function detectFormat(buffer: Buffer, filename: string): ImportFormat {
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) return 'xlsx'; // a zip: PK\3\4
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xls') || buffer.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) throw new ImportFileError('legacy .xls: save as .xlsx');
  if (lower.endsWith('.xlsx')) throw new ImportFileError('not an xlsx file');
  return 'csv';
}

export async function parseImportFile(buffer: Buffer, filename: string): Promise<ParsedFile> {
  const format = detectFormat(buffer, filename);
  const rows = format === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer);
  return { format, rows };
}

class RowCollector {
  private columns: (ExpertField | null)[] | null = null;
  readonly rows: FileRow[] = [];

  add(row: number, values: readonly string[]): void {
    if (values.every((v) => v.trim() === '')) return;
    if (!this.columns) {
      this.columns = mapHeader(values);
      return;
    }
    if (this.rows.length >= MAX_IMPORT_ROWS) throw new ImportFileError('too many rows', { max: MAX_IMPORT_ROWS });
    const cells: Record<string, string> = {};
    this.columns.forEach((field, i) => {
      if (field) cells[field] = values[i] ?? '';
    });
    this.rows.push({ row, cells });
  }

  done(): FileRow[] {
    if (!this.columns) throw new ImportFileError('no header row');
    return this.rows;
  }
}

/** RFC 4180: quoted fields with "" escapes and line breaks inside, CRLF or LF, a UTF-8 BOM tolerated. */
export function parseCsv(text: string, onRow: (line: number, values: string[]) => void): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowStart = 1;
  let field = '';
  let values: string[] = [];
  let quoted = false;
  const n = text.length;
  const endRow = () => {
    values.push(field);
    onRow(rowStart, values);
    values = [];
    field = '';
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      // Copy a run of plain characters at once: most of a file is not quotes.
      let j = i + 1;
      while (j < n && text[j] !== '"' && text[j] !== '\n') j++;
      field += text.slice(i, j);
      i = j;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      values.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowStart = line;
    } else {
      let j = i + 1;
      while (j < n && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n' && text[j] !== '"') j++;
      field += text.slice(i, j);
      i = j;
    }
  }
  if (quoted) throw new ImportFileError('unterminated quoted field', { line: rowStart });
  if (field !== '' || values.length > 0) endRow();
}

function readCsv(buffer: Buffer): FileRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new ImportFileError('not UTF-8: save the CSV as UTF-8 (另存为 UTF-8 编码)');
  }
  const collector = new RowCollector();
  parseCsv(text, (line, values) => collector.add(line, values));
  return collector.done();
}

/** A cell as the text a person sees: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

async function readXlsx(buffer: Buffer): Promise<FileRow[]> {
  const collector = new RowCollector();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const texts: string[] = [];
        for (let c = 1; c < values.length; c++) texts.push(cellText(values[c]));
        collector.add(row.number, texts);
      }
      break; // the first sheet only: a template's second sheet holds the specialty list
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('unreadable xlsx', { cause: String((err as Error)?.message ?? err).slice(0, 200) });
  }
  return collector.done();
}
