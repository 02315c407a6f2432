// Bordered data tables (header row repeated on every page, fixed column widths, optional
// cell shading for zone colours) and centred chart images for ND30 documents.

import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { STYLE, TEXT_WIDTH } from './layout.js';

export type CellAlign = 'left' | 'center' | 'right' | 'justify';

export interface DataColumn {
  header: string;
  /** Width in twips (use `mm()` from layout.ts to give millimetres). */
  width: number;
  align?: CellAlign;
}

export interface DataCellSpec {
  text: string;
  /** Background colour, hex RRGGBB without '#'. */
  fill?: string;
  /** Text colour, hex RRGGBB: white reads better on a red fill. */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: CellAlign;
  /** Number of columns this cell covers (group rows such as "I. TẬP THỂ"). */
  span?: number;
  /** Keep this cell's row on the page of the next row (a group heading such as a district's name). */
  keepNext?: boolean;
}

export type DataCell = string | DataCellSpec;

export interface DataTableOptions {
  columns: DataColumn[];
  rows: DataCell[][];
  /** Repeat the header row at the top of every page (default true). */
  headerRepeat?: boolean;
  /** A last row in bold, such as "Tổng cộng". */
  totalRow?: DataCell[];
  /** Scale the column widths proportionally so the table is this wide, in twips. */
  fitTo?: number;
  /** Header row background, hex RRGGBB. */
  headerFill?: string;
  /** Keep every row with the next, so a short table is not split across pages. */
  keepTogether?: boolean;
  /** Rows (0-based in `rows`) kept on the page of the row after them: a group heading with its first rows, the last rows together. */
  keepWithNext?: (index: number) => boolean;
}

/**
 * Rows to keep with the next in a table of `count` rows whose group headings are `headings`:
 * each heading and the row after it (a heading never ends a page alone with one row), and the
 * last `tail` rows together (no page holding a single row).
 */
export function keepGroupsAndTail(count: number, headings: Set<number>, tail = 3): (index: number) => boolean {
  return (i) => i < count - 1 && (headings.has(i) || headings.has(i - 1) || i >= count - tail);
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_MARGINS = { top: 0, bottom: 0, left: 70, right: 70 };

/** Integer column widths scaled to `total`; the last column takes the rounding remainder. */
export function fitWidths(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('Column widths must add up to more than zero');
  const scaled = widths.map((w) => Math.floor((w * total) / sum));
  scaled[scaled.length - 1] += total - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

export const spec = (value: DataCell): DataCellSpec => (typeof value === 'string' ? { text: value } : value);

/** What a cell takes from its column and row: shared by dataTable and its raw-XML twin (rawTable.ts). */
export interface CellContext {
  width: number;
  align: CellAlign;
  style: string;
  bold?: boolean;
  keepNext?: boolean;
}

function dataCell(value: DataCell, ctx: CellContext): TableCell {
  const s = spec(value);
  // Line breaks inside a value become separate paragraphs, which both Word and LibreOffice keep.
  const children = s.text.split('\n').map(
    (line) =>
      new Paragraph({
        style: ctx.style,
        alignment: ALIGN[s.align ?? ctx.align],
        keepNext: s.keepNext ? true : ctx.keepNext,
        children: line === '' ? [] : [new TextRun({ text: line, bold: s.bold ?? ctx.bold, italics: s.italic, color: s.color })],
      }),
  );
  return new TableCell({
    width: { size: ctx.width, type: WidthType.DXA },
    columnSpan: s.span && s.span > 1 ? s.span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: s.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: s.fill } : undefined,
    children,
  });
}

/** Cells of one row, each given the width of the columns it spans. */
function rowCells(values: DataCell[], columns: DataColumn[], widths: number[], style: string, bold?: boolean, keepNext?: boolean): TableCell[] {
  const cells: TableCell[] = [];
  let col = 0;
  for (const value of values) {
    if (col >= columns.length) break;
    const span = Math.min(spec(value).span ?? 1, columns.length - col);
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    cells.push(dataCell(value, { width, align: columns[col].align ?? 'left', style, bold, keepNext }));
    col += span;
  }
  // Short rows are padded so every row has the table's full grid.
  for (; col < columns.length; col++) {
    cells.push(dataCell('', { width: widths[col], align: 'left', style }));
  }
  return cells;
}

/** A bordered table with explicit widths on the grid and on every cell. */
export function dataTable(options: DataTableOptions): Table {
  const { columns } = options;
  if (columns.length === 0) throw new Error('A table needs at least one column');
  const raw = columns.map((c) => c.width);
  const widths = options.fitTo === undefined ? raw : fitWidths(raw, options.fitTo);
  const header = new TableRow({
    tableHeader: options.headerRepeat ?? true,
    cantSplit: true,
    children: columns.map((c, i) =>
      dataCell({ text: c.header, fill: options.headerFill }, { width: widths[i], align: 'center', style: STYLE.tableHeader }),
    ),
  });
  const last = options.rows.length - (options.totalRow ? 0 : 1);
  const body = options.rows.map(
    (values, i) =>
      new TableRow({ cantSplit: true, children: rowCells(values, columns, widths, STYLE.tableText, undefined, (options.keepTogether && i < last) || options.keepWithNext?.(i)) }),
  );
  const total = options.totalRow
    ? [new TableRow({ cantSplit: true, children: rowCells(options.totalRow, columns, widths, STYLE.tableText, true) })]
    : [];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: CELL_MARGINS,
    rows: [header, ...body, ...total],
  });
}

/** Pixels at 96 dpi per twip: images are sized in pixels, pages in twips. */
const TWIPS_PER_PX = 15;

export interface ChartImageOptions {
  /** Widest the picture may be, in twips; the portrait text width unless given. */
  maxWidth?: number;
}

/** A centred paragraph holding a PNG, scaled down (never up) to fit the text width. */
export function chartImage(png: Buffer | Uint8Array, widthPx: number, heightPx: number, options: ChartImageOptions = {}): Paragraph {
  if (!(widthPx > 0 && heightPx > 0)) throw new Error('Image size must be positive');
  const maxPx = Math.floor((options.maxWidth ?? TEXT_WIDTH.portrait) / TWIPS_PER_PX);
  const scale = Math.min(1, maxPx / widthPx);
  return new Paragraph({
    style: STYLE.image,
    keepNext: false,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: Math.round(widthPx * scale), height: Math.round(heightPx * scale) },
      }),
    ],
  });
}
