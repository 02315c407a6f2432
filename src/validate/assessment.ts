// The clean zone rows kept for compile. A country's month is ~330,000 of them and a year
// millions, so a file keeps them as columns of small numbers (indexes into its tables of
// communes, dates, zones, texts): ~20 bytes a row instead of an object of ~150. An Assessment
// object is made only when one is asked for (a conflict, one commune's classification, tests),
// and the columns cross to the main thread from a worker as typed arrays, not objects.
import type { Assessment, CellPointer, IsoDate } from '../core/types.js';
import { pointAt, type SheetPlace } from './rows.js';
import { ownCopy } from '../core/normalize.js';

/** A clean row's values, as validation hands them over: an Assessment whose cell pointer is its sheet's place and row. */
export type AssessmentRow = Omit<Assessment, 'at'> & { place: SheetPlace; row: number };

/** One row, made on demand; its pointer (the zone cell) only when read. */
export class RowAssessment implements Assessment {
  constructor(
    public communeCode: string,
    public districtCode: string,
    public date: IsoDate,
    public zone: string,
    public communityCases14d: number | null,
    public quarantineCases: number | null,
    public lastCommunityCase: IsoDate | null,
    public population: number | null,
    public decision: string | null,
    public note: string | null,
    private readonly place: SheetPlace,
    private readonly row: number,
  ) {}

  /** the zone cell of the row */
  get at(): CellPointer {
    return pointAt(this.place, this.row, 'zone');
  }
}

/** A table of distinct values, each given a small index once. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();
  of(v: T): number {
    let i = this.index.get(v);
    if (i === undefined) this.index.set(v, (i = this.values.push(v) - 1));
    return i;
  }
  static from<T>(values: T[]): Table<T> {
    const t = new Table<T>();
    for (const v of values) t.of(v);
    return t;
  }
}

type IntColumn = Int32Array;
const NONE = -1;

type Column = Int32Array | Uint16Array | Uint8Array | Float64Array;

function grow<A extends Column>(a: A, n: number, fill: number): A {
  if (n <= a.length) return a;
  const b = new (a.constructor as { new (n: number): A })(Math.max(n, a.length * 2, 64));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** What a store is made of: plain data, so that it can cross between threads (structured clone). */
export interface StoreData {
  length: number;
  communes: string[]; // communeCode
  districts: string[]; // the district of each commune of `communes`
  dates: string[];
  zones: string[];
  texts: string[];
  places: SheetPlace[];
  commune: IntColumn;
  date: Uint16Array; // a file's distinct dates lie in the plan's window: far fewer than 65,536
  zone: Uint8Array;
  place: Uint16Array; // sheets of the file
  row: IntColumn;
  /** optional cells: absent until a row has one (NaN / -1 mean empty) */
  cases: Float64Array | null;
  quarantine: Float64Array | null;
  population: Float64Array | null;
  lastCase: IntColumn | null;
  decision: IntColumn | null;
  note: IntColumn | null;
}

/** A file's clean assessments, in the order they were read. Iterating gives Assessment objects. */
export class AssessmentStore implements Iterable<Assessment> {
  length = 0;
  private communes = new Table<string>();
  private districts: string[] = [];
  private dates = new Table<string>();
  private zones = new Table<string>();
  private texts = new Table<string>();
  private places = new Table<SheetPlace>();
  private commune: IntColumn = new Int32Array(0);
  private date = new Uint16Array(0);
  private zone = new Uint8Array(0);
  private place = new Uint16Array(0);
  private row: IntColumn = new Int32Array(0);
  private cases: Float64Array | null = null;
  private quarantine: Float64Array | null = null;
  private population: Float64Array | null = null;
  private lastCase: IntColumn | null = null;
  private decision: IntColumn | null = null;
  private note: IntColumn | null = null;

  push(r: AssessmentRow): void {
    const i = this.length++;
    const n = this.length;
    const c = this.communes.of(r.communeCode);
    this.districts[c] = r.districtCode;
    (this.commune = grow(this.commune, n, 0))[i] = c;
    (this.date = grow(this.date, n, 0))[i] = this.dates.of(r.date);
    (this.zone = grow(this.zone, n, 0))[i] = this.zones.of(r.zone);
    (this.place = grow(this.place, n, 0))[i] = this.places.of(r.place);
    (this.row = grow(this.row, n, 0))[i] = r.row;
    if (r.communityCases14d !== null || this.cases) (this.cases = grow(this.cases ?? new Float64Array(0).fill(NaN), n, NaN))[i] = r.communityCases14d ?? NaN;
    if (r.quarantineCases !== null || this.quarantine) (this.quarantine = grow(this.quarantine ?? new Float64Array(0), n, NaN))[i] = r.quarantineCases ?? NaN;
    if (r.population !== null || this.population) (this.population = grow(this.population ?? new Float64Array(0), n, NaN))[i] = r.population ?? NaN;
    if (r.lastCommunityCase !== null || this.lastCase) (this.lastCase = grow(this.lastCase ?? new Int32Array(0), n, NONE))[i] = r.lastCommunityCase === null ? NONE : this.dates.of(r.lastCommunityCase);
    if (r.decision !== null || this.decision) (this.decision = grow(this.decision ?? new Int32Array(0), n, NONE))[i] = r.decision === null ? NONE : this.text(r.decision);
    if (r.note !== null || this.note) (this.note = grow(this.note ?? new Int32Array(0), n, NONE))[i] = r.note === null ? NONE : this.text(r.note);
  }

