// A forgiving CSV scanner with line numbers. Quotes are honoured at the start of a field
// ("" inside is a quote); a quote that never closes, a line longer than the cell limit, too
// many fields or NUL bytes do not stop the file: that line is reported (read without its
// quotes, or skipped) and scanning goes on from the next line. Every record keeps its place,
// so row numbers stay those a spreadsheet program would show.
//
// Scanning is linear in the text's length. A record that fails after its quoted cells ran over
// several lines is read again line by line; the lines that failed scan covered are then read
// with quotes confined to their own line, so no stretch of text is scanned across lines twice
// (lines of `"x";y;"z`, each closed by the next, once made this quadratic).
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
  /** the furthest position a scan has looked at */
  reach: number;
  /** before this position, quoted cells may not run over a line break */
  singleLineUntil: number;
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

/** The next quote from `from`, or -1; within the line when the cursor is in single-line mode. */
function nextQuote(c: Cursor, from: number): number {
  if (c.pos >= c.singleLineUntil) {
    const q = c.text.indexOf('"', from);
    c.reach = Math.max(c.reach, q < 0 ? c.text.length : q);
    return q;
  }
  for (let i = from; i < c.text.length; i++) {
    const ch = c.text.charCodeAt(i);
    if (ch === 34) return i;
    if (ch === 10 || ch === 13) return -1;
  }
  return -1;
}

function quotedField(c: Cursor, delim: string, maxChars: number): FieldResult {
  let value = '';
  let p = c.pos + 1;
  let lines = 0;
  for (;;) {
    const q = nextQuote(c, p);
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
  c.reach = Math.max(c.reach, end);
  value += c.text.slice(p, end);
  c.line += lines;
  c.pos = end;
  return value.length > maxChars ? { ok: false, why: 'long' } : { ok: true, value };
}

function plainField(c: Cursor, delim: string, maxChars: number): FieldResult {
  const end = stopAt(c.text, c.pos, delim.charCodeAt(0));
  c.reach = Math.max(c.reach, end);
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
    if (!r.ok) return fallback(c, start, delim, limits);
    fields.push(r.value);
    if (fields.length > limits.maxColumns) return fallback(c, start, delim, limits);
    if (c.text.startsWith(delim, c.pos)) {
      c.pos += delim.length;
      continue;
    }
    nextLine(c);
    return { line: start.line, fields, problems: NO_PROBLEMS };
  }
}

/** The line at `start` read again without quotes, or skipped when it is itself too long or too wide. */
function fallback(c: Cursor, start: { pos: number; line: number }, delim: string, limits: ReadLimits): ScannedRecord {
  const end = lineEnd(c.text, start.pos);
  const length = end - start.pos;
  // The lines the failed scan looked at are read one by one, quotes confined to their line.
  c.singleLineUntil = Math.max(c.singleLineUntil, c.reach);
  c.pos = end;
  c.line = start.line;
  nextLine(c);
  const n = start.line;
  const vn = (x: number) => x.toLocaleString('vi-VN');
  const en = (x: number) => x.toLocaleString('en-US');
  const cellLimit = `${LIMIT_FLAGS.maxCellChars}`;
  if (length > limits.maxCellChars * 4) {
    return { line: n, fields: [], problems: [problem('skipped', n, `dòng dài ${vn(length)} ký tự, vượt giới hạn ${vn(limits.maxCellChars)} ký tự một ô (${cellLimit})`, `the line is ${en(length)} characters long, over the ${en(limits.maxCellChars)}-character cell limit (${cellLimit})`)] };
  }
  const fields = c.text.slice(start.pos, end).split(delim);
  const longest = fields.reduce((m, f) => Math.max(m, f.length), 0);
  if (longest > limits.maxCellChars) {
    return { line: n, fields: [], problems: [problem('skipped', n, `một ô dài ${vn(longest)} ký tự, vượt giới hạn ${vn(limits.maxCellChars)} ký tự (${cellLimit})`, `a cell of ${en(longest)} characters, over the ${en(limits.maxCellChars)}-character limit (${cellLimit})`)] };
  }
  if (fields.length > limits.maxColumns) {
    return { line: n, fields: [], problems: [problem('skipped', n, `dòng có ${vn(fields.length)} ô, vượt giới hạn ${vn(limits.maxColumns)} cột (${LIMIT_FLAGS.maxColumns})`, `the line has ${en(fields.length)} cells, over the ${en(limits.maxColumns)}-column limit (${LIMIT_FLAGS.maxColumns})`)] };
  }
  // Whatever stopped the scan (no closing quote, or one found only lines later that made a cell
  // too long or a record too wide), the line holds a quote that does not close on it.
  const unquoted = fields.map((f) => f.replace(/^\s*"/, '').replace(/"\s*$/, '').replace(/""/g, '"'));
  return { line: n, fields: unquoted, problems: [problem('repaired', n, 'dấu ngoặc kép (") mở mà không đóng trên cùng dòng; dòng này được đọc riêng, bỏ dấu ngoặc kép', 'a double quote (") opens and does not close on the same line; this line was read on its own, without the quotes')] };
}

/** Records of the text, in order; never throws on malformed input. */
export function* scanRecords(text: string, delimiter: string, limits: ReadLimits): Generator<ScannedRecord> {
  const c: Cursor = { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, pos: 0, line: 1, reach: 0, singleLineUntil: 0 };
  while (c.pos < c.text.length) {
    const before = c.pos;
    yield record(c, delimiter, limits);
    if (c.pos <= before) c.pos = before + 1; // cannot happen; guards against a loop forever
  }
}
