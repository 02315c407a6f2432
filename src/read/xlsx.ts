// .xlsx workbooks through exceljs: every visible sheet as rows of plain values (formulas by
// their cached result, merged cells by their master's value, rich text flattened).
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import type { CellValue } from '../core/types.js';
import type { RawRow, SourceFile } from './source.js';
import { unreadableError } from '../core/errors.js';

type ExcelValue = ExcelJS.CellValue;

/** exceljs's many value shapes, reduced to what a reader needs. */
export function plainValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelValue }).result;
      return result === undefined ? null : plainValue(result);
    }
    if ('text' in v) return plainValue((v as { text: ExcelValue }).text);
  }
  return null;
}

function* sheetRows(ws: ExcelJS.Worksheet): Generator<RawRow> {
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) {
      yield { row: r, cells: [] };
      continue;
    }
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const source = cell.isMerged ? cell.master : cell;
      const v = plainValue(source.value);
      cells[col - 1] = typeof v === 'string' ? v.normalize('NFC') : v;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    yield { row: r, cells };
  }
}

export async function readXlsx(bytes: Buffer, base: Omit<SourceFile, 'sheets' | 'hiddenSheets'>): Promise<SourceFile> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const name = basename(base.path);
    throw unreadableError(
      `Tệp ${name} hỏng hoặc không phải bảng tính .xlsx hợp lệ (${(e as Error).message}). Hãy xin đơn vị gửi lại.`,
      `${name} is corrupt or not a valid .xlsx workbook (${(e as Error).message}). Ask the district to send it again.`,
    );
  }
  const sheets: SourceFile['sheets'] = [];
  const hiddenSheets: string[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') hiddenSheets.push(ws.name);
    else sheets.push({ name: ws.name, rows: sheetRows(ws) });
  });
  return { ...base, sheets, hiddenSheets };
}
