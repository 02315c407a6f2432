// Validation of a set of inputs: expand folders, check every file, then every district's
// submission as a whole, and build the report that renderers and compile use.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { usageError } from '../core/errors.js';
import type { ReadLimits } from '../read/source.js';
import { validateFile, type FileOutcome } from './file.js';
import { checkSubmissions } from './submission.js';
import { poolSize, validateInPool } from './pool.js';
import type { RowsByCommune } from './byCommune.js';
import type { Window } from './resolve.js';
import { addDays } from '../compile/period.js';
import { planIndex } from './rows.js';
import type { Issue } from './issue.js';

const INPUT = /\.(xlsx|xlsm|xls|csv|tsv|txt)$/i;

/** Files named, and the spreadsheets inside folders named (recursively, in name order). */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      throw usageError(`Không tìm thấy "${p}".`, `"${p}" does not exist.`);
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const full = join(p, e.name);
      if (e.isDirectory()) out.push(...(await expandInputs([full])));
      else if (INPUT.test(e.name)) out.push(full);
    }
  }
  return out;
}

export interface ValidateOptions {
  plan: Plan;
  registry: Registry;
  period: { from: string; to: string };
  forcedDistrict: string | null;
  limits?: ReadLimits;
  onFile?: (path: string, index: number, total: number) => void;
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
  unreadable: number;
  /** worker threads that read the files (0: read on the main thread) */
  threads: number;
}

export async function validateInputs(paths: string[], opts: ValidateOptions): Promise<ValidationRun> {
  const files = await expandInputs(paths);
  if (files.length === 0) throw usageError('Không có tệp bảng tính (.xlsx, .csv) nào trong các đường dẫn đã cho.', 'No spreadsheet files (.xlsx, .csv) in the paths given.');
  const window: Window = { lookback: addDays(opts.period.from, -opts.plan.baselineLookbackDays), from: opts.period.from, to: opts.period.to };
  const threads = await poolSize(files, opts.workers);
  let outcomes: FileOutcome[] = [];
  if (threads > 0) {
    outcomes = await validateInPool(files, { plan: opts.plan, registry: opts.registry, window, forcedDistrict: opts.forcedDistrict, limits: opts.limits }, threads, opts.onFile);
  } else {
    const idx = planIndex(opts.plan);
    for (const [i, f] of files.entries()) {
      opts.onFile?.(f, i, files.length);
      outcomes.push(await validateFile(f, { registry: opts.registry, idx, window, forcedDistrict: opts.forcedDistrict, limits: opts.limits }));
    }
  }
  const zones = new Map(opts.plan.zoneScale.zones.map((z) => [z.code, z.label]));
  const byCommune = checkSubmissions(opts.registry, outcomes, window, (c) => zones.get(c) ?? c);
  const all: Issue[] = outcomes.flatMap((o) => o.issues);
  return {
    files: outcomes,
    byCommune,
    window,
    errors: all.filter((i) => i.severity === 'error').length,
    warnings: all.filter((i) => i.severity === 'warning').length,
    rows: outcomes.reduce((a, o) => a + o.sheets.reduce((b, s) => b + s.rows, 0), 0),
    unreadable: outcomes.filter((o) => o.unreadable).length,
    threads,
  };
}
