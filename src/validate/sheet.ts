// One sheet, start to end: find its header, then read each data row into a pending record of
// its kind. Pending records still name their commune as typed; the file resolves them later.
import type { IsoDate, SheetKind } from '../core/types.js';
import { findHeader, isBlankRow, isColumnNumberRow, isTotalRow, HEADER_SEARCH_ROWS, type HeaderFound } from '../read/header.js';
import type { RawRow, RawSheet } from '../read/source.js';
import { collectiveLevel, lookupAlias } from '../data/plan.js';
import { issue, type Issue } from './issue.js';
import { nominationKind, RowReader, type PlanIndex, type SheetPlace } from './rows.js';
import { columnLetter, isBlank } from '../read/cells.js';
import type { CellPointer, CellValue } from '../core/types.js';
import { MEMO_KEY_MAX, pushTo } from '../core/collections.js';
import { ownCopy } from '../core/normalize.js';
import type { SkippedRow, SkipReason } from './ledger.js';
import { countOmitted, IssueCap, noneOmitted, type Omitted, type SeverityCount } from './cap.js';

/**
 * A commune as typed on a row, before it is looked up in the register. Where it is: the sheet's
 * place and the row (pointAt makes a pointer when an issue needs one).
 */
export interface TypedCommune {
  code: string | null;
  name: string | null;
  place: SheetPlace;
  row: number;
}

/** A zone row is its own typed commune: one object per row. */
export interface PendingZone extends TypedCommune {
  date: IsoDate | null;
  zone: string | null;
  communityCases: number | null;
  quarantineCases: number | null;
  lastCommunityCase: IsoDate | null;
  population: number | null;
  decision: string | null;
  note: string | null;
  clean: boolean;
  /** issues of this row counted but not kept (over the cap), for the row's district */
  omitted?: SeverityCount;
}

export interface PendingNomination {
  kind: 'collective' | 'individual' | null;
  name: string | null;
  position: string | null;
  unit: string | null;
  commune: TypedCommune;
  achievement: string | null;
  awardForm: string | null;
  birthYear: number | null;
  gender: string | null;
  at: CellPointer;
  clean: boolean;
  problems: string[];
  omitted?: SeverityCount;
}

export interface PendingIndicator {
  code: string | null;
  label: string;
  value: number | null;
  unit: string | null;
  note: string | null;
  at: CellPointer;
  clean: boolean;
}

export interface PendingDifficulty {
  content: string;
  note: string | null;
  at: CellPointer;
}

export interface SheetResult {
  name: string;
  kind: SheetKind | null;
  rows: number;
  /** recognised, but required columns are missing: its rows could not be read */
  incomplete: boolean;
  titleText: string;
  zones: PendingZone[];
  nominations: PendingNomination[];
  indicators: PendingIndicator[];
  difficulties: PendingDifficulty[];
  /** the issues kept (see cap.ts); `omitted` counts the rest */
  issues: Issue[];
  omitted: Omitted;
  /** required-empty issues per column, kept or not (a column empty on every row is folded into one issue) */
  emptyByColumn: Map<string, number>;
  /** the last header row (0 when no header was found) */
  headerRow: number;
  /** the first data row read (0 when none) */
  firstDataRow: number;
  /** data rows on which the reader found errors (the ledger's excluded rows, with the file's later errors) */
  erredRows: Set<number>;
  /** non-blank rows below the header that are not data: totals, column numbers, sub-headings */
  skipped: SkippedRow[];
}

const codeMemo = new Map<string, string>();

/** "12345.0" → "12345": kept per distinct text, as codes recur on every row. */
function cleanCode(code: string): string {
  if (code.length > MEMO_KEY_MAX) return code.replace(/\.0+$/, '').trim();
  let c = codeMemo.get(code);
  if (c === undefined) {
    c = ownCopy(code.replace(/\.0+$/, '').trim());
    if (codeMemo.size < 100_000) codeMemo.set(ownCopy(code), c);
  }
  return c;
}

function typedCommune(r: RowReader): TypedCommune {
  const code = r.has('communeCode') ? r.text('communeCode') : null;
  return { code: code === null ? null : cleanCode(code), name: r.has('communeName') ? r.text('communeName') : null, place: r.place, row: r.row };
}

