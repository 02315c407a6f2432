// Reading one data row of a recognised sheet into a typed record, with the cell-level issues
// (dates, numbers, zones, award forms, required cells). Registry checks come later, per file.
import type { CellPointer, CellValue, IsoDate, Plan } from '../core/types.js';
import { cellText, isBlank, isErrorCell, parseDate, parseNumber } from '../read/cells.js';
import type { ColumnMap } from '../read/header.js';
import type { KindSpec } from '../read/schema.js';
import { aliasIndex, lookupAlias, type AliasIndex } from '../data/plan.js';
import { looseKey, ownCopy } from '../core/normalize.js';
import { issue, type Issue } from './issue.js';
import { MEMO_KEY_MAX } from '../core/collections.js';

/** Lookups built once per plan and shared by every row. */
export interface PlanIndex {
  plan: Plan;
  zones: AliasIndex;
  forms: AliasIndex;
  indicators: AliasIndex;
  zoneWords: string;
  formWords: string;
  /** zone text as typed → code: the same few words recur on every row */
  zoneOf: Map<string, string | null>;
}

export function planIndex(plan: Plan): PlanIndex {
  return {
    plan,
    zones: aliasIndex(plan.zoneScale.zones),
    forms: aliasIndex(plan.awardForms),
    indicators: aliasIndex(plan.indicators),
    zoneWords: plan.zoneScale.zones.map((z) => `${z.short[0].toUpperCase()}${z.short.slice(1)} (${z.level}, ${z.rank})`).join('; '),
    formWords: plan.awardForms.map((f) => f.label).join('; '),
    zoneOf: new Map(),
  };
}

// Cells repeat (names, dates, zones, notes): their cleaned text and parsed dates are kept per
// distinct string, up to a bound, instead of normalising them again on every row.
const MEMO_LIMIT = 200_000;
const textMemo = new Map<string, string>();
const dateMemo = new Map<string, IsoDate | null>();

function memo<V>(map: Map<string, V>, key: string, make: (k: string) => V): V {
  if (key.length > MEMO_KEY_MAX) return make(key);
  let v = map.get(key);
  if (v === undefined && !map.has(key)) {
    v = make(key);
    // kept for the whole run: own copies, not slices that would keep the file's text alive
    if (map.size < MEMO_LIMIT) map.set(ownCopy(key), (v = typeof v === 'string' ? (ownCopy(v) as V) : v));
  }
  return v as V;
}

const cellTextOf = (v: CellValue): string => (typeof v === 'string' ? memo(textMemo, v, cellText) : cellText(v));
const dateOf = (v: CellValue): IsoDate | null => (typeof v === 'string' ? memo(dateMemo, v, parseDate) : parseDate(v));
const numberMemo = new Map<string, number | null>();
const numberOf = (v: CellValue): number | null => (typeof v === 'string' ? memo(numberMemo, v, parseNumber) : parseNumber(v));

/** Where a sheet's rows are: records keep this and their row number, not a pointer per cell. */
export interface SheetPlace {
  file: string;
  sheet: string;
  map: ColumnMap;
}

/** The pointer to a field's cell on a row (the row alone when the field has no column). */
export function pointAt(place: SheetPlace, row: number, field?: string): CellPointer {
  const col = field === undefined ? undefined : place.map.columns.get(field);
  if (col === undefined) return { file: place.file, sheet: place.sheet, row, column: null, cell: null };
  const column = place.map.letters.get(field!)!;
  return { file: place.file, sheet: place.sheet, row, column, cell: `${column}${row}` };
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** Reads the rows of one sheet, one at a time: its cells, where it is, the issues found so far. */
export class RowReader {
  row = 0;
  cells: CellValue[] = [];
  /** shared and empty until the row's first issue */
  issues: Issue[] = NO_ISSUES as Issue[];
  readonly map: ColumnMap;
  constructor(
    readonly place: SheetPlace,
    readonly kind: KindSpec,
  ) {
    this.map = place.map;
  }

  /** Moves to the next row. */
  reset(row: number, cells: CellValue[]): this {
    this.row = row;
    this.cells = cells;
    this.issues = NO_ISSUES as Issue[];
    return this;
  }

  add(i: Issue): void {
    if (this.issues === NO_ISSUES) this.issues = [];
    this.issues.push(i);
  }

  at(field?: string): CellPointer {
    return pointAt(this.place, this.row, field);
  }

  has(field: string): boolean {
    return this.map.columns.has(field);
  }

  raw(field: string): CellValue {
    const col = this.map.columns.get(field);
    return col === undefined ? null : (this.cells[col] ?? null);
  }

  /** The cell's text, or null when blank; formula errors become issues. */
  text(field: string): string | null {
    const v = this.raw(field);
    if (isErrorCell(v)) {
      this.add(issue('cell-error', this.at(field), v.error));
      return null;
    }
    return isBlank(v) ? null : cellTextOf(v);
  }

  label(field: string): string {
    const spec = this.kind.fields.find((f) => f.field === field);
    return this.map.labels[this.map.columns.get(field) ?? -1] || spec?.labelVi || field;
  }

  required(field: string): string | null {
    const t = this.text(field);
    if (t === null && !this.raw(field)) this.add(issue('required-empty', this.at(field), null, { column: this.label(field) }));
    return t;
  }

  date(field: string, needed: boolean): IsoDate | null {
    const v = this.raw(field);
    if (isErrorCell(v)) return (this.text(field), null);
    if (isBlank(v)) {
      if (needed) this.required(field);
      return null;
    }
    const d = dateOf(v);
    if (d === null) this.add(issue('not-a-date', this.at(field), cellTextOf(v)));
    return d;
  }

  count(field: string): number | null {
    const v = this.raw(field);
    if (isErrorCell(v)) return (this.text(field), null);
    if (isBlank(v)) return null;
    const n = numberOf(v);
    if (n === null) this.add(issue('not-a-number', this.at(field), cellText(v)));
    else if (n < 0) this.add(issue('negative-count', this.at(field), cellText(v)));
    return n === null || n < 0 ? null : n;
  }

  zone(index: PlanIndex): string | null {
    const t = this.required('zone');
    if (t === null) return null;
    const code = memo(index.zoneOf, t, (k) => lookupAlias(index.zones, k, true));
    if (code === null) {
      this.add(issue('zone-invalid', this.at('zone'), t, { allowed: index.zoneWords }, { vi: `Ghi một trong: ${index.zoneWords}.`, en: `Write one of: ${index.zoneWords}.` }));
    }
    return code;
  }

  hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
}

const COLLECTIVE = new Set(['tap the', 'tt', 'to chuc', 'co quan', 'don vi', 'collective']);
const INDIVIDUAL = new Set(['ca nhan', 'cn', 'individual', 'ong', 'ba']);

export function nominationKind(text: string): 'collective' | 'individual' | null {
  const k = looseKey(text);
  return COLLECTIVE.has(k) ? 'collective' : INDIVIDUAL.has(k) ? 'individual' : null;
}
