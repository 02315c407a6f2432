// .xlsx workbooks through exceljs: every visible sheet as rows of plain values (formulas by
// their cached result, merged cells by their master's value, rich text flattened). The zip is
// checked against the limits before exceljs sees it; legacy-font text is converted.
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import type { CellValue } from '../core/types.js';
import type { RawRow, ReadProblem, SourceFile } from './source.js';
import { unreadableError } from '../core/errors.js';
import { checkWorkbookZip } from './zip.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type ReadLimits } from './limits.js';
import { legacyFixes, type LegacyFix } from './legacyCells.js';

type ExcelValue = ExcelJS.CellValue;

/** exceljs's many value shapes, reduced to what a reader needs. */
export function plainValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return Array.isArray(v.richText) ? v.richText.map((r) => String(r?.text ?? '')).join('') : null;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelValue }).result;
      return result === undefined ? null : plainValue(result);
    }
    if ('text' in v) return plainValue((v as { text: ExcelValue }).text);
  }
  return null;
}

const ENCODING_LABEL = { tcvn3: 'TCVN3 (.VnTime)', vni: 'VNI (VNI-Times)' } as const;

interface SheetReading {
  ws: ExcelJS.Worksheet;
  fixes: Map<string, LegacyFix>;
  limits: ReadLimits;
  problems: ReadProblem[];
}

function cellValue(r: SheetReading, cell: ExcelJS.Cell, reported: Set<string>): CellValue {
  const source = cell.isMerged ? cell.master : cell;
  const v = plainValue(source.value);
  if (typeof v !== 'string') return v;
  const key = `${source.row}:${source.col}`;
  const first = !reported.has(key);
  reported.add(key);
  const fix = r.fixes.get(key);
  if (fix) {
    if (first) r.problems.push({ code: 'legacy-encoding-converted', row: Number(source.row), column: Number(source.col) - 1, value: fix.original, params: { encoding: ENCODING_LABEL[fix.encoding], converted: fix.text } });
    return fix.text;
  }
  if (v.length > r.limits.maxCellChars) {
    if (first) r.problems.push({ code: 'cell-too-long', row: Number(source.row), column: Number(source.col) - 1, value: `${v.slice(0, 40)}…`, params: { length: v.length, limit: r.limits.maxCellChars, flag: LIMIT_FLAGS.maxCellChars } });
    return v.slice(0, r.limits.maxCellChars).normalize('NFC');
  }
  return v.normalize('NFC');
}

function* sheetRows(r: SheetReading): Generator<RawRow> {
  const last = r.ws.rowCount;
  const reported = new Set<string>();
  for (let n = 1; n <= last; n++) {
    const row = r.ws.getRow(n);
    if (!row.hasValues) {
      yield { row: n, cells: [] };
      continue;
    }
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellValue(r, cell, reported);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    yield { row: n, cells };
  }
}

function checkSize(ws: ExcelJS.Worksheet, name: string, limits: ReadLimits): void {
  if (ws.rowCount > limits.maxRows) {
    throw unreadableError(`Tệp ${name}, trang "${ws.name}" có ${ws.rowCount.toLocaleString('vi-VN')} dòng, vượt giới hạn ${limits.maxRows.toLocaleString('vi-VN')} dòng (${LIMIT_FLAGS.maxRows}).`, `${name}, sheet "${ws.name}" has ${ws.rowCount.toLocaleString('en-US')} rows, over the ${limits.maxRows.toLocaleString('en-US')}-row limit (${LIMIT_FLAGS.maxRows}).`);
  }
  if (ws.columnCount > limits.maxColumns) {
    throw unreadableError(`Tệp ${name}, trang "${ws.name}" có ${ws.columnCount} cột, vượt giới hạn ${limits.maxColumns} cột (${LIMIT_FLAGS.maxColumns}).`, `${name}, sheet "${ws.name}" has ${ws.columnCount} columns, over the ${limits.maxColumns}-column limit (${LIMIT_FLAGS.maxColumns}).`);
  }
}

const stringOf = (cell: ExcelJS.Cell) => {
  const v = plainValue(cell.value);
  return typeof v === 'string' ? v : null;
};

export async function readXlsx(bytes: Buffer, base: Omit<SourceFile, 'sheets' | 'hiddenSheets'>, limits: ReadLimits = DEFAULT_LIMITS): Promise<SourceFile> {
  const name = basename(base.path);
  await checkWorkbookZip(bytes, name, limits);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // exceljs trips over damaged XML with its own TypeErrors; their text means nothing to a clerk.
    const detail = e instanceof TypeError || !(e instanceof Error) ? null : e.message.slice(0, 120);
    throw unreadableError(
      `Tệp ${name} hỏng hoặc không phải bảng tính .xlsx hợp lệ (${detail ?? 'cấu trúc XML bên trong bị hỏng'}). Hãy xin đơn vị gửi lại, hoặc mở bằng Excel và lưu lại.`,
      `${name} is corrupt or not a valid .xlsx workbook (${detail ?? 'its inner XML is damaged'}). Ask the district to send it again, or open it in Excel and save it again.`,
    );
  }
  const sheets: SourceFile['sheets'] = [];
  const hiddenSheets: string[] = [];
  const visible: ExcelJS.Worksheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') hiddenSheets.push(ws.name);
    else visible.push(ws);
  });
  for (const ws of visible) {
    checkSize(ws, name, limits);
    const problems: ReadProblem[] = [];
    sheets.push({ name: ws.name, rows: sheetRows({ ws, fixes: legacyFixes(ws, stringOf), limits, problems }), problems });
  }
  return { ...base, sheets, hiddenSheets };
}
