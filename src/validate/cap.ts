// A cap on the issues kept in memory. A file of 130,000 rows with a wrong zone has 130,000
// issues; the first ones are kept as objects (reports list them, annotated copies mark them),
// the rest are only counted — by code, by severity and, for a file of several districts, by
// district — so every figure stays whole while memory stays bounded.
import type { Severity } from '../core/types.js';
import { CATALOG, type IssueCode } from './catalog.js';
import type { Issue } from './issue.js';

/** Issues kept per file: enough for any report a person reads; the rest are counted. */
export const ISSUES_KEPT_PER_FILE = 10_000;
/** Issues kept for a whole run, so a folder of such files is bounded too. */
export const ISSUES_KEPT_PER_RUN = 100_000;

export interface SeverityCount {
  errors: number;
  warnings: number;
}

/** What was counted and not kept. */
export interface Omitted extends SeverityCount {
  byCode: Partial<Record<IssueCode, number>>;
  /** in a file of several districts: counts by the district of the row, where known */
  byDistrict: Record<string, SeverityCount>;
}

export const noneOmitted = (): Omitted => ({ errors: 0, warnings: 0, byCode: {}, byDistrict: {} });

export const omittedCount = (o: Omitted) => o.errors + o.warnings;

/** Counts one issue (or `n` of one code) as omitted. */
export function countOmitted(o: Omitted, code: IssueCode, severity: Severity, district?: string | null, n = 1): void {
  if (severity === 'error') o.errors += n;
  else o.warnings += n;
  o.byCode[code] = (o.byCode[code] ?? 0) + n;
  if (district) {
    const d = (o.byDistrict[district] ??= { errors: 0, warnings: 0 });
    if (severity === 'error') d.errors += n;
    else d.warnings += n;
  }
}

/** Adds counts of `from` into `to`. */
export function mergeOmitted(to: Omitted, from: Omitted): void {
  to.errors += from.errors;
  to.warnings += from.warnings;
  for (const [code, n] of Object.entries(from.byCode) as [IssueCode, number][]) to.byCode[code] = (to.byCode[code] ?? 0) + n;
  for (const [d, c] of Object.entries(from.byDistrict)) {
    const t = (to.byDistrict[d] ??= { errors: 0, warnings: 0 });
    t.errors += c.errors;
    t.warnings += c.warnings;
  }
}

/** Severity of a code as the catalog gives it (for issues counted without an object). */
export const severityOf = (code: IssueCode): Severity => CATALOG[code].severity;

/** The run's budget of kept issues. One per run; files ask it before keeping an issue. */
export class IssueCap {
  private kept = 0;

  constructor(
    readonly perFile = ISSUES_KEPT_PER_FILE,
    readonly perRun = ISSUES_KEPT_PER_RUN,
  ) {}

  /**
   * Keeps `i` in `list` while its file (holding `fileKept` issues so far) and the run are under
   * their caps, else counts it in `omitted`. Says whether it was kept.
   */
  add(list: Issue[], omitted: Omitted, i: Issue, fileKept: number, district?: string | null): boolean {
    if (fileKept < this.perFile && this.kept < this.perRun) {
      list.push(i);
      this.kept++;
      return true;
    }
    countOmitted(omitted, i.code, i.severity, district ?? i.district);
    return false;
  }

  /** Kept issues dropped again (folded into one), so the budget can be spent elsewhere. */
  release(n: number): void {
    this.kept = Math.max(0, this.kept - n);
  }
}
