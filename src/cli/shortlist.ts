// `thidua shortlist`: compile the figures, apply the plan's award rule, and write the Tờ trình
// with its Danh sách (.docx) and the clerk's list of who was left out and why (.xlsx).
import { EXIT } from '../core/errors.js';
import { buildShortlist } from '../shortlist/eligibility.js';
import { packDocument } from '../docx/pack.js';
import { writeOutputs } from '../write/atomic.js';
import { shortlistJson, shortlistSummaryText } from '../render/shortlistSummary.js';
import { painter } from './terminal.js';
import { compileForDocuments, rememberDocument, type CompileFlags } from './compile.js';

export function shortlistNames(period: { from: string; to: string }) {
  const span = `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return { proposal: `to-trinh-khen-thuong-${span}.docx`, leftOut: `danh-sach-ra-soat-khen-thuong-${span}.xlsx` };
}

export async function runShortlist(paths: string[], flags: CompileFlags): Promise<number> {
  const { ctx, meta, compiled, outputs, force } = await compileForDocuments(paths, flags, 'proposal', shortlistNames);
  const nominations = compiled.run.files.flatMap((f) => f.nominations);
  const shortlist = buildShortlist(ctx.plan, ctx.registry, compiled.results, nominations);
  const { proposalDocument, leftOutWorkbook, leftOutBytes } = await import('../render/proposal/index.js');
  const input = { plan: ctx.plan, registry: ctx.registry, results: compiled.results, shortlist, meta };
  await writeOutputs(
    [
      { path: outputs.proposal, data: await packDocument(proposalDocument(input)) },
      { path: outputs.leftOut, data: await leftOutBytes(leftOutWorkbook(input)) },
    ],
    force,
  );
  await rememberDocument(ctx, 'proposal', meta);
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(shortlistJson(shortlist, outputs), null, 2)}\n`);
  else process.stdout.write(`${shortlistSummaryText(shortlist, outputs, ctx.lang, painter()).join('\n')}\n`);
  return EXIT.ok;
}
