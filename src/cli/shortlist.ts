// `thidua shortlist`: compile the figures, apply the plan's award rule, and write the Tờ trình
// with its Danh sách (.docx) and the clerk's list of who was left out and why (.xlsx).
import { join } from 'node:path';
import { EXIT } from '../core/errors.js';
import { buildShortlist } from '../shortlist/eligibility.js';
import { packDocument } from '../docx/pack.js';
import { writeOutputs } from '../write/atomic.js';
import { outDir } from './context.js';
import { shortlistJson, shortlistSummaryText } from '../render/shortlistSummary.js';
import { painter, printJson, printLines } from './terminal.js';
import { compileForDocuments, type CompileFlags } from './compile.js';

export function shortlistNames(period: { from: string; to: string }) {
  const span = `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return { proposal: `to-trinh-khen-thuong-${span}.docx`, leftOut: `danh-sach-ra-soat-khen-thuong-${span}.xlsx` };
}

export async function runShortlist(paths: string[], flags: CompileFlags): Promise<number> {
  const { ctx, meta, compiled } = await compileForDocuments(paths, flags, 'proposal');
  const nominations = compiled.run.files.flatMap((f) => f.nominations);
  const shortlist = buildShortlist(ctx.plan, ctx.registry, compiled.results, nominations);
  const { proposalDocument, leftOutWorkbook, leftOutBytes } = await import('../render/proposal/index.js');
  const names = shortlistNames(compiled.results.period);
  const outputs = { proposal: join(outDir(flags, ctx), names.proposal), leftOut: join(outDir(flags, ctx), names.leftOut) };
  const input = { plan: ctx.plan, registry: ctx.registry, results: compiled.results, shortlist, meta };
  await writeOutputs(
    [
      { path: outputs.proposal, data: await packDocument(proposalDocument(input)) },
      { path: outputs.leftOut, data: await leftOutBytes(leftOutWorkbook(input)) },
    ],
    !!flags.force,
  );
  if (flags.format === 'json') printJson(shortlistJson(shortlist, outputs));
  else printLines(process.stdout, shortlistSummaryText(shortlist, outputs, ctx.lang, painter()));
  return EXIT.ok;
}
