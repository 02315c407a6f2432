// From a validation run to compile's input and the renderers' source summaries: the glue
// between checking files and computing results, shared by `compile` and `shortlist`.
import type { Lang } from './core/types.js';
import type { ReadLimits } from './read/limits.js';
import type { Registry } from './data/registry.js';
import type { Plan } from './core/types.js';
import type { ValidationRun } from './validate/run.js';
import { validateInputs } from './validate/run.js';
import { message, type Issue } from './validate/issue.js';
import { compileResults } from './compile/compile.js';
import type { DistrictInput, Period, Results } from './compile/types.js';
import type { Compiled, IssueRow, SourceSummary } from './render/documentInput.js';
import { RULE_TEXT } from './validate/attribution.js';
import { skippedText } from './validate/ledger.js';
import { unreadableError } from './core/errors.js';

export type { Compiled } from './render/documentInput.js';


export function districtInputs(run: ValidationRun, reg: Registry): DistrictInput[] {
  const byDistrict = new Map<string, DistrictInput & { erred: Set<string> }>();
  const input = (dc: string) => {
    let d = byDistrict.get(dc);
    if (!d) byDistrict.set(dc, (d = { districtCode: dc, submitted: false, errorCount: 0, warningCount: 0, communesWithErrors: [], files: [], documents: [], erred: new Set() }));
    return d;
  };
  for (const f of run.files) {
    for (const dc of f.districts) Object.assign(input(dc), { submitted: true }).files.push(f.path);
    // Word/PDF attachments and unreadable files: the district sent something, but no data sheet.
    if (f.districts.length === 0 && f.districtCode) input(f.districtCode).documents!.push(f.path);
    for (const i of f.issues) {
      // A consolidated file's issues count against the district of their row.
      const dc = f.districtCode ?? i.district;
      if (dc) i.severity === 'error' ? input(dc).errorCount++ : input(dc).warningCount++;
    }
    // issues counted over the cap (cap.ts): the file's district, or each row's in a file of several
    if (f.districtCode) {
      input(f.districtCode).errorCount += f.omitted.errors;
      input(f.districtCode).warningCount += f.omitted.warnings;
    } else {
      for (const [dc, n] of Object.entries(f.omitted.byDistrict)) {
        input(dc).errorCount += n.errors;
        input(dc).warningCount += n.warnings;
      }
    }
    for (const c of f.communesWithErrors) {
      const dc = reg.communes.get(c)?.districtCode;
      if (dc) input(dc).erred.add(c);
    }
  }
  return [...byDistrict.values()].map(({ erred, ...d }) => ({ ...d, communesWithErrors: [...erred].sort() }));
}

export function sourceSummaries(run: ValidationRun, lang: Lang = 'vi'): SourceSummary[] {
  return run.files.map((f) => ({
    path: f.path, sha256: f.sha256, districtCode: f.districtCode, format: f.format, encoding: f.encoding,
    rows: f.sheets.reduce((a, s) => a + s.rows, 0),
    errors: f.issues.filter((i) => i.severity === 'error').length + f.omitted.errors,
    warnings: f.issues.filter((i) => i.severity === 'warning').length + f.omitted.warnings,
    unreadable: f.unreadable,
    ledger: f.rows,
    note: sourceNote(f, lang),
  }));
}

/** The sources sheet's remark on a file: not read (and why), how its district was found, rows skipped. */
function sourceNote(f: ValidationRun['files'][number], lang: Lang): string | null {
  const parts: string[] = [];
  if (f.document) parts.push(lang === 'vi' ? 'không phải bảng tính, chưa đọc' : 'not a spreadsheet, not read');
  if (f.districtBy && f.districtBy !== 'content') parts.push(`${lang === 'vi' ? 'đơn vị' : 'district'} ${RULE_TEXT[f.districtBy][lang]}`);
  if (f.skipped.length > 0) parts.push(`${lang === 'vi' ? 'bỏ qua' : 'skipped'}: ${f.skipped.map((k) => skippedText(k, lang)).join('; ')}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** An issue as the documents list it; its message is rendered only when read (the appendix lists the first 10,000). */
class ListedIssue implements IssueRow {
  readonly code: string;
  readonly severity: Issue['severity'];
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly value: string | null;
  constructor(
    readonly path: string,
    readonly districtCode: string | null,
    private readonly issue: Issue,
    private readonly lang: Lang,
  ) {
    ({ code: this.code, severity: this.severity, sheet: this.sheet, cell: this.cell, value: this.value } = issue);
  }

  get message(): string {
    return message(this.issue, this.lang);
  }
}

export function issueRows(run: ValidationRun, lang: Lang): IssueRow[] {
  return run.files.flatMap((f) => f.issues.map((i) => new ListedIssue(f.path, f.districtCode, i, lang)));
}

export interface CompileArgs {
  plan: Plan;
  registry: Registry;
  period: Period;
  lang: Lang;
  paths: string[];
  forcedDistrict?: string | null;
  limits?: ReadLimits;
  onFile?: (path: string, index: number, total: number, rowsSoFar: number) => void;
  workers?: { count: number; forced: boolean };
}

/** Read and check every input, then compute the results from the rows without errors. */
export async function compileInputs(args: CompileArgs): Promise<Compiled> {
  const run = await validateInputs(args.paths, { plan: args.plan, registry: args.registry, period: args.period, forcedDistrict: args.forcedDistrict ?? null, limits: args.limits, onFile: args.onFile, workers: args.workers });
  refuseExplicitUnreadable(run);
  const results = compileResults({
    plan: args.plan, registry: args.registry, period: args.period,
    assessments: { count: run.byCommune.count, of: (code) => run.byCommune.assessments(code) },
    indicators: run.files.flatMap((f) => f.indicators),
    difficulties: run.files.flatMap((f) => f.difficulties),
    districts: districtInputs(run, args.registry),
  });
  return { run, results, sources: sourceSummaries(run, args.lang), issues: issueRows(run, args.lang), issueTotal: run.errors + run.warnings };
}

/** A file named on the command line that cannot be read is the user's mistake to hear about, never an empty report. */
function refuseExplicitUnreadable(run: ValidationRun): void {
  const bad = run.files.filter((f) => f.explicit && (f.unreadable || f.document));
  if (bad.length === 0) return;
  const said = bad.map((f) => f.issues.find((i) => i.code === 'unreadable-file' || i.code === 'empty-file'));
  const vi = bad.map((f, i) => (said[i] ? String(said[i]!.params.reason) : `Tệp ${f.path} không phải bảng tính.`)).join(' ');
  const en = bad.map((f, i) => (said[i] ? String(said[i]!.params.reasonEn) : `${f.path} is not a spreadsheet.`)).join(' ');
  throw unreadableError(`${vi} Không lập báo cáo.`, `${en} No report was written.`);
}
