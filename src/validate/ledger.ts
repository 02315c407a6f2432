// The row ledger: every non-blank row below a sheet's header ends as used (it reaches the figures
// or the shortlist), excluded (an error points at it) or skipped (a total, column-number or
// sub-heading row, each named with its reason). Blank rows are not counted.
import type { Lang } from '../core/types.js';
import type { Issue } from './issue.js';
import type { IssueCode } from './catalog.js';

export type SkipReason = 'total' | 'column-numbers' | 'sub-heading' | 'no-content' | 'superseded';

export interface SkippedRow {
  sheet: string;
  row: number;
  reason: SkipReason;
  /** for a superseded sheet: how many data rows, from `row` on, the entry stands for */
  rows?: number;
  /** for a superseded sheet: the file sent again that replaces it */
  by?: string;
}

export interface RowCounts {
  used: number;
  excluded: number;
  skipped: number;
}

export const SKIP_TEXT: Record<SkipReason, Record<Lang, string>> = {
  total: { vi: 'dòng tổng cộng', en: 'total row' },
  'column-numbers': { vi: 'dòng đánh số cột', en: 'column-number row' },
  'sub-heading': { vi: 'dòng tiêu đề mục (không có tên chỉ tiêu, không có số liệu)', en: 'sub-heading (no indicator name, no value)' },
  'no-content': { vi: 'dòng không có nội dung khó khăn, kiến nghị', en: 'row without a difficulty or proposal' },
  superseded: { vi: 'tệp cũ, đơn vị đã gửi lại tệp thay thế', en: 'older file, replaced by the one the district sent again' },
};

/** Issue codes that point at a header or a whole sheet, not at a data row. */
const NOT_A_ROW: ReadonlySet<IssueCode> = new Set<IssueCode>(['missing-column', 'duplicate-header', 'sheet-not-filled', 'unknown-sheet', 'empty-file', 'unreadable-file']);

/** What a sheet's reading leaves for the ledger, finished once the whole run's issues are known. */
export interface SheetRows {
  name: string;
  kind: string | null;
  /** data rows read (each becomes used or excluded) */
  rows: number;
  /** the last header row: issues above it are not about data rows */
  headerRow: number;
  /** the first data row (0 when none) */
  firstDataRow: number;
  /** data rows that the reader itself found errors on */
  erredRows: Set<number>;
  /** rows the reader dropped (bad CSV lines): excluded, and not among `rows` */
  droppedRows: number;
  skipped: SkippedRow[];
}

/** Used, excluded and skipped rows of one sheet, from its reading and every error issue of its file. */
export function sheetCounts(s: SheetRows, issues: Issue[]): RowCounts {
  // A sheet replaced by a later version of the file: its rows are set aside, said once for the sheet.
  if (s.skipped.some((k) => k.reason === 'superseded')) return { used: 0, excluded: s.droppedRows, skipped: s.rows + s.skipped.length - 1 };
  const erred = new Set(s.erredRows);
  for (const i of issues) {
    if (i.severity !== 'error' || i.sheet !== s.name || i.row === null || i.row <= s.headerRow) continue;
    if (NOT_A_ROW.has(i.code) || i.code === 'bad-line') continue;
    erred.add(i.row);
  }
  const excluded = Math.min(erred.size, s.rows);
  return { used: s.rows - excluded, excluded: excluded + s.droppedRows, skipped: s.skipped.length };
}

export function addCounts(a: RowCounts, b: RowCounts): RowCounts {
  return { used: a.used + b.used, excluded: a.excluded + b.excluded, skipped: a.skipped + b.skipped };
}

export const NO_ROWS: RowCounts = Object.freeze({ used: 0, excluded: 0, skipped: 0 });

/** "Phân vùng!45 (dòng tổng cộng)". */
export function skippedText(s: SkippedRow, lang: Lang): string {
  if (s.rows !== undefined) return `${s.sheet}!${s.row}… (${s.rows} ${lang === 'vi' ? 'dòng' : 'rows'}: ${SKIP_TEXT[s.reason][lang]}${s.by ? ` ${s.by}` : ''})`;
  return `${s.sheet}!${s.row} (${SKIP_TEXT[s.reason][lang]})`;
}
