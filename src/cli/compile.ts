// `thidua compile`: read every district's submission, compute the results, write the report
// (.docx) and the appendix workbook (.xlsx) atomically, and print the province summary.
import { join } from 'node:path';
import { EXIT, ThiduaError } from '../core/errors.js';
import { compileInputs } from '../pipeline.js';
import { packDocument } from '../docx/pack.js';
import { writeOutputs } from '../write/atomic.js';
import { buildContext, outDir, resolvePaths, type DocumentFlags, type GlobalFlags, type PeriodFlags, type RunContext } from './context.js';
import type { Period } from '../compile/period.js';
import type { Plan, Signer } from '../core/types.js';
import { confirmOverwrite } from './overwrite.js';
import { clearProgress, progress } from './progress.js';
import { rememberMeta, type DocumentKind } from './remember.js';
import { documentMeta } from './meta.js';
import { compileJson, compileSummaryText } from '../render/compileSummary.js';
import { painter, printJson, printLines } from './terminal.js';
import type { DocumentMeta, ReportInput } from '../render/documentInput.js';
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
  format?: 'text' | 'json';
  strict?: boolean;
  force?: boolean;
}

export function outputNames(period: { from: string; to: string }) {
  const span = `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return { report: `bao-cao-ket-qua-${span}.docx`, workbook: `phu-luc-ket-qua-${span}.xlsx`, map: `ban-do-vung-${span}.png` };
}

/**
 * What compile and shortlist share: the context; the outputs, checked before anything is asked
 * or read (in a terminal an existing output may be replaced, default no); the document's details
 * (asked for before the long read, so a clerk is not kept waiting); and the compiled figures.
 * --strict refuses here.
 */
export async function compileForDocuments<T extends { [k: string]: string | undefined }>(paths: string[], flags: CompileFlags, kind: DocumentKind, names: (period: Period, plan: Plan) => T) {
  const ctx = buildContext(flags);
  const inputs = resolvePaths(paths, ctx);
  const dir = outDir(flags, ctx);
  const outputs = Object.fromEntries(Object.entries(names(ctx.period, ctx.plan)).filter(([, n]) => n !== undefined).map(([k, n]) => [k, join(dir, n!)])) as T;
  const force = await confirmOverwrite(Object.values(outputs).filter((p): p is string => p !== undefined), flags, ctx.lang);
  const meta = await documentMeta(ctx, flags, kind);
  const onFile = progress(flags, ctx.lang);
  const compiled = await compileInputs({ ...ctx, paths: inputs, onFile });
  clearProgress();
  if (flags.strict && compiled.run.errors > 0) {
    throw new ThiduaError(EXIT.invalid, {
      vi: `Có ${compiled.run.errors} lỗi trong hồ sơ (--strict): chạy "thidua validate" để xem và sửa trước.`,
      en: `The submissions have ${compiled.run.errors} errors (--strict): run "thidua validate" to see and fix them first.`,
    });
  }
  return { ctx, meta, compiled, outputs, force };
}

/** After the documents are written: keep their number, date and signer in the working folder's config. */
export async function rememberDocument(ctx: RunContext, kind: DocumentKind, meta: DocumentMeta): Promise<void> {
  const changed = (k: keyof Signer) => (meta.signer[k] !== ctx.plan.signer[k] ? meta.signer[k] : undefined);
  const signer = { name: changed('name'), title: changed('title'), authority: changed('authority') };
  const kept = await rememberMeta(ctx.config, kind, ctx.period, { number: meta.number, date: meta.date, signer });
  if (kept.length > 0) {
    const words = { vi: { number: 'số', date: 'ngày', signer: 'người ký' }, en: { number: 'number', date: 'date', signer: 'signer' } }[ctx.lang];
    const what = kept.map((k) => words[k]).join(', ');
    process.stderr.write(ctx.lang === 'en'
      ? `thidua: ${what} kept in ${ctx.config!.path} for the next run.\n`
      : `thidua: đã ghi nhớ ${what} trong ${ctx.config!.path} cho lần chạy sau.\n`);
  }
}

export async function runCompile(paths: string[], flags: CompileFlags): Promise<number> {
  // the map's PNG is an output only when the plan names commune boundaries to draw it from
  const names = (period: Period, plan: Plan): { report: string; workbook: string; map?: string } => {
    const all = outputNames(period);
    return plan.boundaries ? all : { report: all.report, workbook: all.workbook };
  };
  const { ctx, meta, compiled, outputs, force } = await compileForDocuments(paths, flags, 'report', names);
  const input: ReportInput = { plan: ctx.plan, registry: ctx.registry, results: compiled.results, sources: compiled.sources, issues: compiled.issues, issueTotal: compiled.issueTotal, meta };
  const [{ reportDocument }, { appendixBytes }, { reportFigures }] = await Promise.all([
    import('../render/report/index.js'),
    import('../render/appendix.js'),
    import('../render/report/figures.js'),
  ]);
  // Drawn once: the map goes into the report, the workbook's summary sheet and a PNG of its own.
  input.boundaries = ctx.plan.boundaries ? loadBoundaries(ctx.plan.boundaries, ctx.registry) : null;
  input.figures = reportFigures(ctx.plan, compiled.results, input.boundaries);
  await writeOutputs(
    [
      { path: outputs.report, data: await packDocument(reportDocument(input)) },
      { path: outputs.workbook, data: await appendixBytes(input) },
      ...(input.figures.map && outputs.map ? [{ path: outputs.map, data: input.figures.map.png }] : []),
    ],
    force,
  );
  if (!input.figures.map) process.stderr.write(`${noMapNote(ctx.lang)}\n`);
  await rememberDocument(ctx, 'report', meta);
  if (flags.format === 'json') printJson(compileJson(compiled, outputs));
  else printLines(process.stdout, compileSummaryText(compiled, ctx.plan, ctx.registry, outputs, ctx.lang, painter()));
  return EXIT.ok;
}
