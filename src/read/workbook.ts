// Every spreadsheet format through one reader, SheetJS CE (@e965/xlsx): OOXML (.xlsx, .xlsm,
// .xltx), binary .xlsb, Excel 97–2003 and 5/95 (.xls, with the file's code page), OpenDocument
// (.ods), HTML tables and Excel 2003 XML spreadsheets. A zip is checked and repacked by zip.ts
// first, so the parser only ever sees entries whose sizes and checksums hold. Visible sheets
// come back in workbook order as rows of plain values (grid.ts).
import * as XLSX from '@e965/xlsx';
import { basename } from 'node:path';
import { ThiduaError } from '../core/errors.js';
import type { ReadLimits } from './limits.js';
import type { SourceBase, SourceFile, SourceFormat } from './types.js';
import { checkDirectory, checkedEntries, storedZip, zipEntries } from './zip.js';
import { damaged, FORMAT_LABEL, htmlWithoutTable, passwordProtected, zipNotWorkbook } from './refusals.js';
import { gridSheet } from './grid.js';
import { decodeText } from './encoding.js';
import { fontMaps } from './fonts.js';
import { flattenMixedRuns } from './richText.js';
import zlib from 'node:zlib';

const crc32Of = (data: Buffer): number => ((zlib as unknown as { crc32?: (d: Buffer) => number }).crc32?.(data) ?? 0) >>> 0;

/** Which workbook a zip holds: from the parts it lists, else from what its content types declare. */
function zipFormat(parts: Map<string, { data: Buffer }>): 'xlsx' | 'xlsb' | 'ods' | null {
  const has = new Set([...parts.keys()].map((n) => n.toLowerCase()));
  if (has.has('xl/workbook.xml')) return 'xlsx';
  if (has.has('xl/workbook.bin')) return 'xlsb';
  if (has.has('content.xml') && parts.get('mimetype')?.data.toString('latin1').includes('opendocument.spreadsheet')) return 'ods';
  const types = parts.get('[Content_Types].xml')?.data.toString('latin1') ?? '';
  if (types.includes('sheet.binary.macroEnabled.main')) return 'xlsb';
  if (/spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main/.test(types)) return 'xlsx';
  return null;
}

/** The bytes SheetJS is given for a zip: only the checked entries, stored. */
function checkedZip(bytes: Buffer, name: string, limits: ReadLimits): { format: SourceFormat; data: Buffer; parts: Map<string, Buffer> } {
  const entries = zipEntries(bytes, name);
  checkDirectory(entries, name, limits);
  const checked = checkedEntries(bytes, entries, name);
  const format = zipFormat(checked);
  if (!format) throw zipNotWorkbook(name, entries.map((e) => e.name), checked.get('mimetype')?.data.toString('latin1') ?? null);
  if (format === 'ods' && checked.get('META-INF/manifest.xml')?.data.toString('latin1').includes('encryption-data')) throw passwordProtected(name);
  const parts = new Map([...checked].map(([k, v]) => [k, v.data]));
  if (format === 'xlsx') {
    if ([...parts].some(([part, data]) => cutShort(part, data))) throw damaged(name, format);
    for (const [part, v] of checked) {
      const block = /^xl\/sharedstrings\.xml$/i.test(part) ? 'si' : /^xl\/worksheets\/[^/]+\.xml$/i.test(part) ? 'is' : null;
      if (!block) continue;
      const xml = v.data.toString('utf8');
      const flat = flattenMixedRuns(xml, block);
      // A rewritten part gets its new bytes and CRC (SheetJS does not check CRCs; the repack stays honest).
      if (flat !== xml) {
        v.data = Buffer.from(flat, 'utf8');
        v.entry = { ...v.entry, crc: crc32Of(v.data) };
        parts.set(part, v.data);
      }
    }
  }
  return { format, data: storedZip(checked.values()), parts };
}

/** Parts whose root element must close at the end: SheetJS reads a part cut off mid-way as far as it goes, silently. */
const CLOSING: [RegExp, RegExp][] = [
  [/^xl\/worksheets\/[^/]+\.xml$/i, /<\/(?:[\w.-]+:)?worksheet>\s*$/],
  [/^xl\/sharedstrings\.xml$/i, /<\/(?:[\w.-]+:)?sst>\s*$|<(?:[\w.-]+:)?sst\b[^<>]{0,400}\/>\s*$/],
  [/^xl\/workbook\.xml$/i, /<\/(?:[\w.-]+:)?workbook>\s*$/],
];

