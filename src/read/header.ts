// Finding the header row of a sheet below its title block (one or two rows, merged parents),
// deciding the sheet's kind from it, and mapping columns to fields.
import type { CellValue, SheetKind } from '../core/types.js';
import { looseKey, ownCopy } from '../core/normalize.js';
import { cellText, columnLetter } from './cells.js';
import { COMPILED_KINDS, fieldScore, type CompiledKind } from './schema.js';
import type { RawRow } from './source.js';
import { MEMO_KEY_MAX } from '../core/collections.js';

export const HEADER_SEARCH_ROWS = 20;

export interface ColumnMap {
  /** field → 0-based column index */
  columns: Map<string, number>;
  /** fields named by more than one column: [field, the other column indexes] */
  duplicates: [string, number[]][];
  labels: string[]; // header label per column, for messages
  /** field → its column letter ("C"), for cell pointers */
  letters: Map<string, string>;
}

export interface HeaderFound {
  kind: SheetKind;
  spec: CompiledKind;
  map: ColumnMap;
  headerRows: number[]; // spreadsheet row numbers of the header (1 or 2)
  missing: string[][]; // required groups not matched (only for partial matches)
  titleText: string; // text of the rows above the header, for the district name
}

function rowTexts(row: RawRow | undefined): string[] {
  return row ? Array.from(row.cells, (v) => (v === undefined || v === null ? '' : cellText(v as CellValue))) : [];
}

// Header search asks about the same few labels for every row, shape and kind, and every file of
// a campaign has the same header: each label's loose key, and each key's best field per kind,
// are worked out once (bounded, as labels come from the files).
const MEMO_LIMIT = 10_000;
const keyMemo = new Map<string, string>();
const bestMemo = new Map<CompiledKind, Map<string, { field: string; score: number } | null>>();

function keyOf(label: string): string {
  if (label.length > MEMO_KEY_MAX) return looseKey(label);
  let key = keyMemo.get(label);
  if (key === undefined) {
    key = looseKey(label);
    if (keyMemo.size < MEMO_LIMIT) keyMemo.set(ownCopy(label), key);
  }
  return key;
}

/** A label with a letter (ASCII or not): every field's words and exact labels have one, so numbers, dates and codes name no field. */
const HAS_LETTER = /[A-Za-z\u0080-\uffff]/;

/** The field a label names best, with its score. */
type Top = { field: string; score: number } | null;

function bestField(kind: CompiledKind, label: string): Top {
  if (!HAS_LETTER.test(label)) return null;
  let memo = bestMemo.get(kind);
  if (!memo) bestMemo.set(kind, (memo = new Map()));
  if (label.length > MEMO_KEY_MAX) memo = new Map(); // a long label is worked out, not remembered
  let top = memo.get(label);
  if (top !== undefined) return top;
  top = null;
  const key = keyOf(label);
  const exact = kind.exact.get(key);
  const split = key.split(' ');
  if (exact !== undefined) top = { field: exact, score: 100 };
  else if (split.some((w) => kind.vocab.has(w))) {
    const words = new Set(split);
    for (const fld of kind.fields) {
      const s = fieldScore(fld, key, words);
      if (s > 0 && (!top || s > top.score)) top = { field: fld.spec.field, score: s };
    }
  }
  if (memo.size < MEMO_LIMIT) memo.set(ownCopy(label), top);
  return top;
}

/** The first of the two unless the second scores higher (labels are tried in order, the first best kept). */
const better = (a: Top, b: Top): Top => (b && (!a || b.score > a.score) ? b : a);

/** Each field's best column (and the others that tie with it) for one candidate header. */
type Claims = Map<string, { col: number; score: number; others: number[] }>;

/**
 * Which column each field takes under a candidate header, and the candidate's score. Header
 * search tries some 160 candidates a sheet: the ColumnMap (labels copied, letters) is made only
 * for the one that wins (columnMap).
 */
