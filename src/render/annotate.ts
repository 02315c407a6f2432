// Annotated copies for the district: the input workbook with every offending cell coloured and
// a note on it, plus a "Lỗi" sheet listing every issue. CSV inputs become a fresh .xlsx.
import ExcelJS from 'exceljs';
import type { Lang } from '../core/types.js';
import type { FileOutcome } from '../validate/file.js';
import { message, suggestionText, type Issue } from '../validate/issue.js';
import { openSource } from '../read/source.js';
import type { RawRow } from '../read/source.js';
import { pushTo } from '../core/collections.js';

const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;

const HEAD = {
  vi: ['STT', 'Mã lỗi', 'Mức độ', 'Trang', 'Ô', 'Giá trị', 'Nội dung', 'Gợi ý sửa'],
  en: ['No.', 'Code', 'Severity', 'Sheet', 'Cell', 'Value', 'Message', 'Suggestion'],
};

function noteText(issues: Issue[], lang: Lang): string {
  return issues.map((i) => `[${i.code}] ${message(i, lang)}${suggestionText(i, lang) ? ` ${suggestionText(i, lang)}` : ''}`).join('\n');
}

async function baseWorkbook(file: FileOutcome): Promise<{ wb: ExcelJS.Workbook; csvSheet: string | null }> {
  const wb = new ExcelJS.Workbook();
  if (file.format === 'xlsx') {
    await wb.xlsx.readFile(file.path);
    return { wb, csvSheet: null };
  }
  // CSV, and the workbook formats exceljs cannot open (.xls, .ods, .xlsb, HTML, XML): every sheet
  // copied by name from what thidua read, so each issue lands on its own sheet and cell.
  const src = await openSource(file.path);
  let last = 'CSV';
  for (const sheet of src.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31) || 'CSV');
    last = ws.name;
    for await (const r of sheet.rows as AsyncIterable<RawRow>) {
      // Cells keep their text exactly as sent; nothing is turned into a formula.
      ws.getRow(r.row).values = r.cells.map((c) => (c === null ? null : typeof c === 'object' && !(c instanceof Date) ? c.error : c));
    }
  }
  return { wb, csvSheet: file.format === 'csv' ? last : null };
}

function markCells(wb: ExcelJS.Workbook, issues: Issue[], csvSheet: string | null, lang: Lang): void {
  const byCell = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!i.cell || !i.sheet) continue;
    const key = `${csvSheet ?? i.sheet}\u0000${i.cell}`;
    pushTo(byCell, key, i);
  }
  for (const [key, list] of byCell) {
    const [sheetName, addr] = key.split('\u0000');
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const cell = ws.getCell(addr);
    const sev = list.some((i) => i.severity === 'error') ? 'error' : 'warning';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[sev] } };
    cell.note = noteText(list, lang);
  }
}

function issueSheet(wb: ExcelJS.Workbook, issues: Issue[], lang: Lang): void {
  const existing = wb.getWorksheet('Lỗi');
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet('Lỗi');
  ws.addRow(HEAD[lang]).font = { bold: true };
  issues.forEach((i, n) => {
    const row = ws.addRow([n + 1, i.code, i.severity === 'error' ? (lang === 'vi' ? 'Lỗi' : 'Error') : lang === 'vi' ? 'Cảnh báo' : 'Warning', i.sheet ?? '', i.cell ?? '', i.value ?? '', message(i, lang), suggestionText(i, lang) ?? '']);
    row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[i.severity] } };
  });
  ws.columns.forEach((c, idx) => (c.width = [6, 24, 10, 18, 8, 24, 70, 40][idx]));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: 'H1' };
}

/** The annotated workbook for one input, as bytes. */
export async function annotatedWorkbook(file: FileOutcome, lang: Lang): Promise<Buffer> {
  const { wb, csvSheet } = await baseWorkbook(file);
  markCells(wb, file.issues, csvSheet, lang);
  issueSheet(wb, file.issues, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
