// Building blocks shared by the appendix workbook's sheets: shared cell styles (built once,
// never mutated per cell, so 10,000 rows do not mean 10,000 style objects), safe text, Excel
// dates, zone colours, and a table frame (title, bold header, widths, frozen pane, filter).
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../write/excel.js';
import type { IsoDate, Zone } from '../../core/types.js';
import { stripUnsafe } from '../../core/safeText.js';
import { columnLetter } from '../../read/cells.js';
import { applyPrintLayout, extendPrintArea, wrappedRowHeight } from '../print.js';
import { rawSink, type RawSink } from './rawRows.js';

export const FMT = { int: '#,##0', decimal: '#,##0.0#', pct: '0.0%', date: 'dd/mm/yyyy' } as const;

const FONT = 'Times New Roman';
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A cell's look: bold or not, a number format, a fill and its readable font colour. */
export interface Look {
  bold?: boolean;
  numFmt?: string;
  fill?: string; // RRGGBB
  wrap?: boolean;
  center?: boolean;
}

const cache = new Map<string, Partial<ExcelJS.Style>>();

const byLook = new WeakMap<Look, Partial<ExcelJS.Style>>();
const NO_LOOK: Look = {};

/** The shared style object for a look; callers assign it whole and never change it. */
export function style(look: Look = NO_LOOK): Partial<ExcelJS.Style> {
  // looks are constants of the sheets, asked for on every cell: found by the object first
  const known = byLook.get(look);
  if (known) return known;
  const key = `${look.bold ? 1 : 0}|${look.numFmt ?? ''}|${look.fill ?? ''}|${look.wrap ? 1 : 0}|${look.center ? 1 : 0}`;
  let s = cache.get(key);
  if (!s) {
    s = {
      font: { name: FONT, size: 11, bold: !!look.bold, color: { argb: look.fill && darkFill(look.fill) ? 'FFFFFFFF' : 'FF000000' } },
      border: BORDER,
      alignment: { vertical: 'middle', wrapText: !!look.wrap, ...(look.center ? { horizontal: 'center' as const } : {}) },
      ...(look.numFmt ? { numFmt: look.numFmt } : {}),
      ...(look.fill ? { fill: solid(`FF${look.fill.toUpperCase()}`) } : {}),
    };
    cache.set(key, s);
  }
  byLook.set(look, s);
  return s;
}

/** Perceived brightness (YIQ): white text on red and dark green, black on yellow and orange. */
export function darkFill(hex: string): boolean {
  const n = Number.parseInt(hex.slice(0, 6), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (r * 299 + g * 587 + b * 114) / 1000 < 128;
}

export const HEADER_FILL = 'D9E1F2';
export const ERROR_FILL = 'FFC7CE';
export const WARNING_FILL = 'FFEB9C';

// Control characters other than tab and newlines are not allowed in XML and corrupt the file;
// Excel refuses cells over 32,767 characters.
const BAD_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text as a cell value. Strings go into the shared-string table, so "=HYPERLINK(…)" or "+84…"
 * stays text: exceljs writes a formula only for { formula } values, which we never build.
 */
export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const clean = stripUnsafe(value).replace(BAD_XML, '');
  return clean.length > 32_767 ? clean.slice(0, 32_767) : clean;
}

/** An ISO date as the Excel date of that day (exceljs converts from UTC). */
export function excelDate(iso: IsoDate | null | undefined): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "2021-08-16" → "16/08/2021": the form the readers print dates in. */
export { formatDmy as viDate } from '../../read/cells.js';

export const yesNo = (v: boolean) => (v ? 'Có' : 'Không');

export interface Column {
  header: string;
  width: number;
  fill?: string; // a header coloured like a zone
}

export interface Frame {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  columns: number;
}

/**
 * A new sheet of the workbook: the one spot every appendix sheet is created, so that what all
 * sheets share (the frozen panes here) is given when the sheet is opened. A streamed workbook
 * (exceljs's WorkbookWriter) writes a sheet's views as soon as the sheet is added, so they
 * cannot be set afterwards.
 */
export function addSheet(wb: ExcelJS.Workbook, name: string, views: Partial<ExcelJS.WorksheetView>[]): ExcelJS.Worksheet {
  return wb.addWorksheet(name, { views });
}

/**
 * Title in row 1, the header in row 2 (bold, wrapped), and every column's width; the title and
 * header are frozen, with `frozenColumns` on the left.
 */