function readZone(r: RowReader, idx: PlanIndex): PendingZone {
  const commune = typedCommune(r);
  if (!commune.code && !commune.name) r.required(r.has('communeCode') ? 'communeCode' : 'communeName');
  const date = r.date('date', true);
  const zone = r.zone(idx);
  const communityCases = r.has('communityCases') ? r.count('communityCases') : null;
  const z = zone && idx.plan.zoneScale.zones.find((x) => x.code === zone);
  if (z && z.rank === 1 && idx.plan.consistency.greenRequiresNoCommunityCases && communityCases && communityCases > 0) {
    r.add(issue('zone-contradicts-cases', r.at('zone'), r.text('zone'), { zone: z.label, cases: communityCases }));
  }
  return {
    code: commune.code, name: commune.name, place: commune.place, row: commune.row, date, zone, communityCases,
    quarantineCases: r.has('quarantineCases') ? r.count('quarantineCases') : null,
    lastCommunityCase: r.has('lastCommunityCase') ? r.date('lastCommunityCase', false) : null,
    population: r.has('population') ? r.count('population') : null,
    decision: r.has('decision') ? r.text('decision') : null,
    note: r.has('note') ? r.text('note') : null,
    clean: false,
  };
}

function readNomination(r: RowReader, idx: PlanIndex): PendingNomination {
  const kindText = r.required('kind');
  const kind = kindText === null ? null : nominationKind(kindText);
  if (kindText !== null && kind === null) r.add(issue('nomination-kind-invalid', r.at('kind'), kindText));
  const name = r.required('name');
  const unit = r.text('unit');
  if (kind === 'individual' && unit === null) r.add(issue('individual-without-unit', r.at('unit'), null, { name: name ?? '' }));
  if (kind === 'collective' && name) {
    const c = collectiveLevel(idx.plan, name);
    if (!c || !c.rewarded) {
      const allowed = idx.plan.collectiveTypes.map((t) => t.label).join('; ');
      r.add(issue('collective-not-rewarded', r.at('name'), name, { allowed }));
    }
  }
  const commune = typedCommune(r);
  if (!commune.code && !commune.name) r.required(r.has('communeCode') ? 'communeCode' : 'communeName');
  const formText = r.has('awardForm') ? r.text('awardForm') : null;
  let awardForm: string | null = null;
  if (formText !== null) {
    awardForm = lookupAlias(idx.forms, formText);
    if (awardForm === null) r.add(issue('award-form-invalid', r.at('awardForm'), formText, {}, { vi: `Ghi một trong: ${idx.formWords}.`, en: `Write one of: ${idx.formWords}.` }));
    else if (!idx.plan.awardForms.find((f) => f.code === awardForm)?.provincial) r.add(issue('award-not-provincial', r.at('awardForm'), formText));
  }
  return {
    kind, name, unit, commune, awardForm,
    position: r.has('position') ? r.text('position') : null,
    achievement: r.required('achievement'),
    birthYear: r.has('birthYear') ? r.count('birthYear') : null,
    gender: r.has('gender') ? r.text('gender') : null,
    at: r.at(), clean: false, problems: [],
  };
}

function readIndicator(r: RowReader, idx: PlanIndex): PendingIndicator | null {
  const label = r.text('indicator');
  if (label === null) {
    if (isBlank(r.raw('value'))) return null; // a numbering or sub-heading row
    r.required('indicator'); // a value without its indicator: an error, not a heading
    return { code: null, label: '', value: r.count('value'), unit: null, note: null, at: r.at(), clean: false };
  }
  const code = lookupAlias(idx.indicators, label);
  if (code === null) r.add(issue('indicator-unknown', r.at('indicator'), label));
  const value = r.count('value');
  if (value === null && !r.hasErrors()) r.required('value');
  return { code, label, value, unit: r.has('unit') ? r.text('unit') : null, note: r.has('note') ? r.text('note') : null, at: r.at(), clean: false };
}

export interface SheetContext {
  file: string;
  idx: PlanIndex;
  /** the run's budget of kept issues; a sheet read on its own gets its own */
  cap?: IssueCap;
  /** issues the file kept before this sheet */
  keptBefore?: number;
}

function emptyResult(name: string): SheetResult {
  return {
    name, kind: null, rows: 0, incomplete: false, titleText: '', zones: [], nominations: [], indicators: [], difficulties: [], issues: [],
    omitted: noneOmitted(), emptyByColumn: new Map(), headerRow: 0, firstDataRow: 0, erredRows: new Set(), skipped: [],
  };
}

