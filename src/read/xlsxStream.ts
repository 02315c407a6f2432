// .xlsx workbooks read as a stream (exceljs's WorkbookReader), row by row, so that a national
// workbook is never held in memory whole. Gives what readXlsx gives: visible sheets in workbook
// order, formulas by their cached result, merged cells by their master's value, rich text
// flattened. The small parts (workbook.xml, its rels, the merge list at the end of each sheet)
// are inflated up front; a workbook with legacy-font text goes to readXlsx, which needs whole
// columns to decide how to convert them.
import { inflateRawSync, createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/types.js';
import type { RawRow, ReadProblem, SourceFile } from './source.js';
import { ThiduaError, unreadableError } from '../core/errors.js';
import { checkWorkbookZip, withEntriesFirst, type ZipEntry } from './zip.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type ReadLimits } from './limits.js';
import { legacyScores, mayBeLegacy } from './vietnamese.js';
import { fontEncoding } from './legacyCells.js';
import { plainValue, readXlsx } from './xlsx.js';

interface SheetEntry {
  name: string;
  hidden: boolean;
  path: string; // zip entry, e.g. xl/worksheets/sheet1.xml
}

/** A merged range, 1-based inclusive. */
interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** An entry's stored bytes (checkWorkbookZip has checked they are there, stored or deflated). */
function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  return buf.subarray(start, start + e.compressedSize);
}

function entryText(buf: Buffer, entries: Map<string, ZipEntry>, path: string): string | null {
  const e = entries.get(path);
  if (!e) return null;
  const data = entryData(buf, e);
  return (e.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

const xmlDecode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, k: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[k.toLowerCase()]) return named[k.toLowerCase()];
    return String.fromCodePoint(k[1] === 'x' || k[1] === 'X' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = xmlDecode(m[2]);
  return out;
}

/** The sheets as workbook.xml lists them, with their state and their part in the zip. */
function sheetList(buf: Buffer, entries: Map<string, ZipEntry>): SheetEntry[] {
  const wb = entryText(buf, entries, 'xl/workbook.xml') ?? '';
  const rels = entryText(buf, entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const t = a.Target ?? '';
    targets.set(a.Id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const out: SheetEntry[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    out.push({ name: a.name, hidden: a.state === 'hidden' || a.state === 'veryHidden', path: targets.get(rid) ?? '' });
  }
  return out;
}

function decodeRef(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return { r: 0, c: 0 };
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]), c };
}

const LEGACY_TEXT = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;

/**
 * Text that readXlsx's legacyFixes could convert: Latin-1-only text that is broken as it stands,
 * or any Latin-1-only text when the workbook has a legacy font. (Plain Vietnamese such as "Hòa"
 * is Latin-1-only too, but reads well as it is.)
 */
function hasLegacyText(xml: string, legacyFont: boolean): boolean {
  for (const m of xml.matchAll(LEGACY_TEXT)) {
    const t = xmlDecode(m[1]);
    if (mayBeLegacy(t) && (legacyFont || legacyScores(t).asIs.invalid > 0)) return true;
  }
  return false;
}

function hasLegacyFont(stylesXml: string | null): boolean {
  if (!stylesXml) return false;
  for (const m of stylesXml.matchAll(/<name\b[^>]*val="([^"]*)"/g)) if (fontEncoding(xmlDecode(m[1]))) return true;
  return false;
}

/**
 * One pass of zlib over a sheet: its merged ranges (listed after the rows), and whether the
 * full reader must read it instead (legacy inline text, formula errors, a sheet cut short).
 * Keeps only the tail from "<mergeCells" on.
 */
