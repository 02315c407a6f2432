// The results report (BÁO CÁO kết quả đợt thi đua) as a docx Document: pure, from the compiled results; the CLI packs and writes it.
import type { Document } from 'docx';
import { heading, nd30Document, pageA4Landscape, pageA4Portrait, recipientsAndSignature } from '../../docx/nd30.js';
import type { ReportInput } from '../documentInput.js';
import { appendix } from './appendix.js';
import { opening, received, summaryLines } from './intro.js';
import { localityLists } from './lists.js';
import { awardSection, closingParagraph, difficultySection, indicatorSection } from './sections.js';
import { zoneFigures } from './zones.js';

export interface ReportOptions {
  /**
   * Above this many communes the appendix lists districts only, and the locality lists give
   * counts by district instead of every name (the Excel appendix has every commune).
   */
  maxAppendixCommunes?: number;
}

export const DEFAULT_MAX_APPENDIX_COMMUNES = 3000;

/** The report's portrait body, from the header block to the signature. */
export function reportBody(input: ReportInput, options: ReportOptions = {}) {
  const max = options.maxAppendixCommunes ?? DEFAULT_MAX_APPENDIX_COMMUNES;
  const names = input.results.communes.length <= max;
  return [
    ...opening(input),
    ...received(input),
    heading('I. Kết quả phân vùng'),
    ...zoneFigures(input),
    ...localityLists(input, names),
    ...indicatorSection(input),
    ...awardSection(input),
    ...difficultySection(input),
    closingParagraph(input),
    recipientsAndSignature({ recipients: input.plan.recipients.report, signer: input.meta.signer }),
  ];
}

export function reportDocument(input: ReportInput, options: ReportOptions = {}): Document {
  const max = options.maxAppendixCommunes ?? DEFAULT_MAX_APPENDIX_COMMUNES;
  return nd30Document({
    title: `Báo cáo ${summaryLines(input).join(' ')}`,
    subject: input.plan.title,
    sections: [
      { ...pageA4Portrait(), children: reportBody(input, options) },
      { ...pageA4Landscape(), children: appendix(input, max) },
    ],
  });
}

export { appendixNote, resultText } from './appendix.js';
export { formatNumber, formatShare } from './format.js';
export { receivedSentence } from './intro.js';
