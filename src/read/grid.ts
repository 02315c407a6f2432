// One worksheet as SheetJS parsed it (dense cells) turned into rows of plain values: formulas by
// their cached result (0 and FALSE included), dates from date-formatted numbers, merged cells by
// their master's value, legacy-font text converted. Limits count cells that hold values, never
// the ranges a sheet's dimension, styles, validations or merges name.
import type { CellObject, Range, WorkSheet } from '@e965/xlsx';
import type { CellValue } from '../core/types.js';
import { unreadableError } from '../core/errors.js';
import type { RawRow, RawSheet, ReadProblem } from './types.js';
import { LIMIT_FLAGS, type ReadLimits } from './limits.js';
import { legacyFixes, type LegacyFix, type TextCell } from './legacyCells.js';
import type { LegacyEncoding } from './legacy.js';

/** Cells a sheet's merged ranges may fill, all ranges together, once clipped to the data. */
export const MAX_MERGED_CELLS = 2_000_000;

const ENCODING_LABEL = { tcvn3: 'TCVN3 (.VnTime)', vni: 'VNI (VNI-Times)' } as const;

export interface GridContext {
  file: string;
  sheet: string;
  limits: ReadLimits;
  date1904: boolean;
  /** whether a number format shows a date */
  isDateFormat: (format: string | number) => boolean;
  /** encoding implied by each cell's font, "row:col" (1-based), when the format keeps fonts */
  fonts?: Map<string, LegacyEncoding>;
}

type Dense = (CellObject | undefined)[][];

const hasValue = (c: CellObject | undefined): c is CellObject => c !== undefined && c !== null && c.t !== 'z' && c.v !== undefined && c.v !== null && c.v !== '';

/** An Excel serial as the calendar day it shows, at UTC midnight (as the other readers give dates). */
function serialDate(serial: number, date1904: boolean): Date | null {
  const days = Math.floor(serial + 1e-9) + (date1904 ? 1462 : 0);
  if (!Number.isFinite(days) || days < 1 || days > 2_958_465) return null;
  // Excel's phantom 29/2/1900: serials from 61 on are one day ahead of the real calendar.
  return new Date(Date.UTC(1899, 11, days < 61 ? 31 : 30) + days * 86_400_000);
}

function plain(c: CellObject, ctx: GridContext): CellValue {
  switch (c.t) {
    case 's':
      return String(c.v);
    case 'b':
      return Boolean(c.v);
    case 'e':
      return { error: c.w ?? '#ERROR!' };
    case 'd':
      return c.v instanceof Date ? c.v : new Date(String(c.v));
    case 'n': {
      const n = Number(c.v);
      if (c.z !== undefined && ctx.isDateFormat(c.z)) return serialDate(n, ctx.date1904) ?? n;
      return n;
    }
    default:
      return null;
  }
}

function tooMany(ctx: GridContext, what: 'rows' | 'columns', n: number): Error {
  const { file, sheet, limits } = ctx;
  if (what === 'rows') {
    return unreadableError(`Tệp ${file}, trang "${sheet}" có dữ liệu đến dòng ${n.toLocaleString('vi-VN')}, vượt giới hạn ${limits.maxRows.toLocaleString('vi-VN')} dòng (${LIMIT_FLAGS.maxRows}).`, `${file}, sheet "${sheet}" has data down to row ${n.toLocaleString('en-US')}, over the ${limits.maxRows.toLocaleString('en-US')}-row limit (${LIMIT_FLAGS.maxRows}).`);
  }
  return unreadableError(`Tệp ${file}, trang "${sheet}" có dữ liệu đến cột thứ ${n}, vượt giới hạn ${limits.maxColumns} cột (${LIMIT_FLAGS.maxColumns}).`, `${file}, sheet "${sheet}" has data out to column ${n}, over the ${limits.maxColumns}-column limit (${LIMIT_FLAGS.maxColumns}).`);
}

/** How far the cells holding values reach: 1-based last row and column (0 when none). */
function extent(data: Dense): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      if (hasValue(row[c])) {
        rows = r + 1;
        if (c + 1 > cols) cols = c + 1;
        break;
      }
    }
  }
  return { rows, cols };
}