export function openTable(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[], frozenColumns = 0): Frame {
  const headerRow = 2;
  const ws = addSheet(wb, name, [{ state: 'frozen', xSplit: frozenColumns, ySplit: headerRow, topLeftCell: `${colLetter(frozenColumns + 1)}${headerRow + 1}`, activeCell: `${colLetter(frozenColumns + 1)}${headerRow + 1}` }]);
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const titleCell = ws.getCell(1, 1);
  titleCell.value = text(title);
  titleCell.font = { name: FONT, size: 13, bold: true };
  ws.getRow(1).height = 21;
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text(c.header);
    cell.style = style({ bold: true, wrap: true, center: true, fill: c.fill ?? HEADER_FILL });
  });
  header.height = 45;
  // Laid out for A4 now, while the title and header rows are still open: a streamed sheet writes
  // them with its first data row. closeTable moves the print area's end to the last row.
  applyPrintLayout(ws, { repeatRows: [headerRow, headerRow], freezeRows: headerRow, freezeColumns: frozenColumns, columns: columns.length, lastRow: headerRow, titleRows: [1] });
  return { ws, headerRow, columns: columns.length };
}

/**
 * Filter header..lastRow, stretch the print area down to `lastPrinted` (the layout itself was
 * given in openTable, before a streamed sheet writes its first rows), and end the sheet: a
 * streamed sheet writes what is left of it and takes no more rows (an in-memory one has no commit).
 */
export function closeTable(frame: Frame, lastRow: number, _frozenColumns = 0, lastPrinted = lastRow): void {
  const { ws, headerRow, columns } = frame;
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastRow, headerRow), column: columns } };
  extendPrintArea(ws, lastPrinted);
  commitSheet(ws);
}

/** A streamed sheet (WorksheetWriter) has commit(); an in-memory Worksheet has not. */
export function commitSheet(ws: ExcelJS.Worksheet): void {
  const streamed = ws as ExcelJS.Worksheet & { commit?: () => void };
  if (typeof streamed.commit === 'function') streamed.commit();
}

/** 1 → "A", 27 → "AA" (read/cells.ts's columnLetter is 0-based). */
export const colLetter = (n: number): string => columnLetter(n - 1);

export type CellInput = ExcelJS.CellValue;

const sinks = new WeakMap<ExcelJS.Worksheet, RawSink | null>();

/**
 * Append one data row: values, then a look per cell (the same look for all when one is given).
 * On a streamed sheet the row goes out as XML text (rawRows.ts: the bytes exceljs would write).
 */
export function putRow(ws: ExcelJS.Worksheet, rowNumber: number, values: CellInput[], looks: Look | Look[]): void {
  let sink = sinks.get(ws);
  if (sink === undefined) sinks.set(ws, (sink = rawSink(ws)));
  if (sink) {
    const lookAt = (i: number) => (Array.isArray(looks) ? looks[i] : looks);
    const wrapped: { text: string; width: number }[] = [];
    values.forEach((v, i) => {
      if (lookAt(i)?.wrap && typeof v === 'string') wrapped.push({ text: v, width: ws.getColumn(i + 1).width ?? 9 });
    });
    if (sink.write(rowNumber, values, values.map((_, i) => style(lookAt(i))), wrappedRowHeight(wrapped) || undefined)) return;
  }
  const row = ws.getRow(rowNumber);
  const wrapped: { text: string; width: number }[] = [];
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    const look = Array.isArray(looks) ? looks[i] : looks;
    cell.value = v;
    cell.style = style(look);
    if (look?.wrap && typeof v === 'string') wrapped.push({ text: v, width: ws.getColumn(i + 1).width ?? 9 });
  });
  const height = wrappedRowHeight(wrapped);
  if (height) row.height = height;
  // A streamed sheet writes the row out now (and every row above it), so memory stays flat
  // whatever the number of rows; in memory, commit does nothing.
  row.commit();
}

/** The look of a cell showing a zone: its colour, centred. */
export const zoneLook = (zone: Zone | undefined, extra: Look = {}): Look => ({ ...extra, fill: zone?.color, center: true });

/**
 * A workbook's own dates come from the data (the period's end), never the clock, so the same
 * input gives the same bytes and a file's hash can be recorded.
 */
export function stamp<W extends ExcelJS.Workbook>(wb: W, title: string, periodEnd: IsoDate): W {
  const at = excelDate(periodEnd) ?? new Date(0);
  wb.creator = 'thidua';
  wb.lastModifiedBy = 'thidua';
  wb.created = at;
  wb.modified = at;
  wb.lastPrinted = at;
  wb.title = title;
  return wb;
}

/** A new in-memory workbook, stamped with the data's dates. */
export function stampedWorkbook(title: string, periodEnd: IsoDate): ExcelJS.Workbook {
  return stamp(newWorkbook(), title, periodEnd);
}
