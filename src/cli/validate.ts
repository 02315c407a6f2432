// `thidua validate`: check inputs, print the report (text or JSON), optionally write annotated
// copies, and return the exit code.
import { EXIT } from '../core/errors.js';
import { checkOutFolder, resolveDistrict } from './optionValues.js';
import { validateInputs } from '../validate/run.js';
import { validationJson, validationText } from '../render/validateReport.js';
import { buildContext, resolvePaths, type GlobalFlags, type PeriodFlags } from './context.js';
import { painter, printJson, printLines } from './terminal.js';
import { clearProgress, progress } from './progress.js';

export interface ValidateFlags extends GlobalFlags, PeriodFlags {
  format?: 'text' | 'json';
  strict?: boolean;
  district?: string;
  annotate?: string;
  force?: boolean;
}

export async function runValidate(paths: string[], flags: ValidateFlags): Promise<number> {
  const ctx = buildContext(flags);
  const forced = flags.district === undefined ? null : resolveDistrict(ctx.registry, flags.district);
  if (flags.annotate !== undefined) checkOutFolder(flags.annotate, '--annotate');
  const onFile = progress(flags, ctx.lang);
  const run = await validateInputs(resolvePaths(paths, ctx), {
    plan: ctx.plan, registry: ctx.registry, period: ctx.period, forcedDistrict: forced, limits: ctx.limits, workers: ctx.workers,
    onFile,
  });
  clearProgress();
  if (flags.debug) {
    const onMain = run.pool ? `; ${run.pool.onMain} of them on the main thread (${run.pool.outOfMemory} threads ran out of memory: THIDUA_WORKER_HEAP_MB)` : '';
    process.stderr.write(`thidua: ${run.files.length} files read on ${run.threads > 0 ? `${run.threads} worker threads${onMain}` : 'the main thread'} (THIDUA_WORKERS)\n`);
  }
  // The report prints first: a copy that cannot be written must not hide what was found.
  if (flags.format === 'json') printJson(validationJson(run, ctx.registry, ctx.lang, !!flags.strict));
  else printLines(process.stdout, validationText(run, ctx.registry, ctx.lang, !!flags.strict, painter()));
  if (flags.annotate) {
    const { writeAnnotated } = await import('./annotate.js');
    await writeAnnotated(run, flags.annotate, !!flags.force, ctx.lang, ctx.limits);
  }
  if (run.unreadable > 0) return EXIT.unreadable;
  if (run.errors > 0 || (flags.strict && run.warnings > 0)) return EXIT.invalid;
  return EXIT.ok;
}
