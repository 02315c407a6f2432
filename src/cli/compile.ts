// `thidua compile`: read every district's submission, compute the results, write the report
// (.docx) and the appendix workbook (.xlsx) atomically, and print the province summary.
import { join } from 'node:path';
import { EXIT, ThiduaError } from '../core/errors.js';
import { compileInputs } from '../pipeline.js';
import { packDocument } from '../docx/pack.js';
import { writeOutputs } from '../write/atomic.js';
import { buildContext, outDir, resolvePaths, type DocumentFlags, type GlobalFlags, type PeriodFlags } from './context.js';
import { documentMeta } from './meta.js';
import { compileJson, compileSummaryText } from '../render/compileSummary.js';
import { painter } from './terminal.js';
import type { ReportInput } from '../render/documentInput.js';
import { loadBoundaries } from '../data/boundaries.js';
import type { Lang } from '../core/types.js';

/** Said (on stderr, so that --format json stays clean) when the plan names no boundary file. */
export function noMapNote(lang: Lang): string {
  return lang === 'en'
    ? 'Note: no province map was drawn: the plan names no commune boundary file ("boundaries"); the report has every other figure.'
    : 'Ghi chú: không vẽ bản đồ tỉnh vì tệp kế hoạch không chỉ ra tệp ranh giới xã (khóa "boundaries"); báo cáo vẫn có đủ các số liệu khác.';
}

export interface CompileFlags extends GlobalFlags, PeriodFlags, DocumentFlags {
  out?: string;
  format: 'text' | 'json';
  strict?: boolean;
  force?: boolean;
}

export function outputNames(period: { from: string; to: string }) {
  const span = `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return { report: `bao-cao-ket-qua-${span}.docx`, workbook: `phu-luc-ket-qua-${span}.xlsx`, map: `ban-do-vung-${span}.png` };
}

/**
 * What compile and shortlist share: the context, the document's details (asked for before the
 * long read, so a clerk is not kept waiting), and the compiled figures; --strict refuses here.
 */
export async function compileForDocuments(paths: string[], flags: CompileFlags, kind: 'report' | 'proposal') {
  const ctx = buildContext(flags);
  const inputs = resolvePaths(paths, ctx);
  const meta = await documentMeta(ctx, flags, kind);
  const compiled = await compileInputs({ ...ctx, paths: inputs });
  if (flags.strict && compiled.run.errors > 0) {
    throw new ThiduaError(EXIT.invalid, {
      vi: `Có ${compiled.run.errors} lỗi trong hồ sơ (--strict): chạy "thidua validate" để xem và sửa trước.`,
      en: `The submissions have ${compiled.run.errors} errors (--strict): run "thidua validate" to see and fix them first.`,
    });
  }
  return { ctx, meta, compiled };
}

export async function runCompile(paths: string[], flags: CompileFlags): Promise<number> {
  const { ctx, meta, compiled } = await compileForDocuments(paths, flags, 'report');
  const input: ReportInput = { plan: ctx.plan, registry: ctx.registry, results: compiled.results, sources: compiled.sources, issues: compiled.issues, meta };
  const [{ reportDocument }, { appendixBytes }, { reportFigures }] = await Promise.all([
    import('../render/report/index.js'),
    import('../render/appendix.js'),
    import('../render/report/figures.js'),
  ]);
  // Drawn once: the map goes into the report, the workbook's summary sheet and a PNG of its own.
  input.boundaries = ctx.plan.boundaries ? loadBoundaries(ctx.plan.boundaries, ctx.registry) : null;
  input.figures = reportFigures(ctx.plan, compiled.results, input.boundaries);
  const names = outputNames(compiled.results.period);
  const dir = outDir(flags, ctx);
  const outputs: Record<string, string> = { report: join(dir, names.report), workbook: join(dir, names.workbook) };
  if (input.figures.map) outputs.map = join(dir, names.map);
  await writeOutputs(
    [
      { path: outputs.report, data: await packDocument(reportDocument(input)) },
      { path: outputs.workbook, data: await appendixBytes(input) },
      ...(input.figures.map ? [{ path: join(dir, names.map), data: input.figures.map.png }] : []),
    ],
    !!flags.force,
  );
  if (!input.figures.map) process.stderr.write(`${noMapNote(ctx.lang)}\n`);
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(compileJson(compiled, outputs), null, 2)}\n`);
  else process.stdout.write(`${compileSummaryText(compiled, ctx.plan, ctx.registry, outputs, ctx.lang, painter()).join('\n')}\n`);
  return EXIT.ok;
}