function scanSheet(data: Buffer, method: number, legacyFont: boolean): Promise<{ merges: Merge[]; legacy: boolean }> {
  return new Promise((resolve, reject) => {
    let tail = '';
    let carry = '';
    let inMerges = false;
    let legacy = false;
    let end = '';
    const onText = (text: string) => {
      const s = carry + text;
      if (!inMerges) {
        const at = s.indexOf('<mergeCells');
        if (at >= 0) {
          inMerges = true;
          tail = s.slice(at);
        }
        // Formula errors lose their text in exceljs's stream; legacy inline text needs columns.
        if (!legacy && (s.includes('t="e"') || (s.includes('inlineStr') && hasLegacyText(s, legacyFont)))) legacy = true;
        carry = inMerges ? '' : s.slice(-64);
      } else tail += text;
      end = (end + text).slice(-64);
    };
    const done = () => {
      const merges: Merge[] = [];
      for (const m of tail.matchAll(/<mergeCell\b[^>]*ref="([A-Z$]+\d+):([A-Z$]+\d+)"/gi)) {
        const a = decodeRef(m[1]);
        const b = decodeRef(m[2]);
        merges.push({ r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) });
      }
      // A sheet cut off mid-tag: exceljs's stream would stop quietly, the full reader says it is corrupt.
      if (!/<\/(?:\w+:)?worksheet>\s*$/.test(end)) legacy = true;
      resolve({ merges: merges.sort((x, y) => x.r1 - y.r1), legacy });
    };
    if (method === 0) {
      onText(data.toString('utf8'));
      return done();
    }
    const z = createInflateRaw();
    z.setEncoding('utf8');
    z.on('data', onText);
    z.on('error', () => resolve({ merges: [], legacy: true }));
    z.on('end', done);
    z.end(data);
  });
}

/**
 * Parts exceljs's stream must have met before a sheet to read it in place; a sheet met earlier
 * goes through a temporary file: slower, and in one run here one of 700 files came back with no
 * rows that way (not reproduced on its own).
 */
const STREAM_FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

interface SheetReading {
  /** the workbook with its small parts first (see STREAM_FIRST) */
  ordered: Buffer;
  sheet: SheetEntry;
  merges: Merge[];
  limits: ReadLimits;
  problems: ReadProblem[];
  file: string;
}

function cellText(r: SheetReading, v: string, row: number, col: number): string {
  if (v.length > r.limits.maxCellChars) {
    r.problems.push({ code: 'cell-too-long', row, column: col - 1, value: `${v.slice(0, 40)}…`, params: { length: v.length, limit: r.limits.maxCellChars, flag: LIMIT_FLAGS.maxCellChars } });
    return v.slice(0, r.limits.maxCellChars).normalize('NFC');
  }
  return v.normalize('NFC');
}

function tooMany(r: SheetReading, what: 'rows' | 'columns', n: number): Error {
  const name = r.file;
  if (what === 'rows') {
    return unreadableError(`Tệp ${name}, trang "${r.sheet.name}" có hơn ${r.limits.maxRows.toLocaleString('vi-VN')} dòng, vượt giới hạn (${LIMIT_FLAGS.maxRows}).`, `${name}, sheet "${r.sheet.name}" has more than ${r.limits.maxRows.toLocaleString('en-US')} rows, over the limit (${LIMIT_FLAGS.maxRows}).`);
  }
  return unreadableError(`Tệp ${name}, trang "${r.sheet.name}" có ${n} cột, vượt giới hạn ${r.limits.maxColumns} cột (${LIMIT_FLAGS.maxColumns}).`, `${name}, sheet "${r.sheet.name}" has ${n} columns, over the ${r.limits.maxColumns}-column limit (${LIMIT_FLAGS.maxColumns}).`);
}