function claimColumns(topOf: (c: number) => Top, width: number): { claims: Claims; score: number } {
  const best: Claims = new Map();
  let score = 0;
  for (let c = 0; c < width; c++) {
    const top = topOf(c);
    if (!top) continue;
    const prev = best.get(top.field);
    if (!prev || top.score > prev.score) best.set(top.field, { col: c, score: top.score, others: prev ? [...prev.others, prev.col] : [] });
    else if (top.score === prev.score) prev.others.push(c);
  }
  for (const v of best.values()) score += v.score === 100 ? 3 : 2;
  return { claims: best, score };
}

/** The winning candidate's column map: labels (copies, not slices of the file's text: they are kept with every row's place) and letters. */
function columnMap(claims: Claims, labelsOf: (c: number) => string[], width: number): ColumnMap {
  const labels: string[] = [];
  for (let c = 0; c < width; c++) labels[c] = ownCopy(labelsOf(c).filter(Boolean)[0] ?? '');
  const columns = new Map([...claims].map(([k, v]) => [k, v.col]));
  const duplicates = [...claims].filter(([, v]) => v.others.length > 0 && v.score === 100).map(([k, v]) => [k, v.others] as [string, number[]]);
  const letters = new Map([...columns].map(([k, c]) => [k, columnLetter(c)]));
  return { columns, duplicates, labels, letters };
}

function missingGroups(kind: CompiledKind, columns: { has(field: string): boolean }): string[][] {
  return kind.spec.required.filter((group) => !group.some((fld) => columns.has(fld)));
}

