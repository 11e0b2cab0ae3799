import ExcelJS from 'exceljs';
import { cellText, ImportFileError, mapHeader, parseCsv, parseImportFile } from './import-file';
import { writeImportCsv, writeImportXlsx } from './import-template';

const row = { name: '陈建国', idNumber: '11010519491231002X', phone: '13905912345', employerUscc: '91350100M000100Y43', employerName: '某院, "一所"', region: '350102', title: '高级工程师', specialties: 'A01;B01' };

describe('import files', () => {
  it('parses RFC 4180 CSV: quotes, escaped quotes, line breaks inside quotes, CRLF, BOM', () => {
    const rows: [number, string[]][] = [];
    parseCsv('\uFEFFa,b,c\r\n"x,1","say ""hi""","two\nlines"\n\nlast,,\n', (line, v) => rows.push([line, v]));
    expect(rows).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['x,1', 'say "hi"', 'two\nlines']],
      [4, ['']],
      [5, ['last', '', '']],
    ]);
    expect(() => parseCsv('a,"b\n', () => {})).toThrow(ImportFileError);
  });

  it('maps Chinese or English headers, ignores extra columns, refuses missing ones', () => {
    expect(mapHeader(['序号', '姓名', 'ID Number', '手机号', '统一社会信用代码', 'Employer', '地区代码', '职称', 'specialties'])).toEqual([null, 'name', 'idNumber', 'phone', 'employerUscc', 'employerName', 'region', 'title', 'specialties']);
    expect(() => mapHeader(['姓名', '身份证号'])).toThrow(ImportFileError);
    expect(() => mapHeader(['姓名', 'name', '身份证号', '手机', '统一社会信用代码', '工作单位', '地区代码', '职称', '专业代码'])).toThrow(/repeated/);
  });

  it('reads the same rows from the CSV and the xlsx the template writes', async () => {
    const csv = await parseImportFile(writeImportCsv([row, { ...row, name: '王芳' }]), 'experts.csv');
    const xlsx = await parseImportFile(await writeImportXlsx([row, { ...row, name: '王芳' }]), 'experts.xlsx');
    expect(csv.format).toBe('csv');
    expect(xlsx.format).toBe('xlsx');
    expect(csv.rows[0]).toEqual({ row: 2, cells: { ...row, qualification: '', status: '', suspendedUntil: '' } });
    expect(xlsx.rows.map((r) => ({ ...r, cells: { ...r.cells } }))).toEqual(csv.rows.map((r) => ({ ...r, cells: expect.objectContaining({ ...row, name: r.cells.name }) })));
  });

  it('refuses what is not a readable file', async () => {
    await expect(parseImportFile(Buffer.from([0xb3, 0xc2, 0xbd, 0xa8]), 'gbk.csv')).rejects.toThrow(/UTF-8/);
    await expect(parseImportFile(Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx')).rejects.toThrow(ImportFileError);
    await expect(parseImportFile(Buffer.from(''), 'empty.csv')).rejects.toThrow(/no header/);
  });

  it('shows cells as a person sees them', () => {
    expect(cellText(350102)).toBe('350102');
    expect(cellText(new Date(Date.UTC(2027, 0, 31)))).toBe('2027-01-31');
    expect(cellText({ richText: [{ text: '陈' }, { text: '建国' }] } as ExcelJS.CellRichTextValue)).toBe('陈建国');
    expect(cellText({ formula: 'A1', result: 'x' } as ExcelJS.CellFormulaValue)).toBe('x');
    expect(cellText(null)).toBe('');
  });
});
