// The details a signed document needs (number, date, signer), from flags and the plan.
import type { DocumentMeta } from '../render/documentInput.js';
import { usageError } from '../core/errors.js';
import { parseUserDate } from '../compile/period.js';
import type { DocumentFlags, RunContext } from './context.js';
import { promptDocumentMeta } from './prompts.js';
import { parseNumber } from './optionValues.js';
import { rememberedMeta, type DocumentKind } from './remember.js';

const KIND_NAME = { report: { vi: 'báo cáo', en: 'report' }, proposal: { vi: 'tờ trình', en: 'proposal' } } as const;

/**
 * Number, date and signer from flags, the working folder's config (what was given last time for
 * this document) and the plan; in a terminal (not --yes, not CI) the ones
 * still missing are asked for, and blanks stay blanks for the clerk to fill by hand.
 */
export async function documentMeta(ctx: RunContext, flags: DocumentFlags, kind: DocumentKind): Promise<DocumentMeta> {
  const remembered = rememberedMeta(ctx.config, kind, ctx.period);
  let date: string | null = remembered.date;
  if (flags.date !== undefined) {
    date = parseUserDate(flags.date);
    if (!date) throw usageError(`--date "${flags.date}" không phải ngày (dd/mm/yyyy).`, `--date "${flags.date}" is not a date (dd/mm/yyyy).`);
  }
  const suffix = kind === 'report' ? ctx.plan.agency.reportSuffix : ctx.plan.agency.proposalSuffix;
  const number = parseNumber(flags.number, suffix, KIND_NAME[kind]) ?? remembered.number;
  const signer = {
    authority: flags.authority ?? ctx.plan.signer.authority,
    title: flags.signerTitle ?? ctx.plan.signer.title,
    name: flags.signer ?? ctx.plan.signer.name,
  };
  const answers = await promptDocumentMeta({ number, date, signer, suffix, lang: ctx.lang }, flags);
  return { ...answers, fallbackYear: Number((answers.date ?? ctx.period.to).slice(0, 4)) };
}