function cutShort(part: string, data: Buffer): boolean {
  const rule = CLOSING.find(([p]) => p.test(part));
  // Only the tail is looked at: a bounded regex over at most 512 characters.
  return !!rule && !rule[1].test(data.subarray(Math.max(0, data.length - 512)).toString('latin1'));
}

let codepagesLoaded = false;

/** Code pages for .xls files that are not UTF-16 inside (BIFF5 and older, e.g. Windows-1258). */
async function loadCodepages(): Promise<void> {
  if (codepagesLoaded) return;
  const cptable = await import('@e965/xlsx/dist/cpexcel.full.mjs');
  XLSX.set_cptable(cptable);
  codepagesLoaded = true;
}

const BASE_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  // Text in HTML and XML tables stays text: "05/08/2021" is a Vietnamese date, not 8 May.
  raw: true,
};

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function parse(input: Buffer | string, type: 'buffer' | 'string', format: SourceFormat, name: string, limits: ReadLimits): XLSX.WorkBook {
  try {
    return XLSX.read(input, { ...BASE_OPTIONS, type, sheetRows: limits.maxRows + 1 });
  } catch (e) {
    if (e instanceof ThiduaError) throw e;
    const why = String((e as Error)?.message ?? e);
    const err = format === 'html' && /could not find <table>/i.test(why) ? htmlWithoutTable(name) : damaged(name, format);
    (err as Error & { cause?: unknown }).cause = e; // shown with --debug only
    throw err;
  }
}

/** The format the name promises, when it promises one. */
function formatOfName(name: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (['xlsx', 'xlsm', 'xltx', 'xltm'].includes(ext)) return 'xlsx';
  if (ext === 'xlsb' || ext === 'xls' || ext === 'ods' || ext === 'xml') return ext;
  if (ext === 'htm' || ext === 'html') return 'html';
  return null;
}

export type WorkbookInput = { kind: 'zip' } | { kind: 'xls' } | { kind: 'html' } | { kind: 'spreadsheetml' };

export async function readWorkbook(bytes: Buffer, input: WorkbookInput, base: SourceBase, limits: ReadLimits): Promise<SourceFile> {
  const name = basename(base.path);
  let format: SourceFormat;
  let wb: XLSX.WorkBook;
  let parts: Map<string, Buffer> | null = null;
  let encoding: string | null = null;
  const notes = [...base.notes];
  if (input.kind === 'zip') {
    const z = checkedZip(bytes, name, limits);
    format = z.format;
    parts = z.parts;
    wb = parse(z.data, 'buffer', format, name, limits);
  } else if (input.kind === 'xls') {
    format = 'xls';
    await loadCodepages();
    wb = parse(bytes, 'buffer', format, name, limits);
  } else {
    format = input.kind === 'html' ? 'html' : 'xml';
    const text = decodeText(bytes, name);
    encoding = text.encoding;
    wb = parse(text.text, 'string', format, name, limits);
  }
  if (wb.SheetNames.length === 0) throw damaged(name, format);
  const promised = formatOfName(name);
  if (promised !== format) {
    const what = FORMAT_LABEL[format];
    notes.push({ vi: `Tệp ${name} thực chất là ${what.vi}; đã đọc theo nội dung.`, en: `${name} is really ${what.en}; read by its content.` });
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const dateFormats = new Map<string | number, boolean>();
  const isDateFormat = (f: string | number) => {
    let d = dateFormats.get(f);
    if (d === undefined) dateFormats.set(f, (d = !!XLSX.SSF.is_date(f)));
    return d;
  };
  const fonts = format === 'xlsx' && parts ? fontMaps(parts, wb.SheetNames) : null;
  const sheets: SourceFile['sheets'] = [];
  const hiddenSheets: string[] = [];
  wb.SheetNames.forEach((sheet, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden) return void hiddenSheets.push(sheet);
    const ws = wb.Sheets[sheet];
    if (!ws) return;
    fixErrors(ws);
    sheets.push(gridSheet(ws, { file: name, sheet, limits, date1904, isDateFormat, fonts: fonts?.get(sheet) }));
  });
  return { ...base, notes, format, encoding, delimiter: null, sheets, hiddenSheets };
}

/** Error cells keep their text (#N/A, #REF!…) rather than the code SheetJS stores. */
function fixErrors(ws: XLSX.WorkSheet): void {
  for (const row of (ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined) ?? []) {
    if (!row) continue;
    for (const c of row) if (c?.t === 'e' && c.w === undefined) c.w = ERRORS[Number(c.v)] ?? '#ERROR!';
  }
}
