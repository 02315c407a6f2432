// What the document renderers (report .docx, appendix .xlsx, shortlist) are given: the plan,
// the register, the compiled results, the sources read, and the document's own details.
import type { IsoDate, Plan, Signer } from '../core/types.js';
import type { SourceFormat } from '../read/types.js';
import type { Registry } from '../data/registry.js';
import type { Results } from '../compile/types.js';
import type { ValidationRun } from '../validate/run.js';
import type { Boundaries } from '../data/boundaries.js';
import type { ReportFigures } from './report/figures.js';

/** One input file as the sources sheet and the "received" section describe it. */
export interface SourceSummary {
  path: string;
  sha256: string | null;
  districtCode: string | null;
  format: SourceFormat | null;
  encoding: string | null;
  rows: number;
  errors: number;
  warnings: number;
  unreadable: boolean;
  /** used / excluded / skipped rows (see validate/ledger.ts) */
  ledger?: { used: number; excluded: number; skipped: number };
  /** not read, how its district was found, rows skipped: said in the sources sheet */
  note?: string | null;
}

/** An issue row for the appendix workbook's issue sheet, already rendered in Vietnamese. */
export interface IssueRow {
  path: string;
  districtCode: string | null;
  code: string;
  severity: 'error' | 'warning';
  sheet: string | null;
  cell: string | null;
  value: string | null;
  message: string;
}

export interface DocumentMeta {
  number: string | null; // "125" → "Số: 125/BC-SNV"; null leaves a blank for the clerk
  date: IsoDate | null; // null leaves "ngày … tháng … năm …" blank
  fallbackYear: number; // the year printed when the date is blank
  signer: Signer;
}

export interface ReportInput {
  plan: Plan;
  registry: Registry;
  results: Results;
  sources: SourceSummary[];
  issues: IssueRow[];
  meta: DocumentMeta;
  /** The commune boundaries for the map; absent or null: the report has no map. */
  boundaries?: Boundaries | null;
  /** The pictures, when already drawn for this input (the CLI draws them once for the report, the workbook and the PNG). */
  figures?: ReportFigures;
}

/** What compile hands the renderers: the validation run, the results, the sources and issues as listed. */
export interface Compiled {
  run: ValidationRun;
  results: Results;
  sources: SourceSummary[];
  issues: IssueRow[];
}
