// Rows of a streamed sheet written as XML text: the same bytes exceljs's streaming writer gives
// for a row of plain values (test/render/appendixRaw.test.ts compares whole workbooks), without
// a Row, a Cell and a model object per cell. At a country's scale (10,600 communes, 10,000
// issues) building those objects was most of the appendix's time (profile of the national
// compile: exceljs 0.75 s self, putRow 0.9 s inclusive).
//
// It leans on three members of exceljs 4.4's WorksheetWriter (stream, _rows, _commitRow) and of
// its workbook (styles.addStyleModel, sharedStrings.add): rawSink() checks they are there and
// gives null otherwise, and putRow then goes through exceljs's objects as before.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../read/cells.js';

const require = createRequire(import.meta.url);

interface StreamedSheet {
  stream: { write(text: string): void };
  _rows: unknown[];
  _commitRow(row: unknown): void;
  _workbook: {
    styles?: { addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number };
    sharedStrings?: { add(text: string): number };
  };
}

/** exceljs's value types (lib/doc/enums.js), as its cell writer decides them. */
const TYPE = { Null: 0, Number: 2, String: 3, Date: 4, Boolean: 9 } as const;

export interface RawSink {
  write(rowNumber: number, values: ExcelJS.CellValue[], styles: Partial<ExcelJS.Style>[], height: number | undefined): boolean;
}

let utils: { xmlEncode(text: string): string; dateToExcel(d: Date, date1904?: boolean): number } | null = null;

/** Off only in the test that compares the two paths' bytes; `written` counts the rows that went out as text. */
export const RAW_ROWS = { enabled: true, written: 0 };

/** A writer of raw rows for this sheet when it is a streamed one with the members relied on; else null. */
export function rawSink(ws: ExcelJS.Worksheet): RawSink | null {
  if (!RAW_ROWS.enabled) return null;
  const s = ws as unknown as Partial<StreamedSheet>;
  const styles = s._workbook?.styles;
  const strings = s._workbook?.sharedStrings;
  if (!s.stream || !Array.isArray(s._rows) || typeof s._commitRow !== 'function' || typeof styles?.addStyleModel !== 'function' || typeof strings?.add !== 'function') return null;
  utils ??= require('exceljs/lib/utils/utils.js');
  const { xmlEncode, dateToExcel } = utils!;
  const sheet = s as StreamedSheet;
  return {
    write(rowNumber, values, looks, height) {
      // a value exceljs would write in another way (rich text, a formula, a link) goes through exceljs
      if (values.some((v) => v !== null && v !== undefined && typeof v === 'object' && !(v instanceof Date))) return false;
      // exceljs leaves out a row with neither a value nor a height, styled empty cells and all
      if (!height && values.every((v) => v === null || v === undefined)) return true;
      // rows still held (the title and header, on the first data row) are written first, in order
      const pending = sheet._rows.filter(Boolean);
      if (pending.length > 0) sheet._commitRow(pending[pending.length - 1]);
      let xml = `<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ''}${values.length > 0 ? ` spans="1:${values.length}"` : ''} x14ac:dyDescent="0.25">`;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const type = v === null || v === undefined ? TYPE.Null : typeof v === 'number' ? TYPE.Number : typeof v === 'string' ? TYPE.String : typeof v === 'boolean' ? TYPE.Boolean : TYPE.Date;
        const styleId = styles!.addStyleModel(looks[i] ?? {}, type);
        if (type === TYPE.Null && !styleId) continue;
        const at = `${columnLetters(i + 1)}${rowNumber}`;
        const s = styleId ? ` s="${styleId}"` : '';
        if (type === TYPE.Null) xml += `<c r="${at}"${s}/>`;
        else if (type === TYPE.Number) xml += `<c r="${at}"${s}><v>${xmlEncode(String(v))}</v></c>`;
        else if (type === TYPE.String) xml += `<c r="${at}"${s} t="s"><v>${strings!.add(v as string)}</v></c>`;
        else if (type === TYPE.Boolean) xml += `<c r="${at}"${s} t="b"><v>${v ? '1' : '0'}</v></c>`;
        else xml += `<c r="${at}"${s}><v>${dateToExcel(v as Date)}</v></c>`;
      }
      sheet.stream.write(`${xml}</row>`);
      RAW_ROWS.written++;
      return true;
    },
  };
}

const letters: string[] = [];

/** 1 → "A", 27 → "AA", each worked out once (read/cells.ts's columnLetter, 0-based). */
const columnLetters = (n: number): string => (letters[n] ??= columnLetter(n - 1));
