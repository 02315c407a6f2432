// `thidua shortlist`: compile the figures, apply the plan's award rule, and write the Tờ trình
// with its Danh sách (.docx), the draft Quyết định with the same list (.docx), and the clerk's
// list of who was proposed, with the bonus, and who was left out and why (.xlsx).
import { EXIT } from '../core/errors.js';
import { buildShortlist } from '../shortlist/eligibility.js';
import { packDocument } from '../docx/pack.js';
import { writeOutputs } from '../write/atomic.js';
import { shortlistJson, shortlistSummaryText } from '../render/shortlistSummary.js';
import { painter } from './terminal.js';
import { compileForDocuments, rememberDocument, type CompileFlags } from './compile.js';

export function shortlistNames(period: { from: string; to: string }) {
  const span = `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return {
    proposal: `to-trinh-khen-thuong-${span}.docx`,
    decision: `du-thao-quyet-dinh-khen-thuong-${span}.docx`,
    leftOut: `danh-sach-ra-soat-khen-thuong-${span}.xlsx`,
  };
}

export async function runShortlist(paths: string[], flags: CompileFlags): Promise<number> {
  // all three are checked before anything is asked or read, the decision too though it is drafted only when someone is proposed
  const { ctx, meta, compiled, outputs: planned, force } = await compileForDocuments(paths, flags, 'proposal', shortlistNames);
  const nominations = compiled.run.files.flatMap((f) => f.nominations);
  const shortlist = buildShortlist(ctx.plan, ctx.registry, compiled.results, nominations);
  const { proposalDocument, decisionDocument, decisionPlan, bonusOf, leftOutWorkbook, leftOutBytes } = await import('../render/proposal/index.js');
  const input = { plan: ctx.plan, registry: ctx.registry, results: compiled.results, shortlist, meta };
  // Checked before anything is built: a plan without the decision or the rates stops the run whole.
  const decision = decisionPlan(ctx.plan);
  const bonus = bonusOf(input);
  // Nobody proposed: the Tờ trình says so and there is no decision to draft (the summary says it).
  const drafted = shortlist.collectives.length + shortlist.individuals.length > 0;
  const outputs: Record<string, string> = { proposal: planned.proposal, ...(drafted ? { decision: planned.decision } : {}), leftOut: planned.leftOut };
  await writeOutputs(
    [
      { path: outputs.proposal, data: await packDocument(proposalDocument(input)) },
      ...(drafted ? [{ path: outputs.decision, data: await packDocument(decisionDocument(input)) }] : []),
      { path: outputs.leftOut, data: await leftOutBytes(leftOutWorkbook(input)) },
    ],
    force,
  );
  await rememberDocument(ctx, 'proposal', meta);
  const extra = { bonus, unverifiedBases: decision.legalBases.filter((b) => !b.verified).map((b) => b.text), drafted };
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(shortlistJson(shortlist, outputs, extra), null, 2)}\n`);
  else process.stdout.write(`${shortlistSummaryText(shortlist, outputs, ctx.lang, painter(), extra).join('\n')}\n`);
  return EXIT.ok;
}
