// The draft Quyết định of the Chủ tịch UBND tỉnh awarding the Bằng khen (issue 17), laid out as
// Nghị định 30/2020/NĐ-CP has it: header block with the number and date left blank for the
// signer, QUYẾT ĐỊNH and its trích yếu, the deciding authority, the Căn cứ lines and "Xét đề
// nghị …" in italic, QUYẾT ĐỊNH:, Điều 1–3, Nơi nhận and KT. CHỦ TỊCH; then the DANH SÁCH as its
// appendix. Everything specific to a province is read from plan.decision. Pure: returns a Document.
import { Paragraph, TextRun, type Document, type Table } from 'docx';
import type { DecisionPlan, Plan } from '../../core/types.js';
import { usageError } from '../../core/errors.js';
import {
  BLANK,
  STYLE,
  TEXT_WIDTH,
  body,
  bold,
  docTitle,
  endMark,
  formatNd30Date,
  headerBlock,
  italicBody,
  nd30Document,
  pageA4Landscape,
  pageA4Portrait,
  recipientsAndSignature,
} from '../../docx/nd30.js';
import { formatNumber, joinVi, lowerFirst } from '../report/format.js';
import { bonusOf, baseClause, perItemClause, totalClause } from './bonusText.js';
import { dong } from './money.js';
import { listTable } from './list.js';
import { whoCount, type ProposalInput } from './words.js';

/** The plan's decision block, or a usage error naming the key to add. */
export function decisionPlan(plan: Plan): DecisionPlan {
  if (plan.decision) return plan.decision;
  throw usageError(
    'Kế hoạch chưa có khóa "decision" (cơ quan ban hành, căn cứ, người ký của dự thảo Quyết định): thêm vào tệp kế hoạch.',
    'The plan has no "decision" key (issuer, legal bases, signer of the draft decision): add it to the plan file.',
  );
}

/** The award as Điều 1 names it: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh". */
function awardLabel(plan: Plan): string {
  return (plan.awardForms.find((f) => f.isDefault) ?? plan.awardForms[0])?.fullLabel ?? 'Bằng khen';
}

/** "Căn cứ <the campaign plan>;": the plan's own document is the last basis before the proposal. */
function campaignBasis(plan: Plan): string {
  return `Căn cứ ${plan.planDocument.trim().replace(/[.;]$/, '')};`;
}

/** "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 26 tháng 8 năm 2021." (blanks when not given) */
export function proposalReference(input: ProposalInput): string {
  const { plan, meta } = input;
  const d = decisionPlan(plan);
  const number = meta.number?.trim() ? ` ${meta.number.trim()}` : BLANK;
  const date = meta.date ? formatNd30Date(meta.date) : `ngày${BLANK}tháng${BLANK}năm ${meta.fallbackYear}`;
  return `Xét đề nghị của ${d.proposer} tại Tờ trình số${number}/${plan.agency.proposalSuffix} ${date}.`;
}

/** Điều 1's sentence, counted from the shortlist. */
export function article1(input: ProposalInput): string {
  const { plan, shortlist } = input;
  const who = whoCount(shortlist.collectives.length, shortlist.individuals.length);
  return `Tặng ${awardLabel(plan)} cho ${who} (có danh sách kèm theo), đã có thành tích xuất sắc trong ${lowerFirst(plan.title)}.`;
}

/** Điều 2's sentence: the amount per collective and per individual, the total, the fund. */
export function article2(input: ProposalInput): string {
  const bonus = bonusOf(input);
  const { collectives, individuals } = input.shortlist;
  const split = [
    collectives.length > 0 ? `${formatNumber(collectives.length)} tập thể: ${dong(bonus.collectiveTotal)}` : '',
    individuals.length > 0 ? `${formatNumber(individuals.length)} cá nhân: ${dong(bonus.individualTotal)}` : '',
  ].filter((s) => s !== '');
  return (
    `Tiền thưởng kèm theo Bằng khen: ${perItemClause(bonus)} (${baseClause(bonus)}); ${totalClause(bonus)}, gồm ${joinVi(split)}. ` +
    `Kinh phí khen thưởng chi từ ${decisionPlan(input.plan).fund}.`
  );
}

/** Điều 3's sentence, without the closing "./.". */
export function article3(plan: Plan): string {
  return `Quyết định này có hiệu lực kể từ ngày ký. ${joinVi(decisionPlan(plan).executors)} chịu trách nhiệm thi hành Quyết định này`;
}

const article = (n: number, text: string, last = false) => {
  const runs = [bold(`Điều ${n}. `), new TextRun(text)];
  return last ? endMark(runs) : body(runs);
};

const centredBold = (text: string, before: number, after: number) =>
  new Paragraph({ style: STYLE.title, spacing: { before, after }, children: [new TextRun(text)] });

/** The portrait section: from the header block to the signature. */
export function decisionBody(input: ProposalInput): (Paragraph | Table)[] {
  const { plan, meta } = input;
  const d = decisionPlan(plan);
  return [
    headerBlock({ agency: { parent: d.issuer.parent, name: d.issuer.name, place: d.issuer.place }, docNumber: null, suffix: d.issuer.suffix, date: null, fallbackYear: meta.fallbackYear }),
    ...docTitle('QUYẾT ĐỊNH', d.summary),
    centredBold(d.authorityTitle.toLocaleUpperCase('vi'), 0, 240),
    ...d.legalBases.map((b) => italicBody(b.text)),
    italicBody(campaignBasis(plan)),
    italicBody(proposalReference(input)),
    centredBold('QUYẾT ĐỊNH:', 120, 240),
    article(1, article1(input)),
    article(2, article2(input)),
    article(3, article3(plan), true),
    recipientsAndSignature({ recipients: d.recipients, signer: d.signer }),
  ];
}

/** "(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2021 của Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng)" */
export function decisionAttachmentNote(input: ProposalInput): string {
  const d = decisionPlan(input.plan);
  return `(Kèm theo Quyết định số${BLANK}/${d.issuer.suffix} ngày${BLANK}tháng${BLANK}năm ${input.meta.fallbackYear} của ${d.authorityName})`;
}

/** The landscape appendix: the same table as the Tờ trình's Danh sách. */
export function decisionList(input: ProposalInput): (Paragraph | Table)[] {
  const d = decisionPlan(input.plan);
  return [
    ...docTitle('DANH SÁCH', d.listSummary, { width: TEXT_WIDTH.landscape, note: decisionAttachmentNote(input) }),
    listTable(input),
  ];
}

export function decisionDocument(input: ProposalInput): Document {
  const d = decisionPlan(input.plan);
  return nd30Document({
    title: `Dự thảo Quyết định ${d.summary.replace(/^Về/, 'về')}`,
    subject: input.plan.title,
    sections: [
      { ...pageA4Portrait(), children: decisionBody(input) },
      { ...pageA4Landscape(), children: decisionList(input) },
    ],
  });
}