function headerIssues(ctx: SheetContext, sheet: string, h: HeaderFound): Issue[] {
  const headerRow = h.headerRows[h.headerRows.length - 1];
  const at = { file: ctx.file, sheet, row: headerRow, column: null, cell: null };
  const out: Issue[] = [];
  for (const group of h.missing) {
    const names = group.map((f) => h.spec.spec.fields.find((x) => x.field === f)!.labelVi).join(' / ');
    out.push(issue('missing-column', at, null, { kind: h.spec.spec.labelVi, column: names }));
  }
  for (const [field, cols] of h.map.duplicates) {
    for (const c of cols) {
      const column = columnLetter(c);
      out.push(issue('duplicate-header', { ...at, column, cell: `${column}${headerRow}` }, h.map.labels[c], { column: h.map.labels[c] || field }));
    }
  }
  return out;
}

/** Required columns are missing: no row can be read, and every one of them is excluded by that error. */
function unreadableRows(result: SheetResult, lastHeader: number): (raw: RawRow) => void {
  result.incomplete = true;
  return (raw) => {
    if (raw.row <= lastHeader || isBlankRow(raw.cells)) return;
    result.rows++;
    result.erredRows.add(raw.row);
  };
}

/**
 * What happens to each row below the header: blank rows pass, totals and the column-number row
 * are skipped with their reason, an exact copy of an earlier row is counted once with a warning
 * (zone rows are compared later by commune and date, in submission.ts, without a key per row),
 * and every other row is read.
 */
function dataRows(ctx: SheetContext, result: SheetResult, h: HeaderFound, sheet: string): (raw: RawRow) => void {
  const lastHeader = h.headerRows[h.headerRows.length - 1];
  const skip = (row: number, reason: SkipReason) => result.skipped.push({ sheet, row, reason });
  const seenRows = new Map<string, number>();
  const stt = h.map.columns.get('stt');
  const repeats = (raw: RawRow): boolean => {
    if (h.kind === 'zones' || seenRows.size >= DUPLICATE_MEMORY) return false;
    const key = rowKey(raw.cells, stt);
    const earlier = seenRows.get(key);
    if (earlier === undefined) return (seenRows.set(key, raw.row), false);
    result.issues.push(issue('duplicate-row', { file: ctx.file, sheet, row: raw.row, column: null, cell: null }, null, { row: raw.row, first: earlier }));
    result.rows++;
    return true;
  };
  const reader = new RowReader({ file: ctx.file, sheet, map: h.map }, h.spec.spec);
  let first = true;
  return (raw) => {
    if (raw.row <= lastHeader || isBlankRow(raw.cells)) return;
    if (isTotalRow(raw.cells, h.map)) return void skip(raw.row, 'total');
    if (first && ((first = false), isColumnNumberRow(raw.cells))) return void skip(raw.row, 'column-numbers');
    result.firstDataRow ||= raw.row;
    if (repeats(raw)) return;
    const skipped = readRow(ctx, result, h, reader.reset(raw.row, raw.cells));
    if (skipped) skip(raw.row, skipped);
  };
}

/** Rows remembered per sheet to find exact copies (a national file's rows are not all kept). */
const DUPLICATE_MEMORY = 200_000;

function rowKey(cells: CellValue[], skip: number | undefined): string {
  let key = '';
  for (let c = 0; c < cells.length; c++) {
    if (c === skip) continue;
    const v = cells[c];
    key += `${v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? v.error : String(v)}\u0001`;
  }
  return key.replace(/\u0001+$/, '');
}

