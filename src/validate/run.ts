// Validation of a set of inputs: expand folders, check every file, then every district's
// submission as a whole, and build the report that renderers and compile use.
import type { Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { usageError } from '../core/errors.js';
import type { ReadLimits } from '../read/source.js';
import { documentOutcome, validateFile, type FileContext, type FileOutcome } from './file.js';
import { ignoredNote, listInputs, repeatedNote, type InputFile } from './inputs.js';
import { IssueCap } from './cap.js';
import { attributeByPath, attributeBySiblings, type Attribution } from './attribution.js';
import { checkSubmissions } from './submission.js';
import { poolSize, validateInPool } from './pool.js';
import type { RowsByCommune } from './byCommune.js';
import type { Window } from './resolve.js';
import { addDays } from '../core/dates.js';
import { planIndex } from './rows.js';
import { addCounts, NO_ROWS, sheetCounts, type RowCounts } from './ledger.js';

/** Files named, and the spreadsheets inside folders named (recursively, in name order). */
export async function expandInputs(paths: string[]): Promise<string[]> {
  return (await listInputs(paths)).files.filter((f) => !f.document).map((f) => f.path);
}

export interface ValidateOptions {
  plan: Plan;
  registry: Registry;
  period: { from: string; to: string };
  forcedDistrict: string | null;
  limits?: ReadLimits;
  /** called before each file is read, with the rows read so far (for a progress line) */
  onFile?: (path: string, index: number, total: number, rowsSoFar: number) => void;
  /** read files on worker threads (pool.ts workersFromEnv); one thread when absent */
  workers?: { count: number; forced: boolean };
}

export interface ValidationRun {
  files: FileOutcome[];
  /** every file's clean zone rows, by commune (after the cross-file checks) */
  byCommune: RowsByCommune;
  window: Window;
  errors: number;
  warnings: number;
  rows: number;
  /** lock and system files passed over in the folders read */
  ignored: { path: string; note: { vi: string; en: string } }[];
  /** used / excluded / skipped rows over every file */
  ledger: RowCounts;
  unreadable: number;
  /** worker threads that read the files (0: read on the main thread) */
  threads: number;
  /** with threads: files read on the main thread all the same (large ones, and those of a thread that ran out of memory), and the threads that did */
  pool?: { onMain: number; outOfMemory: number };
}

/**
 * Files nothing else placed (no district in their content, name or folder) take the district of
 * the files of the same submission beside them; a file that needs one is read again with it.
 */
async function placeBySiblings(outcomes: FileOutcome[], files: InputFile[], context: (f: InputFile, hint: Attribution) => FileContext, reg: Registry): Promise<void> {
  const placed = outcomes.filter((o) => o.districtCode && o.districtBy !== 'siblings').map((o) => ({ path: o.path, district: o.districtCode! }));
  for (const [i, o] of outcomes.entries()) {
    if (o.districtCode || o.districts.length > 0) continue;
    const hint = attributeBySiblings(o.path, placed, reg);
    if (!hint) continue;
    const ctx = context(files[i], hint);
    outcomes[i] = files[i].document ? documentOutcome(o.path, ctx) : o.unreadable ? Object.assign(o, { districtCode: hint.district.code, districtBy: hint.by }) : await validateFile(o.path, ctx);
  }
}

export async function validateInputs(paths: string[], opts: ValidateOptions): Promise<ValidationRun> {
  const listed = await listInputs(paths);
  const files = listed.files;
  if (files.length === 0) throw usageError('Không có tệp nào trong các đường dẫn đã cho.', 'No files in the paths given.');
  const window: Window = { lookback: addDays(opts.period.from, -opts.plan.baselineLookbackDays), from: opts.period.from, to: opts.period.to };
  const idx = planIndex(opts.plan);
  const province = opts.plan.province.name;
  const cap = new IssueCap();
  // on worker threads each file has a cap of its own (the per-file cap still holds); here one for the run
  const context = (f: InputFile, hint: Attribution | null): FileContext => ({ registry: opts.registry, idx, window, forcedDistrict: opts.forcedDistrict, limits: opts.limits, explicit: f.explicit, hint, cap });
  const { threads, sizes } = await poolSize(files.map((f) => f.path), opts.workers);
  let outcomes: FileOutcome[] = [];
  let pool: ValidationRun['pool'];
  let rowsSoFar = 0;
  if (threads > 0) {
    // the same files with the same hints, read on worker threads; outcomes in the files' order
    const jobs = files.map((f) => ({ path: f.path, explicit: f.explicit, document: f.document, hint: attributeByPath(opts.registry, f.path, f.folders, province) }));
    const base = { plan: opts.plan, registry: opts.registry, window, forcedDistrict: opts.forcedDistrict, limits: opts.limits };
    // a file read on the main thread during a pooled run has a cap of its own, as on a thread
    const local = (j: (typeof jobs)[number]) => {
      const ctx: FileContext = { registry: opts.registry, idx, window, forcedDistrict: opts.forcedDistrict, limits: opts.limits, explicit: j.explicit, hint: j.hint };
      return j.document ? Promise.resolve(documentOutcome(j.path, ctx)) : validateFile(j.path, ctx);
    };
    ({ outcomes, ...pool } = await validateInPool(jobs, sizes, base, threads, local, (path, i, n) => opts.onFile?.(path, i, n, rowsSoFar), (o) => {
      for (const s of o.sheets) rowsSoFar += s.rows;
    }));
  } else {
    for (const [i, f] of files.entries()) {
      opts.onFile?.(f.path, i, files.length, rowsSoFar);
      const ctx = context(f, attributeByPath(opts.registry, f.path, f.folders, province));
      const outcome = f.document ? documentOutcome(f.path, ctx) : await validateFile(f.path, ctx);
      for (const s of outcome.sheets) rowsSoFar += s.rows;
      outcomes.push(outcome);
    }
  }
  await placeBySiblings(outcomes, files, (f, hint) => context(f, hint), opts.registry);
  const zones = new Map(opts.plan.zoneScale.zones.map((z) => [z.code, z.label]));
  const byCommune = checkSubmissions(opts.registry, outcomes, window, (c) => zones.get(c) ?? c, cap);
  for (const o of outcomes) o.rows = o.ledger.reduce((a, s) => addCounts(a, sheetCounts(s, o.issues)), NO_ROWS);
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
    byCommune,
    window,
    errors,
    warnings,
    ignored: [...listed.ignored.map((path) => ({ path, note: ignoredNote(path) })), ...listed.repeated.map(([path, first]) => ({ path, note: repeatedNote(path, first) }))],
    rows: outcomes.reduce((a, o) => a + o.sheets.reduce((b, s) => b + s.rows, 0), 0),
    ledger: outcomes.reduce((a, o) => addCounts(a, o.rows), NO_ROWS),
    unreadable: outcomes.filter((o) => o.unreadable).length,
    threads,
    pool,
  };
}
