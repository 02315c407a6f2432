// How every workbook thidua writes prints: A4, portrait or landscape by the table's width, one
// page wide, the header rows on every page, frozen header panes, margins, "Trang x/y" in the
// footer, the title merged over the table so it is never cut, and a print area ending at the
// last row written (no blank pages of empty formatted cells). One place, applied by each
// workbook writer where it finishes a sheet; printXml gives the same settings as sheet XML
// for the annotated copies, which are written without exceljs.
import type ExcelJS from 'exceljs';
import { columnLetter } from '../read/cells.js';

/** Excel's paper size code for A4. */
export const A4 = 9;

/** Margins in inches (Excel's unit): 15 mm left and right, 18 mm top and bottom, 8 mm header and footer. */
export const MARGINS = { left: 0.59, right: 0.59, top: 0.71, bottom: 0.71, header: 0.31, footer: 0.31 } as const;

/** Centred footer: "Trang 3/12" in Times New Roman 10. */
export const FOOTER = '&C&"Times New Roman,Regular"&10Trang &P/&N';

/**
 * Width (in Excel's character units) that still prints on A4 portrait at a readable scale:
 * 180 mm of paper between the margins hold about 95 units at 100 %; up to 110 shrinks a little.
 */
const PORTRAIT_MAX_WIDTH = 110;

export type Orientation = 'portrait' | 'landscape';

export const orientationFor = (widths: number[]): Orientation => (widths.reduce((a, b) => a + b, 0) <= PORTRAIT_MAX_WIDTH ? 'portrait' : 'landscape');

export interface PrintLayout {
  /** the rows repeated at the top of every printed page (the header), 1-based inclusive */
  repeatRows?: [number, number];
  /** rows above the frozen pane, and columns left of it (0: no frozen pane) */
  freezeRows: number;
  freezeColumns?: number;
  /** how many columns the table has (widths are read from the sheet's columns) */
  columns: number;
  /** the last row written: the print area ends there */
  lastRow: number;
  /** rows of the title block, merged over the table's width and wrapped so they print whole */
  titleRows?: number[];
}

/** 1 → "A" (read/cells.ts's columnLetter is 0-based). */
const colLetter = (n: number): string => columnLetter(n - 1);

/** Lines a title of `chars` characters at `size` pt takes over `width` units (bold capitals run wide). */
function titleLines(chars: number, size: number, width: number): number {
  const perLine = Math.max(1, Math.floor((width * 11) / (size * 1.25)));
  return Math.max(1, Math.ceil(chars / perLine));
}

/** Keeps a title row whole: merged over the table, wrapped, and tall enough for its lines. */
function keepTitle(ws: ExcelJS.Worksheet, row: number, columns: number, width: number): void {
  const cell = ws.getCell(row, 1);
  const text = typeof cell.value === 'string' ? cell.value : '';
  if (columns > 1 && !cell.isMerged) ws.mergeCells(row, 1, row, columns);
  cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'middle' };
  const size = cell.font?.size ?? 11;
  const lines = titleLines(text.length, size, width);
  const height = lines * size * 1.45 + 4;
  const r = ws.getRow(row);
  if (!r.height || r.height < height) r.height = height;
}

/** Applies the layout to an exceljs worksheet (whole-workbook or streaming). */
export function applyPrintLayout(ws: ExcelJS.Worksheet, l: PrintLayout): void {
  const widths = Array.from({ length: l.columns }, (_, i) => ws.getColumn(i + 1).width ?? 9);
  const total = widths.reduce((a, b) => a + b, 0);
  for (const r of l.titleRows ?? []) keepTitle(ws, r, l.columns, total);
  const fc = l.freezeColumns ?? 0;
  // a streamed sheet (exceljs's WorksheetWriter) took its views when it was added, and has no setter for them
  const streamed = typeof (ws as ExcelJS.Worksheet & { commit?: unknown }).commit === 'function';
  if (!streamed && (l.freezeRows > 0 || fc > 0)) ws.views = [{ state: 'frozen', xSplit: fc, ySplit: l.freezeRows, topLeftCell: `${colLetter(fc + 1)}${l.freezeRows + 1}`, activeCell: `${colLetter(fc + 1)}${l.freezeRows + 1}` }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: orientationFor(widths),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...MARGINS },
    ...(l.repeatRows ? { printTitlesRow: `${l.repeatRows[0]}:${l.repeatRows[1]}` } : {}),
    printArea: `A1:${colLetter(l.columns)}${Math.max(l.lastRow, l.repeatRows?.[1] ?? 1)}`,
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: FOOTER, evenFooter: FOOTER };
}

/** Points per line of 11 pt text, and characters of Times New Roman per unit of column width. */
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.15;

/**
 * The height a row needs for its wrapped text cells (undefined: one line is enough).
 * LibreOffice does not grow rows to fit wrapped text on opening, so printed rows would overlap.
 */
export function wrappedRowHeight(cells: { text: string; width: number }[], fontSize = 11): number | undefined {
  let lines = 1;
  for (const c of cells) {
    const perLine = Math.max(1, Math.floor((c.width * CHARS_PER_WIDTH * 11) / fontSize));
    lines = Math.max(lines, c.text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0));
  }
  return lines > 1 ? (lines * LINE_HEIGHT * fontSize) / 11 : undefined;
}

/** Moves the end of a sheet's print area down to `lastRow` (a picture placed under the table). */
export function extendPrintArea(ws: ExcelJS.Worksheet, lastRow: number): void {
  const area = ws.pageSetup?.printArea;
  if (!area) return;
  const m = /^(.*:\$?[A-Z]+\$?)(\d+)$/.exec(area);
  if (m && Number(m[2]) < lastRow) ws.pageSetup = { ...ws.pageSetup, printArea: `${m[1]}${lastRow}` };
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The same layout as worksheet XML, for sheets written by hand (the annotated copies' "Lỗi"). */
export const printXml = {
  sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
  pane: (rows: number) => `<pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${rows + 1}" sqref="A${rows + 1}"/>`,
  printOptions: '<printOptions horizontalCentered="1"/>',
  pageMargins: `<pageMargins left="${MARGINS.left}" right="${MARGINS.right}" top="${MARGINS.top}" bottom="${MARGINS.bottom}" header="${MARGINS.header}" footer="${MARGINS.footer}"/>`,
  pageSetup: (widths: number[]) => `<pageSetup paperSize="${A4}" orientation="${orientationFor(widths)}" fitToWidth="1" fitToHeight="0"/>`,
  headerFooter: `<headerFooter><oddFooter>${xmlAttr(FOOTER)}</oddFooter><evenFooter>${xmlAttr(FOOTER)}</evenFooter></headerFooter>`,
  /** the defined names for print titles and area of sheet number `index` (0-based tab order) */
  definedNames: (sheet: string, index: number, rows: [number, number], lastColumn: number, lastRow: number) => {
    const q = `'${sheet.replace(/'/g, "''")}'`;
    return `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlAttr(q)}!$${rows[0]}:$${rows[1]}</definedName>`
      + `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlAttr(q)}!$A$1:$${colLetter(lastColumn)}$${Math.max(lastRow, rows[1])}</definedName>`;
  },
};
