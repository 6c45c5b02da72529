/**
 * xlsx renderer (exceljs) for HR: a header row, frozen panes, text cells for IDs, number formats
 * for money; strings are stored as strings, never formulas, so nothing in a cell can execute.
 */
import ExcelJS from 'exceljs';
import { cellValue, labelled } from './cells.js';
import { headerOf, type RenderOptions, type ReportTable } from './report.js';

/**
 * Text as OOXML stores it: characters XML cannot carry as they are (a carriage return becomes a
 * line feed when the file is read; C0 controls are not XML at all) are written as `_xHHHH_`, and
 * a literal `_xHHHH_` in the text is escaped as `_x005F_xHHHH_`, as Excel does (ECMA-376 §22.9.2.19).
 */
export function xlsxText(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f]|_x[0-9A-Fa-f]{4}_/.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000b-\u001f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The workbook bytes of a report (one sheet). */
export async function renderXlsx(report: ReportTable, opts: Pick<RenderOptions, 'lang' | 'showPii'>, sheetName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hotline';
  wb.created = new Date(0);
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = report.columns.map((c) => ({
    header: headerOf(c, opts.lang),
    key: c.key,
    width: Math.max(10, Math.min(40, headerOf(c, opts.lang).length * 2 + 2)),
    style: c.type === 'money' ? { numFmt: '#,##0.00' } : c.type === 'rate' ? { numFmt: '0.0%' } : c.type === 'number' ? { numFmt: '0.00' } : c.type === 'integer' ? { numFmt: '0' } : { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of report.rows) {
    const values: Record<string, unknown> = {};
    for (const c of report.columns) {
      const v = labelled(cellValue(row, c, opts.showPii), c, opts.lang);
      values[c.key] = v === null || v === undefined ? null : typeof v === 'number' ? v : xlsxText(String(v));
    }
    ws.addRow(values);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
