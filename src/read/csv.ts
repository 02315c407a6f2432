// Delimited text (CSV, TSV, Excel's "Unicode text"): detect the encoding from all the bytes and
// the delimiter from the first lines, then read records with their line numbers. Lines that
// cannot be read as they stand are reported as problems of the sheet, never dropped silently.
import { basename } from 'node:path';
import type { RawRow, ReadProblem, SourceFile } from './types.js';
import { unreadableError } from '../core/errors.js';
import { decodeText, encodingNote } from './encoding.js';
import { scanRecords, type ScannedRecord } from './csvScan.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type ReadLimits } from './limits.js';

export { decodeText } from './encoding.js';

/** The delimiter that splits the first lines most consistently (quotes respected roughly). */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = 0;
  for (const d of ['\t', ';', ',']) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const max = Math.max(0, ...counts);
    // Lines of a table share a count; title lines above it have none.
    const score = max === 0 ? 0 : counts.filter((c) => c === max).length * max;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

const HEAD_RECORDS = 40;

const NON_ASCII = /[^\x00-\x7f]/;

/** A cell as NFC text, null when empty; ASCII (codes, dates, numbers) is NFC already. */
const nfc = (c: string): string | null => (c === '' ? null : NON_ASCII.test(c) ? c.normalize('NFC') : c);

/** How far a record's cells reach: the last non-empty one. */
const extent = (fields: string[]) => {
  for (let i = fields.length - 1; i >= 0; i--) if (fields[i].trim() !== '') return i + 1;
  return 0;
};

/** The table's width: the commonest field count among records with at least two values. */
function tableWidth(head: ScannedRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of head) if (r.fields.filter((f) => f.trim() !== '').length >= 2) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let width = 0;
  let most = 0;
  for (const [w, n] of counts) if (n > most || (n === most && w > width)) [width, most] = [w, n];
  return width;
}

function lineProblem(row: number, kind: 'skipped' | 'repaired', line: number, reason: { vi: string; en: string }): ReadProblem {
  return { code: kind === 'skipped' ? 'bad-line' : 'line-repaired', row, column: null, value: null, params: { line, reason: reason.vi, reasonEn: reason.en } };
}

interface Reading {
  text: string;
  delimiter: string;
  name: string;
  nulLines: number[];
  limits: ReadLimits;
  problems: ReadProblem[];
}

function* records(r: Reading): Generator<RawRow> {
  const scan = scanRecords(r.text, r.delimiter, r.limits);
  const head: ScannedRecord[] = [];
  while (head.length < HEAD_RECORDS) {
    const next = scan.next();
    if (next.done) break;
    head.push(next.value);
  }
  const width = tableWidth(head);
  const nul = new Set(r.nulLines);
  let row = 0;
  const emit = (rec: ScannedRecord): RawRow => {
    row++;
    if (row > r.limits.maxRows) {
      throw unreadableError(`Tệp ${r.name} có hơn ${r.limits.maxRows.toLocaleString('vi-VN')} dòng, vượt giới hạn (${LIMIT_FLAGS.maxRows}).`, `${r.name} has more than ${r.limits.maxRows.toLocaleString('en-US')} rows, over the limit (${LIMIT_FLAGS.maxRows}).`);
    }
    for (const p of rec.problems) r.problems.push(lineProblem(row, p.kind, p.line, p.reason));
    if (nul.has(rec.line)) r.problems.push(lineProblem(row, 'repaired', rec.line, { vi: 'dòng có byte NUL (ký tự rỗng), đã bỏ đi', en: 'the line held NUL bytes, which were removed' }));
    const reach = extent(rec.fields);
    if (width > 0 && reach > width) {
      const extra = rec.fields.slice(width, reach).join(r.delimiter).slice(0, 60);
      r.problems.push(lineProblem(row, 'repaired', rec.line, { vi: `dòng có ${reach} ô, nhiều hơn ${width} cột của bảng (phần thừa: "${extra}"); có thể một giá trị chứa dấu phân cách mà thiếu ngoặc kép`, en: `the line has ${reach} cells, more than the table's ${width} columns (extra: "${extra}"); a value may hold the delimiter without quotes` }));
    }
    return { row, cells: rec.fields.map(nfc) };
  };
  for (const rec of head) yield emit(rec);
  for (const rec of scan) yield emit(rec);
}

export function readDelimited(bytes: Buffer, base: Omit<SourceFile, 'encoding' | 'delimiter' | 'sheets' | 'hiddenSheets'>, limits: ReadLimits = DEFAULT_LIMITS): SourceFile {
  const name = basename(base.path);
  const { text, encoding, nulLines } = decodeText(bytes, name);
  const delimiter = sniffDelimiter(text);
  const note = encodingNote(encoding, name);
  const problems: ReadProblem[] = [];
  return {
    ...base,
    notes: note ? [...base.notes, note] : base.notes,
    encoding,
    delimiter,
    hiddenSheets: [],
    sheets: [{ name: name.replace(/\.[^.]+$/, ''), rows: records({ text, delimiter, name, nulLines, limits, problems }), problems }],
  };
}