  /** A text kept as its own copy (validate/normalize ownCopy), once per distinct value. */
  private text(t: string): number {
    const before = this.texts.values.length;
    const i = this.texts.of(t);
    if (i === before) this.texts.values[i] = ownCopy(t);
    return i;
  }

  /** Gives back the columns' unused room once the file is read (they grow by doubling). */
  trim(): void {
    const cut = <A extends Column | null>(a: A): A => (a === null || a.length === this.length ? a : (a.slice(0, this.length) as A));
    this.commune = cut(this.commune);
    this.date = cut(this.date);
    this.zone = cut(this.zone);
    this.place = cut(this.place);
    this.row = cut(this.row);
    this.cases = cut(this.cases);
    this.quarantine = cut(this.quarantine);
    this.population = cut(this.population);
    this.lastCase = cut(this.lastCase);
    this.decision = cut(this.decision);
    this.note = cut(this.note);
  }

  communeCodeAt(i: number): string {
    return this.communes.values[this.commune[i]];
  }

  dateAt(i: number): IsoDate {
    return this.dates.values[this.date[i]];
  }

  zoneAt(i: number): string {
    return this.zones.values[this.zone[i]];
  }

  /** The districts of the communes in the store, sorted. */
  districtCodes(): string[] {
    return [...new Set(this.districts)].sort();
  }

  /** Row i as an Assessment object. */
  get(i: number): Assessment {
    const num = (col: Float64Array | null) => (col === null || Number.isNaN(col[i]) ? null : col[i]);
    const idx = (col: IntColumn | null, table: Table<string>) => (col === null || col[i] === NONE ? null : table.values[col[i]]);
    const c = this.commune[i];
    return new RowAssessment(
      this.communes.values[c], this.districts[c], this.dates.values[this.date[i]], this.zones.values[this.zone[i]],
      num(this.cases), num(this.quarantine), idx(this.lastCase, this.dates), num(this.population), idx(this.decision, this.texts), idx(this.note, this.texts),
      this.places.values[this.place[i]], this.row[i],
    );
  }

  *[Symbol.iterator](): Iterator<Assessment> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** Keeps only the rows `keep` says yes to, in order. */
  retain(keep: (i: number) => boolean): void {
    const cols = ['commune', 'date', 'zone', 'place', 'row', 'cases', 'quarantine', 'population', 'lastCase', 'decision', 'note'] as const;
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      for (const k of cols) {
        const col = this[k];
        if (col) col[n] = col[i];
      }
      n++;
    }
    this.length = n;
  }

  /** The store as plain data (typed arrays trimmed to its length), to send to another thread. */
  toData(): StoreData {
    const cut = <A extends Column | null>(a: A): A => (a === null ? a : (a.slice(0, this.length) as A));
    return {
      length: this.length, communes: this.communes.values, districts: this.districts, dates: this.dates.values, zones: this.zones.values,
      texts: this.texts.values, places: this.places.values, commune: cut(this.commune), date: cut(this.date), zone: cut(this.zone),
      place: cut(this.place), row: cut(this.row), cases: cut(this.cases), quarantine: cut(this.quarantine), population: cut(this.population),
      lastCase: cut(this.lastCase), decision: cut(this.decision), note: cut(this.note),
    };
  }

  static fromData(d: StoreData): AssessmentStore {
    const s = new AssessmentStore();
    Object.assign(s, {
      length: d.length, communes: Table.from(d.communes), districts: d.districts, dates: Table.from(d.dates), zones: Table.from(d.zones),
      texts: Table.from(d.texts), places: Table.from(d.places), commune: d.commune, date: d.date, zone: d.zone, place: d.place, row: d.row,
      cases: d.cases, quarantine: d.quarantine, population: d.population, lastCase: d.lastCase, decision: d.decision, note: d.note,
    });
    return s;
  }
}
