// The award proposal (issue 4, SPEC §6.2) as a docx Document: the Tờ trình in a portrait
// section and the attached DANH SÁCH in a landscape one. Pure; the CLI packs and writes it.
// The clerk's workbook of who was proposed and who was left out is in workbook.ts.
import type { Document } from 'docx';
import { nd30Document, pageA4Landscape, pageA4Portrait } from '../../docx/nd30.js';
import { letter, proposalSummary } from './letter.js';
import { list } from './list.js';
import type { ProposalInput } from './words.js';

export function proposalDocument(input: ProposalInput): Document {
  return nd30Document({
    title: `Tờ trình ${proposalSummary(input).replace(/^Về/, 'về')}`,
    subject: input.plan.title,
    sections: [
      { ...pageA4Portrait(), children: letter(input) },
      { ...pageA4Landscape(), children: list(input) },
    ],
  });
}

export { article1, article2, article3, decisionAttachmentNote, decisionDocument, decisionPlan, proposalReference } from './decision.js';
export { bonusDate, bonusOf, letterBonusParagraph } from './bonusText.js';
export { dong, moneyWords } from './money.js';
export { campaignParagraph, proposalSummary, requestSentence } from './letter.js';
export { GROUP_COLLECTIVES, GROUP_INDIVIDUALS, LIST_COLUMNS, NONE, TOTAL_LABEL, attachmentNote } from './list.js';
export { INTERNAL_NOTE, LEFT_OUT_SHEET, MONEY_SHEET, PROPOSED_SHEET, TOTAL_TEXT, leftOutBytes, leftOutWorkbook, workbookBytes } from './workbook.js';
export type { LeftOutInput, ProposalInput } from './words.js';