/** Merged ranges clipped to the data, with their master's value; refused past MAX_MERGED_CELLS. */
function clippedMerges(merges: Range[], data: Dense, size: { rows: number; cols: number }, ctx: GridContext): { s: { r: number; c: number }; e: { r: number; c: number } }[] {
  const out: { s: { r: number; c: number }; e: { r: number; c: number } }[] = [];
  let cells = 0;
  for (const m of merges) {
    if (!hasValue(data[m.s.r]?.[m.s.c])) continue; // nothing to spread
    const e = { r: Math.min(m.e.r, size.rows - 1), c: Math.min(m.e.c, size.cols - 1) };
    if (e.r < m.s.r || e.c < m.s.c) continue;
    cells += (e.r - m.s.r + 1) * (e.c - m.s.c + 1);
    if (cells > MAX_MERGED_CELLS) {
      throw unreadableError(`Tệp ${ctx.file}, trang "${ctx.sheet}" có vùng gộp ô phủ hơn ${MAX_MERGED_CELLS.toLocaleString('vi-VN')} ô dữ liệu, không phải một bảng báo cáo: hãy bỏ gộp ô (Merge) và lưu lại.`, `${ctx.file}, sheet "${ctx.sheet}" has merged ranges covering more than ${MAX_MERGED_CELLS.toLocaleString('en-US')} data cells, not a report table: unmerge the cells and save again.`);
    }
    out.push({ s: m.s, e });
  }
  return out.sort((a, b) => a.s.r - b.s.r);
}

function textCells(data: Dense, ctx: GridContext): Generator<TextCell> {
  return (function* () {
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell?.t === 's' && typeof cell.v === 'string') yield { row: r + 1, col: c + 1, text: cell.v, font: ctx.fonts?.get(`${r + 1}:${c + 1}`) ?? null };
      }
    }
  })();
}

function text(v: string, r: number, c: number, fixes: Map<string, LegacyFix>, ctx: GridContext, problems: ReadProblem[]): string {
  const fix = fixes.get(`${r}:${c}`);
  if (fix) {
    problems.push({ code: 'legacy-encoding-converted', row: r, column: c - 1, value: fix.original, params: { encoding: ENCODING_LABEL[fix.encoding], converted: fix.text } });
    return fix.text;
  }
  if (v.length > ctx.limits.maxCellChars) {
    problems.push({ code: 'cell-too-long', row: r, column: c - 1, value: `${v.slice(0, 40)}…`, params: { length: v.length, limit: ctx.limits.maxCellChars, flag: LIMIT_FLAGS.maxCellChars } });
    return v.slice(0, ctx.limits.maxCellChars).normalize('NFC');
  }
  return NON_ASCII.test(v) ? v.normalize('NFC') : v; // ASCII is NFC already
}

const NON_ASCII = /[^\x00-\x7f]/;

function* rowsOf(data: Dense, size: { rows: number; cols: number }, merges: ReturnType<typeof clippedMerges>, fixes: Map<string, LegacyFix>, ctx: GridContext, problems: ReadProblem[]): Generator<RawRow> {
  let pending = 0;
  let active: { s: { r: number; c: number }; e: { r: number; c: number }; value: CellValue }[] = [];
  for (let r = 0; r < size.rows; r++) {
    const src = data[r] ?? [];
    const cells: CellValue[] = [];
    for (let c = 0; c < Math.min(src.length, size.cols); c++) {
      const cell = src[c];
      cells[c] = hasValue(cell) ? plain(cell, ctx) : null;
      const v = cells[c];
      if (typeof v === 'string') cells[c] = text(v, r + 1, c + 1, fixes, ctx, problems);
    }
    while (pending < merges.length && merges[pending].s.r <= r) {
      const m = merges[pending++];
      const value = cells[m.s.c] ?? null;
      active.push({ ...m, value });
    }
    if (active.length > 0) {
      active = active.filter((m) => m.e.r >= r);
      for (const m of active) for (let c = m.s.c; c <= m.e.c; c++) cells[c] = m.value;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    let end = cells.length;
    while (end > 0 && cells[end - 1] === null) end--;
    cells.length = end;
    yield { row: r + 1, cells };
  }
}

/** A worksheet's rows, checked against the limits before the first is handed out. */
export function gridSheet(ws: WorkSheet, ctx: GridContext): RawSheet {
  const data: Dense = (ws['!data'] as Dense | undefined) ?? [];
  const size = extent(data);
  if (size.rows > ctx.limits.maxRows) throw tooMany(ctx, 'rows', size.rows);
  if (size.cols > ctx.limits.maxColumns) throw tooMany(ctx, 'columns', size.cols);
  const merges = clippedMerges((ws['!merges'] as Range[] | undefined) ?? [], data, size, ctx);
  const fixes = legacyFixes(textCells(data, ctx));
  const problems: ReadProblem[] = [];
  return { name: ctx.sheet, rows: rowsOf(data, size, merges, fixes, ctx, problems), problems };
}
