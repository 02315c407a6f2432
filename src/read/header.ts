// Finding the header row of a sheet below its title block (one or two rows, merged parents),
// deciding the sheet's kind from it, and mapping columns to fields.
import type { CellValue, SheetKind } from '../core/types.js';
import { looseKey } from '../core/normalize.js';
import { cellText } from './cells.js';
import { COMPILED_KINDS, fieldScore, type CompiledKind } from './schema.js';
import type { RawRow } from './source.js';

export const HEADER_SEARCH_ROWS = 20;

export interface ColumnMap {
  /** field → 0-based column index */
  columns: Map<string, number>;
  /** fields named by more than one column: [field, the other column indexes] */
  duplicates: [string, number[]][];
  labels: string[]; // header label per column, for messages
}

export interface HeaderFound {
  kind: SheetKind;
  spec: CompiledKind;
  map: ColumnMap;
  headerRows: number[]; // spreadsheet row numbers of the header (1 or 2)
  missing: string[][]; // required groups not matched (only for partial matches)
  titleText: string; // text of the rows above the header, for the district name
}

function labelAt(rows: RawRow[], i: number, c: number): string {
  const v = rows[i]?.cells[c];
  return v === undefined || v === null ? '' : cellText(v as CellValue);
}

function mapColumns(kind: CompiledKind, labelsOf: (c: number) => string[], width: number): ColumnMap & { score: number } {
  const best = new Map<string, { col: number; score: number; others: number[] }>();
  const labels: string[] = [];
  for (let c = 0; c < width; c++) {
    const cands = labelsOf(c).filter(Boolean);
    labels[c] = cands[0] ?? '';
    let top: { field: string; score: number } | null = null;
    for (const label of cands) {
      const key = looseKey(label);
      for (const fld of kind.fields) {
        const s = fieldScore(fld, key);
        if (s > 0 && (!top || s > top.score)) top = { field: fld.spec.field, score: s };
      }
    }
    if (!top) continue;
    const prev = best.get(top.field);
    if (!prev || top.score > prev.score) best.set(top.field, { col: c, score: top.score, others: prev ? [...prev.others, prev.col] : [] });
    else if (top.score === prev.score) prev.others.push(c);
  }
  const columns = new Map([...best].map(([k, v]) => [k, v.col]));
  const duplicates = [...best].filter(([, v]) => v.others.length > 0 && v.score === 100).map(([k, v]) => [k, v.others] as [string, number[]]);
  const score = [...best.values()].reduce((a, v) => a + (v.score === 100 ? 3 : 2), 0);
  return { columns, duplicates, labels, score };
}

function missingGroups(kind: CompiledKind, columns: Map<string, number>): string[][] {
  return kind.spec.required.filter((group) => !group.some((fld) => columns.has(fld)));
}

/** The best header among the first rows, complete if any kind's required columns are all there. */
export function findHeader(rows: RawRow[]): HeaderFound | null {
  let best: (HeaderFound & { score: number }) | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const width = Math.max(rows[i].cells.length, rows[i + 1]?.cells.length ?? 0);
    if (rows[i].cells.every((v) => v === null || cellText(v) === '')) continue;
    const shapes: { labelsOf: (c: number) => string[]; headerRows: number[] }[] = [
      { labelsOf: (c) => [labelAt(rows, i, c)], headerRows: [rows[i].row] },
    ];
    if (i + 1 < rows.length) {
      shapes.push({
        labelsOf: (c) => [labelAt(rows, i + 1, c), labelAt(rows, i, c), `${labelAt(rows, i, c)} ${labelAt(rows, i + 1, c)}`],
        headerRows: [rows[i].row, rows[i + 1].row],
      });
    }
    for (const kind of COMPILED_KINDS) {
      for (const shape of shapes) {
        const m = mapColumns(kind, shape.labelsOf, width);
        const missing = missingGroups(kind, m.columns);
        const score = m.score + (missing.length === 0 ? 1000 : 0) - missing.length * 10;
        if (!best || score > best.score) {
          const titleText = rows.slice(0, i).map((r) => r.cells.map((v) => (v === null ? '' : cellText(v))).join(' ')).join(' ');
          best = { kind: kind.spec.kind, spec: kind, map: m, headerRows: shape.headerRows, missing, titleText, score };
        }
      }
    }
  }
  // A partial match counts only when it found at least two of the kind's columns.
  if (!best || (best.missing.length > 0 && best.map.columns.size < 2)) return null;
  return best;
}

/** "(1) (2) (3)" or "1 2 3" or "A B C" under a header: column numbers, not data. */
export function isColumnNumberRow(cells: CellValue[]): boolean {
  const texts = cells.map((v) => (v === null ? '' : cellText(v))).filter(Boolean);
  if (texts.length < 2) return false;
  return texts.every((t) => /^\(?\s*([0-9]{1,2}|[A-Z])\s*\)?(\s*=.*)?$/.test(t));
}

const TOTAL = /^(tong cong|tong so|tong|cong|total|cong chung|tong hop)( |$)/;

/** A total row: its first text cells say "Tổng cộng"/"Cộng". */
export function isTotalRow(cells: CellValue[]): boolean {
  let seen = 0;
  for (const v of cells) {
    if (v === null || typeof v !== 'string' || v.trim() === '') continue;
    if (TOTAL.test(looseKey(v)) && looseKey(v).split(' ').length <= 4) return true;
    if (++seen >= 3) return false;
  }
  return false;
}

export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}
