// What every reader hands back: a file's sheets as rows of raw cell values, with what the reader
// noticed on the way. A leaf module: the format readers and the dispatcher (source.ts) import it,
// it imports none of them.
import type { CellValue } from '../core/types.js';

/** One row as the spreadsheet shows it: 1-based row number, cells from column A. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

/** Something a reader noticed in a sheet and repaired or skipped; it becomes an issue. */
export interface ReadProblem {
  code: 'bad-line' | 'line-repaired' | 'legacy-encoding-converted' | 'cell-too-long';
  row: number | null;
  /** 0-based column */
  column: number | null;
  value: string | null;
  params: Record<string, string | number>;
}

export interface RawSheet {
  name: string;
  rows: AsyncIterable<RawRow> | Iterable<RawRow>;
  /** filled while `rows` is read */
  problems?: ReadProblem[];
}

/**
 * What the file really is, by its bytes: OOXML workbook (.xlsx/.xlsm/.xltx), binary .xlsb,
 * Excel 97–2003 or 5/95 (.xls), OpenDocument (.ods), an HTML table or an Excel 2003 XML
 * spreadsheet (both often named .xls by web systems), or delimited text.
 */
export type SourceFormat = 'xlsx' | 'xlsb' | 'xls' | 'ods' | 'html' | 'xml' | 'csv';

export interface SourceFile {
  path: string;
  format: SourceFormat;
  encoding: string | null; // for text files
  delimiter: string | null;
  sha256: string;
  size: number;
  sheets: RawSheet[];
  hiddenSheets: string[];
  /** What the reader noticed and the user should hear about (content not matching the name…). */
  notes: { vi: string; en: string }[];
}

/** What the dispatcher knows of a file before a format reader opens it. */
export type SourceBase = Pick<SourceFile, 'path' | 'sha256' | 'size' | 'notes'>;