/** Reads one sheet: header, then every data row. Title rows, blank rows and totals are skipped. */
export async function readSheet(ctx: SheetContext, sheet: RawSheet): Promise<SheetResult> {
  const result = emptyResult(sheet.name);
  const head: RawRow[] = [];
  const iterator = (sheet.rows as AsyncIterable<RawRow>)[Symbol.asyncIterator]?.() ?? (sheet.rows as Iterable<RawRow>)[Symbol.iterator]();
  let next = await iterator.next();
  while (!next.done && head.length < HEADER_SEARCH_ROWS + 2) {
    head.push(next.value);
    next = await iterator.next();
  }
  if (head.every((r) => isBlankRow(r.cells))) return result;
  const h = findHeader(head);
  if (!h) {
    result.issues.push(issue('unknown-sheet', { file: ctx.file, sheet: sheet.name, row: null, column: null, cell: null }, null));
    return result;
  }
  const lastHeader = h.headerRows[h.headerRows.length - 1];
  Object.assign(result, { kind: h.kind, titleText: h.titleText, headerRow: lastHeader });
  const cap = (ctx.cap ??= new IssueCap());
  const before = ctx.keptBefore ?? 0;
  for (const i of headerIssues(ctx, sheet.name, h)) cap.add(result.issues, result.omitted, i, before + result.issues.length);
  const handle = h.missing.length > 0 ? unreadableRows(result, lastHeader) : dataRows(ctx, result, h, sheet.name);
  head.forEach(handle);
  while (!next.done) {
    handle(next.value);
    next = await iterator.next();
  }
  if (result.incomplete) return result;
  collapseUnfilled(result, h, cap, ctx.file);
  return result;
}

/**
 * A blank template sent back as it was: when a column is empty on every data row, one
 * "not filled in" issue says so instead of one per row.
 */
function collapseUnfilled(out: SheetResult, h: HeaderFound, cap: IssueCap, file: string): void {
  if (out.rows < 2) return;
  const byColumn = new Map<string, Issue[]>();
  for (const i of out.issues) if (i.code === 'required-empty' && i.column) pushTo(byColumn, i.column, i);
  for (const [column, all] of out.emptyByColumn) {
    if (all < out.rows) continue;
    const list = byColumn.get(column) ?? [];
    const drop = new Set(list);
    out.issues = out.issues.filter((i) => !drop.has(i));
    cap.release(list.length);
    // the ones counted over the cap are folded too
    if (all > list.length) countOmitted(out.omitted, 'required-empty', 'error', null, -(all - list.length));
    const headerRow = h.headerRows[h.headerRows.length - 1];
    const field = [...h.map.letters].find(([, letter]) => letter === column)?.[0];
    const label = list[0]?.params.column ?? h.spec.spec.fields.find((f) => f.field === field)?.labelVi ?? column;
    const at = { file, sheet: out.name, row: headerRow, column, cell: `${column}${headerRow}` };
    out.issues.push(issue('sheet-not-filled', at, null, { column: String(label), n: out.rows }));
  }
}

/** Reads one data row into its pending record; says why when the row is not data after all. */
function readRow(ctx: SheetContext, out: SheetResult, h: HeaderFound, r: RowReader): SkipReason | null {
  if (h.kind === 'zones') out.zones.push(readZone(r, ctx.idx));
  else if (h.kind === 'nominations') out.nominations.push(readNomination(r, ctx.idx));
  else if (h.kind === 'indicators') {
    const rec = readIndicator(r, ctx.idx);
    if (!rec) return 'sub-heading';
    out.indicators.push(rec);
  } else {
    const content = r.text('content');
    if (content === null) {
      if (!r.hasErrors()) return 'no-content';
      for (const i of r.issues) ctx.cap!.add(out.issues, out.omitted, i, (ctx.keptBefore ?? 0) + out.issues.length);
      out.rows++;
      out.erredRows.add(r.row);
      return null;
    }
    out.difficulties.push({ content, note: r.has('note') ? r.text('note') : null, at: r.at() });
  }
  out.rows++;
  const clean = !r.hasErrors();
  if (!clean) out.erredRows.add(r.row);
  const last = h.kind === 'zones' ? out.zones.at(-1) : h.kind === 'nominations' ? out.nominations.at(-1) : h.kind === 'indicators' ? out.indicators.at(-1) : null;
  if (last) last.clean = clean;
  if (h.kind === 'nominations') out.nominations[out.nominations.length - 1].problems = r.issues.map((i) => i.code);
  const cap = ctx.cap!;
  const before = ctx.keptBefore ?? 0;
  for (const i of r.issues) {
    if (i.code === 'required-empty' && i.column) out.emptyByColumn.set(i.column, (out.emptyByColumn.get(i.column) ?? 0) + 1);
    if (cap.add(out.issues, out.omitted, i, before + out.issues.length)) continue;
    // over the cap: counted on the row's record too, so a file of several districts can attribute it
    const rec = last as { omitted?: SeverityCount } | null | undefined;
    if (rec) {
      const o = (rec.omitted ??= { errors: 0, warnings: 0 });
      if (i.severity === 'error') o.errors++;
      else o.warnings++;
    }
  }
  return null;
}
