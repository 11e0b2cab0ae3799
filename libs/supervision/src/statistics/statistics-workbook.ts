import ExcelJS from 'exceljs';
import { StatisticsFiguresView, StatisticsView } from './dto/statistics.dto';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const DOMAIN_ZH: Record<string, string> = { tendering: '建设工程招投标', land: '国有建设用地使用权出让', procurement: '政府采购电子卖场', rural: '农村产权交易' };

const YUAN = '#,##0.00';
const RATE = '0.00%';

/** Columns shared by the three sheets' figures; amounts are numbers in yuan (2 decimals), rates fractions shown as %. */
const FIGURE_COLUMNS: { header: string; key: keyof StatisticsFiguresView; width: number; numFmt?: string; kind: 'int' | 'yuan' | 'yi' | 'rate' }[] = [
  { header: '场次', key: 'sessions', width: 8, kind: 'int' },
  { header: '成交场次', key: 'succeeded', width: 10, kind: 'int' },
  { header: '流标/流拍场次', key: 'failed', width: 14, kind: 'int' },
  { header: '成交率', key: 'successRate', width: 10, numFmt: RATE, kind: 'rate' },
  { header: '流标/流拍率', key: 'failureRate', width: 12, numFmt: RATE, kind: 'rate' },
  { header: '成交金额(元)', key: 'amount', width: 20, numFmt: YUAN, kind: 'yuan' },
  { header: '成交金额(亿元)', key: 'amountYi', width: 18, numFmt: '0.000000', kind: 'yi' },
  { header: '估算价/最高限价/起始价(元)', key: 'referenceAmount', width: 24, numFmt: YUAN, kind: 'yuan' },
  { header: '节约率', key: 'savingsRate', width: 10, numFmt: RATE, kind: 'rate' },
  { header: '溢价率', key: 'premiumRate', width: 10, numFmt: RATE, kind: 'rate' },
];

/** A yuan string as the spreadsheet's number (Excel stores doubles; the API's strings stay the exact figures). */
const num = (v: string) => Number(v);

function figureCells(f: StatisticsFiguresView): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of FIGURE_COLUMNS) {
    const v = f[c.key];
    out[c.key] = v === null ? null : typeof v === 'string' ? num(v) : v;
  }
  return out;
}

function addSheet(wb: ExcelJS.Workbook, name: string, lead: { header: string; key: string; width: number }[], rows: Record<string, unknown>[], figures = true): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [...lead, ...(figures ? FIGURE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} })) : [])];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
}

/** 交易统计.xlsx: 明细 (domain × month × region), 合计 (per domain and overall), 累计 (running totals by month). */
export async function statisticsWorkbook(s: StatisticsView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光交易';
  addSheet(
    wb,
    '明细',
    [
      { header: '交易领域', key: 'domain', width: 22 },
      { header: '月份', key: 'month', width: 10 },
      { header: '行政区划', key: 'region', width: 10 },
    ],
    s.rows.map((r) => ({ domain: DOMAIN_ZH[r.domain], month: r.month, region: r.region ?? '未知', ...figureCells(r) })),
  );
  addSheet(
    wb,
    '合计',
    [{ header: '交易领域', key: 'domain', width: 22 }],
    [...s.totals.byDomain.map((t) => ({ domain: DOMAIN_ZH[t.domain], ...figureCells(t) })), { domain: '总计', ...figureCells(s.totals.all) }],
  );
  const ws = wb.addWorksheet('累计', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '月份', key: 'month', width: 10 },
    { header: '累计场次', key: 'sessions', width: 10 },
    { header: '累计成交场次', key: 'succeeded', width: 14 },
    { header: '累计成交金额(元)', key: 'amount', width: 22, style: { numFmt: YUAN } },
    { header: '累计成交金额(亿元)', key: 'amountYi', width: 20, style: { numFmt: '0.000000' } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of s.cumulative) ws.addRow({ month: c.month, sessions: c.sessions, succeeded: c.succeeded, amount: num(c.amount), amountYi: num(c.amountYi) });
  const f = s.filter;
  const about = wb.addWorksheet('说明');
  about.columns = [{ header: '项目', key: 'k', width: 16 }, { header: '内容', key: 'v', width: 80 }];
  about.getRow(1).font = { bold: true };
  about.addRows([
    { k: '筛选', v: `月份 ${f.from ?? '最早'} 至 ${f.to ?? '最新'};领域 ${f.domain ? DOMAIN_ZH[f.domain] : '全部'};行政区划 ${f.region ?? '全部'}` },
    { k: '月份时区', v: `${s.timeZone}(按成交或流标、流拍的时间归月)` },
    { k: '节约率', v: '(估算价或最高限价 − 成交价)÷ 估算价或最高限价,仅工程招标与电子卖场网上竞价' },
    { k: '溢价率', v: '(成交价 − 起始价)÷ 起始价,仅土地出让与农村产权' },
    { k: '金额', v: '以分计算后换算为元;亿元列由分精确换算,API 返回精确的十进制字符串' },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
