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

export interface CompileFlags extends GlobalFlags, PeriodFlags, DocumentFlags {
  out?: string;
  format: 'text' | 'json';
  strict?: boolean;
  force?: boolean;
}

export function outputNames(period: { from: string; to: string }) {
  const span = `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return { report: `bao-cao-ket-qua-${span}.docx`, workbook: `phu-luc-ket-qua-${span}.xlsx` };
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
  const [{ reportDocument }, { appendixBytes }] = await Promise.all([import('../render/report/index.js'), import('../render/appendix.js')]);
  const names = outputNames(compiled.results.period);
  const outputs = { report: join(outDir(flags, ctx), names.report), workbook: join(outDir(flags, ctx), names.workbook) };
  await writeOutputs(
    [
      { path: outputs.report, data: await packDocument(reportDocument(input)) },
      { path: outputs.workbook, data: await appendixBytes(input) },
    ],
    !!flags.force,
  );
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(compileJson(compiled, outputs), null, 2)}\n`);
  else process.stdout.write(`${compileSummaryText(compiled, ctx.plan, ctx.registry, outputs, ctx.lang, painter()).join('\n')}\n`);
  return EXIT.ok;
}
