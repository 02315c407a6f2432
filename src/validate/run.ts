// Validation of a set of inputs: expand folders, check every file, then every district's
// submission as a whole, and build the report that renderers and compile use.
import type { Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { usageError } from '../core/errors.js';
import type { ReadLimits } from '../read/source.js';
import { validateFile, type FileOutcome } from './file.js';
import { checkSubmissions } from './submission.js';
import type { Window } from './resolve.js';
import { addDays } from '../compile/period.js';
import { planIndex } from './rows.js';
import { IssueCap } from './cap.js';
import { listInputs } from './inputs.js';
import type { Bilingual } from '../core/errors.js';

/** Files named, and the spreadsheets inside folders named (see inputs.ts). */
export async function expandInputs(paths: string[]): Promise<string[]> {
  return (await listInputs(paths)).files;
}

export interface ValidateOptions {
  plan: Plan;
  registry: Registry;
  period: { from: string; to: string };
  forcedDistrict: string | null;
  limits?: ReadLimits;
  onFile?: (path: string, index: number, total: number) => void;
}

export interface ValidationRun {
  files: FileOutcome[];
  window: Window;
  errors: number;
  warnings: number;
  rows: number;
  unreadable: number;
  /** about the run as a whole: inputs given twice, outputs of thidua left out */
  notes: Bilingual[];
}

export async function validateInputs(paths: string[], opts: ValidateOptions): Promise<ValidationRun> {
  const { files, notes } = await listInputs(paths);
  if (files.length === 0) throw usageError('Không có tệp bảng tính (.xlsx, .csv) nào trong các đường dẫn đã cho.', 'No spreadsheet files (.xlsx, .csv) in the paths given.');
  const window: Window = { lookback: addDays(opts.period.from, -opts.plan.baselineLookbackDays), from: opts.period.from, to: opts.period.to };
  const idx = planIndex(opts.plan);
  const outcomes: FileOutcome[] = [];
  const cap = new IssueCap();
  for (const [i, f] of files.entries()) {
    opts.onFile?.(f, i, files.length);
    outcomes.push(await validateFile(f, { registry: opts.registry, idx, window, forcedDistrict: opts.forcedDistrict, limits: opts.limits, cap }));
  }
  const zones = new Map(opts.plan.zoneScale.zones.map((z) => [z.code, z.label]));
  checkSubmissions(opts.registry, outcomes, window, (c) => zones.get(c) ?? c, cap);
  // counted, not gathered into one array: a run may hold hundreds of thousands (see cap.ts)
  let errors = 0;
  let warnings = 0;
  for (const o of outcomes) {
    for (const i of o.issues) i.severity === 'error' ? errors++ : warnings++;
    errors += o.omitted.errors;
    warnings += o.omitted.warnings;
  }
  return {
    files: outcomes,
    window,
    errors,
    warnings,
    rows: outcomes.reduce((a, o) => a + o.sheets.reduce((b, s) => b + s.rows, 0), 0),
    unreadable: outcomes.filter((o) => o.unreadable).length,
    notes,
  };
}