/** The rows of one sheet, numbered as the spreadsheet shows them; gaps come back as blank rows. */
async function* streamRows(r: SheetReading): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([r.ordered]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  // Merged ranges: the master's value shows in every cell of the range, as readXlsx gives it.
  const pending = [...r.merges];
  let active: (Merge & { value: CellValue })[] = [];
  let next = 1;
  const withMerges = (n: number, cells: CellValue[]): CellValue[] => {
    while (pending.length > 0 && pending[0].r1 <= n) {
      const m = pending.shift()!;
      if (m.r2 >= n) active.push({ ...m, value: m.r1 === n ? (cells[m.c1 - 1] ?? null) : null });
    }
    if (active.length === 0) return cells;
    active = active.filter((m) => m.r2 >= n);
    for (const m of active) for (let c = m.c1; c <= m.c2; c++) cells[c - 1] = m.value;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    return cells;
  };
  try {
    for await (const ws of reader) {
    const info = ws as unknown as { name: string };
      if (info.name !== r.sheet.name) continue; // exceljs drains the sheets it is not asked for
      for await (const row of ws) {
        const n = row.number;
        if (n > r.limits.maxRows) throw tooMany(r, 'rows', n);
        for (; next < n; next++) yield { row: next, cells: withMerges(next, []) };
        next = n + 1;
        const cells: CellValue[] = [];
        if (row.hasValues) {
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            if (col > r.limits.maxColumns) throw tooMany(r, 'columns', col);
            const v = plainValue(cell.value);
            cells[col - 1] = typeof v === 'string' ? cellText(r, v, n, col) : v;
          });
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        }
        yield { row: n, cells: withMerges(n, cells) };
      }
      break;
    }
  } catch (e) {
    if (e instanceof ThiduaError) throw e;
    const why = String((e as Error)?.message ?? e).slice(0, 120);
    throw unreadableError(`Tệp ${r.file} hỏng hoặc không phải bảng tính .xlsx hợp lệ (${why}). Hãy xin đơn vị gửi lại.`, `${r.file} is corrupt or not a valid .xlsx workbook (${why}). Ask the district to send it again.`);
  }
  // Rows that only merged ranges reach, below the last written row.
  const last = Math.max(0, ...r.merges.map((m) => m.r2));
  for (; next <= last; next++) yield { row: next, cells: withMerges(next, []) };
}

export async function readXlsxStream(bytes: Buffer, base: Omit<SourceFile, 'sheets' | 'hiddenSheets'>, limits: ReadLimits = DEFAULT_LIMITS): Promise<SourceFile> {
  const name = basename(base.path);
  const list = await checkWorkbookZip(bytes, name, limits);
  const entries = new Map(list.map((e) => [e.name, e]));
  let sheetsInBook: SheetEntry[];
  const scans: { merges: Merge[]; legacy: boolean }[] = [];
  try {
    sheetsInBook = sheetList(bytes, entries);
    const strings = entryText(bytes, entries, 'xl/sharedStrings.xml');
    const legacyFont = hasLegacyFont(entryText(bytes, entries, 'xl/styles.xml'));
    // Legacy-font text needs whole columns to be judged: the full reader does that.
    if (strings && hasLegacyText(strings, legacyFont)) return readXlsx(bytes, base, limits);
    for (const s of sheetsInBook) {
      const e = entries.get(s.path);
      scans.push(s.hidden || !e ? { merges: [], legacy: false } : await scanSheet(entryData(bytes, e), e.method, legacyFont));
    }
  } catch {
    return readXlsx(bytes, base, limits); // let the full reader say what is wrong with it
  }
  if (scans.some((s) => s.legacy) || sheetsInBook.some((s) => !s.hidden && !entries.has(s.path))) return readXlsx(bytes, base, limits);
  const sheets: SourceFile['sheets'] = [];
  const hiddenSheets: string[] = [];
  const ordered = withEntriesFirst(bytes, list, STREAM_FIRST);
  sheetsInBook.forEach((sheet, index) => {
    if (sheet.hidden) return void hiddenSheets.push(sheet.name);
    const problems: ReadProblem[] = [];
    sheets.push({ name: sheet.name, rows: streamRows({ ordered, sheet, merges: scans[index].merges, limits, problems, file: name }), problems });
  });
  return { ...base, sheets, hiddenSheets };
}
