// A forgiving CSV scanner with line numbers. Quotes are honoured at the start of a field
// ("" inside is a quote); a quote that never closes, a line longer than the cell limit, too
// many fields or NUL bytes do not stop the file: that line is reported (read without its
// quotes, or skipped) and scanning goes on from the next line. Every record keeps its place,
// so row numbers stay those a spreadsheet program would show.
import type { Bilingual } from '../core/errors.js';
import { LIMIT_FLAGS, type ReadLimits } from './limits.js';

export interface LineProblem {
  kind: 'skipped' | 'repaired';
  line: number;
  reason: Bilingual;
}

export interface ScannedRecord {
  /** first physical line of the record */
  line: number;
  fields: string[];
  problems: LineProblem[];
}

/** The problems of a record read as it stands: none, one shared (never written to) array for all. */
const NO_PROBLEMS: LineProblem[] = [];

/** A quoted cell may span lines (Alt+Enter in Excel), but not this many. */
const MAX_QUOTED_LINES = 200;

interface Cursor {
  text: string;
  pos: number;
  line: number;
}

type FieldResult = { ok: true; value: string } | { ok: false; why: 'quote' | 'long' };

/** Index of the next line break (or delimiter, when given) from `from`, or the text's end. */
function stopAt(text: string, from: number, delim = -1): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13 || ch === delim) return i;
  }
  return text.length;
}

const lineEnd = (text: string, from: number) => stopAt(text, from);

function quotedField(c: Cursor, delim: string, maxChars: number): FieldResult {
  let value = '';
  let p = c.pos + 1;
  let lines = 0;
  for (;;) {
    const q = c.text.indexOf('"', p);
    if (q < 0) return { ok: false, why: 'quote' };
    const chunk = c.text.slice(p, q);
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
    value += chunk;
    if (value.length > maxChars) return { ok: false, why: 'long' };
    if (lines > MAX_QUOTED_LINES) return { ok: false, why: 'quote' };
    if (c.text[q + 1] === '"') {
      value += '"';
      p = q + 2;
      continue;
    }
    p = q + 1;
    break;
  }
  // Text after the closing quote up to the delimiter is kept, as spreadsheet programs do.
  const end = stopAt(c.text, p, delim.charCodeAt(0));
  value += c.text.slice(p, end);
  c.line += lines;
  c.pos = end;
  return value.length > maxChars ? { ok: false, why: 'long' } : { ok: true, value };
}

function plainField(c: Cursor, delim: string, maxChars: number): FieldResult {
  const end = stopAt(c.text, c.pos, delim.charCodeAt(0));
  if (end - c.pos > maxChars) return { ok: false, why: 'long' };
  const value = c.text.slice(c.pos, end);
  c.pos = end;
  return { ok: true, value };
}

/** Moves past the line break at the cursor, if any. */
function nextLine(c: Cursor): void {
  if (c.text[c.pos] === '\r') c.pos++;
  if (c.text[c.pos] === '\n') c.pos++;
  c.line++;
}

const problem = (kind: LineProblem['kind'], line: number, vi: string, en: string): LineProblem => ({ kind, line, reason: { vi, en } });

/** One record from the cursor, or a report about the line it could not be. */
function record(c: Cursor, delim: string, limits: ReadLimits): ScannedRecord {
  const start = { pos: c.pos, line: c.line };
  const fields: string[] = [];
  for (;;) {
    const r = c.text[c.pos] === '"' ? quotedField(c, delim, limits.maxCellChars) : plainField(c, delim, limits.maxCellChars);
    if (!r.ok) return fallback(c, start, delim, r.why, limits);
    fields.push(r.value);
    if (fields.length > limits.maxColumns) return fallback(c, start, delim, 'wide', limits);
    if (c.text.startsWith(delim, c.pos)) {
      c.pos += delim.length;
      continue;
    }
    nextLine(c);
    return { line: start.line, fields, problems: NO_PROBLEMS };
  }
}

/** The line at `start` read again without quotes, or skipped when it is too long or too wide. */
function fallback(c: Cursor, start: { pos: number; line: number }, delim: string, why: 'quote' | 'long' | 'wide', limits: ReadLimits): ScannedRecord {
  const end = lineEnd(c.text, start.pos);
  const length = end - start.pos;
  c.pos = end;
  c.line = start.line;
  nextLine(c);
  const n = start.line;
  if (why === 'long' || length > limits.maxCellChars * 4) {
    return { line: n, fields: [], problems: [problem('skipped', n, `ô hoặc dòng dài ${length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${limits.maxCellChars.toLocaleString('vi-VN')} ký tự một ô (${LIMIT_FLAGS.maxCellChars})`, `a cell or line of ${length.toLocaleString('en-US')} characters, over the ${limits.maxCellChars.toLocaleString('en-US')}-character cell limit (${LIMIT_FLAGS.maxCellChars})`)] };
  }
  const fields = c.text.slice(start.pos, end).split(delim);
  if (why === 'wide' || fields.length > limits.maxColumns) {
    return { line: n, fields: [], problems: [problem('skipped', n, `dòng có ${fields.length} ô, vượt giới hạn ${limits.maxColumns} cột (${LIMIT_FLAGS.maxColumns})`, `the line has ${fields.length} cells, over the ${limits.maxColumns}-column limit (${LIMIT_FLAGS.maxColumns})`)] };
  }
  const unquoted = fields.map((f) => f.replace(/^\s*"/, '').replace(/"\s*$/, '').replace(/""/g, '"'));
  return { line: n, fields: unquoted, problems: [problem('repaired', n, 'dấu ngoặc kép (") mở mà không đóng; dòng này được đọc riêng, bỏ dấu ngoặc kép', 'a double quote (") opens but never closes; this line was read on its own, without the quotes')] };
}

/** Records of the text, in order; never throws on malformed input. */
export function* scanRecords(text: string, delimiter: string, limits: ReadLimits): Generator<ScannedRecord> {
  const c: Cursor = { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, pos: 0, line: 1 };
  while (c.pos < c.text.length) {
    const before = c.pos;
    yield record(c, delimiter, limits);
    if (c.pos <= before) c.pos = before + 1; // cannot happen; guards against a loop forever
  }
}