/** The best header among the first rows, complete if any kind's required columns are all there. */
export function findHeader(rows: RawRow[]): HeaderFound | null {
  let best: (HeaderFound & { score: number }) | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  const texts = rows.slice(0, limit + 1).map(rowTexts);
  const labelAt = (i: number, c: number) => texts[i]?.[c] ?? '';
  // What each cell's label names, per kind, worked out once: a row is the lower row of one
  // two-row candidate and the only row of the next one-row candidate.
  const singles = new Map<CompiledKind, Top[][]>(COMPILED_KINDS.map((k) => [k, []]));
  const single = (kind: CompiledKind, i: number, c: number): Top => {
    const row = (singles.get(kind)![i] ??= []);
    let t = row[c];
    if (t === undefined) row[c] = t = labelAt(i, c) ? bestField(kind, labelAt(i, c)) : null;
    return t;
  };
  for (let i = 0; i < limit; i++) {
    const width = Math.max(rows[i].cells.length, rows[i + 1]?.cells.length ?? 0);
    if (texts[i].every((t) => t === '')) continue;
    // a shape's labels per column (the first is the column's label in messages) and the field they name best
    const shapes: { labelsOf: (c: number) => string[]; topOf: (kind: CompiledKind, c: number) => Top; headerRows: number[] }[] = [
      { labelsOf: (c) => [labelAt(i, c)], topOf: (kind, c) => single(kind, i, c), headerRows: [rows[i].row] },
    ];
    if (i + 1 < rows.length) {
      shapes.push({
        labelsOf: (c) => {
          const [top, below] = [labelAt(i, c), labelAt(i + 1, c)];
          // the merged parent's label and the column's own, together only when both are there
          return top && below ? [below, top, `${top} ${below}`] : [below || top];
        },
        topOf: (kind, c) => {
          const [top, below] = [labelAt(i, c), labelAt(i + 1, c)];
          if (!top || !below) return single(kind, below ? i + 1 : i, c);
          return better(better(single(kind, i + 1, c), single(kind, i, c)), bestField(kind, `${top} ${below}`));
        },
        headerRows: [rows[i].row, rows[i + 1].row],
      });
    }
    for (const kind of COMPILED_KINDS) {
      for (const shape of shapes) {
        const m = claimColumns((c) => shape.topOf(kind, c), width);
        const missing = missingGroups(kind, m.claims);
        const score = m.score + (missing.length === 0 ? 1000 : 0) - missing.length * 10;
        if (!best || score > best.score) {
          const titleText = texts.slice(0, i).map((t) => t.join(' ')).join(' ');
          best = { kind: kind.spec.kind, spec: kind, map: columnMap(m.claims, shape.labelsOf, width), headerRows: shape.headerRows, missing, titleText, score };
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

// Total rows are recognised by an exact phrase, with its diacritics: "Cộng" is a total, "Công an
// viên" and "Cộng tác viên" are people. Unaccented spellings are accepted only where they cannot
// be a word of a name ("tong cong", "total"), never "cong" or "tong" alone.
const TOTAL_HEADS = ['', 'tổng cộng', 'cộng', 'tổng', 'tổng số', 'cộng chung', 'tổng cộng chung'];
const TOTAL_PLACES = ['', 'toàn huyện', 'toàn thị xã', 'toàn thành phố', 'toàn tỉnh', 'toàn quận'];
export const TOTAL_PHRASES = new Set([
  ...TOTAL_HEADS.flatMap((h) => TOTAL_PLACES.map((p) => `${h} ${p}`.trim())).filter(Boolean),
  'tổng hợp chung', 'tong cong', 'tong so', 'toan huyen', 'tong cong toan huyen', 'total', 'grand total', 'sum',
]);

/** A label cell's words, lower case, NFC, without punctuation, numbering or a parenthesised part ("Tổng cộng (I+II):"). */
function totalWords(v: string): string {
  return v
    .normalize('NFC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*([ivx]+|[0-9]+|[a-z])[.)]\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const totalMemo = new Map<string, boolean>();

/**
 * Every total phrase holds a t, c or s (tổng, cộng, toàn, total, sum, in either case and either
 * normal form): a cell without one (an STT, a code, a date, a count) is not looked at further.
 */
const MAY_BE_TOTAL = /[tcs]/i;

/** Is this cell's text exactly a total phrase ("Tổng cộng", "Cộng:", "TOÀN HUYỆN")? Kept per distinct text. */
export function isTotalLabel(v: string): boolean {
  if (v.length > 60) return false; // no total phrase is longer; long cells stay out of the memo (collections.ts)
  if (!MAY_BE_TOTAL.test(v)) return false;
  let total = totalMemo.get(v);
  if (total === undefined) {
    total = v.length <= 60 && TOTAL_PHRASES.has(totalWords(v));
    if (totalMemo.size < MEMO_LIMIT * 10) totalMemo.set(ownCopy(v), total); // own copies: a slice keeps its file alive
  }
  return total;
}

/** Fields that name who or what a row is about: a total row has none of them filled. */
const IDENTITY_FIELDS = ['communeCode', 'communeName', 'name', 'unit', 'position', 'kind', 'indicator', 'content', 'achievement'];

/**
 * A total row: a total phrase stands alone in a label column (one of the identity columns, the STT
 * column, or a column no field claims), and no column that names a commune,
 * a person, a collective, an indicator or a difficulty holds anything else.
 */
export function isTotalRow(cells: CellValue[], map: ColumnMap): boolean {
  // A row that fills two identity columns (a commune's code and name, say) is never a total,
  // whatever else it holds: most rows stop here, before any cell's text is looked at.
  let named = -1;
  for (const field of IDENTITY_FIELDS) {
    const col = map.columns.get(field);
    if (col === undefined || col === named || isBlankCell(cells[col])) continue;
    if (named >= 0) return false;
    named = col;
  }
  let phraseAt = -1;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === 'string' && v.length > 0 && isTotalLabel(v)) {
      phraseAt = c;
      break;
    }
  }
  if (phraseAt < 0) return false;
  const claimed = new Map<number, string>();
  for (const [field, col] of map.columns) claimed.set(col, field);
  const owner = claimed.get(phraseAt);
  if (owner !== undefined && owner !== 'stt' && !IDENTITY_FIELDS.includes(owner)) return false;
  for (const field of IDENTITY_FIELDS) {
    const col = map.columns.get(field);
    if (col === undefined || col === phraseAt) continue;
    if (!isBlankCell(cells[col])) return false;
  }
  return true;
}

const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}
