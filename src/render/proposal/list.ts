// The DANH SÁCH attached to the Tờ trình (landscape): title, "(Kèm theo Tờ trình số …)", and
// one table with I. TẬP THỂ and II. CÁ NHÂN, each numbered from 1, the header row repeated on
// every page, the bonus of each line and a total row. The Quyết định's appendix reuses the table.
import type { Paragraph, Table } from 'docx';
import { BLANK, TEXT_WIDTH, dataTable, docTitle, formatNd30Date, italicBody, mm, type DataCell, type DataColumn } from '../../docx/nd30.js';
import { collectiveNote, collectiveUnit, nominatedBy, positionAndUnit, shortAwardForm, whoCount, type ProposalInput } from './words.js';
import { proposalSummary } from './letter.js';
import { bonusOf } from './bonusText.js';
import { formatNumber } from '../report/format.js';

/** Number of columns: STT | Tên | Chức vụ, đơn vị | Tóm tắt thành tích | Hình thức | Số tiền | Ghi chú. */
const COLUMNS = 7;

/** Widths in millimetres; scaled to the landscape text width exactly. */
export const LIST_COLUMNS: DataColumn[] = [
  { header: 'STT', width: mm(11), align: 'center' },
  { header: 'Tên tập thể / Họ và tên', width: mm(50), align: 'left' },
  { header: 'Chức vụ, đơn vị', width: mm(36), align: 'left' },
  { header: 'Tóm tắt thành tích', width: mm(69), align: 'left' },
  // Wide enough for "Bằng khen của Chủ tịch UBND tỉnh" on two lines, which sets most rows' height.
  { header: 'Hình thức khen thưởng', width: mm(40), align: 'center' },
  { header: 'Số tiền (đồng)', width: mm(24), align: 'right' },
  { header: 'Ghi chú', width: mm(22), align: 'center' },
];

export const GROUP_COLLECTIVES = 'I. TẬP THỂ';
export const GROUP_INDIVIDUALS = 'II. CÁ NHÂN';
export const NONE = '(Không có)';
export const TOTAL_LABEL = 'Tổng cộng';

/** "(Kèm theo Tờ trình số 45/TTr-SNV ngày 26 tháng 8 năm 2021 của Sở Nội vụ)", blanks where not known yet. */
export function attachmentNote(input: ProposalInput): string {
  const { plan, meta } = input;
  const number = meta.number !== null && meta.number.trim() !== '' ? ` ${meta.number.trim()}` : BLANK;
  const date = meta.date ? formatNd30Date(meta.date) : `ngày${BLANK}tháng${BLANK}năm ${meta.fallbackYear}`;
  return `(Kèm theo Tờ trình số${number}/${plan.agency.proposalSuffix} ${date} của ${plan.agency.nameFull})`;
}

function groupRow(text: string): DataCell[] {
  return [{ text, bold: true, span: COLUMNS, align: 'left' }];
}

function noneRow(): DataCell[] {
  return ['', { text: NONE, italic: true, span: COLUMNS - 1, align: 'left' }];
}

function collectiveRows(input: ProposalInput): DataCell[][] {
  const { plan, registry, shortlist } = input;
  const money = bonusOf(input).collectives;
  return shortlist.collectives.map((c, i) => [
    String(i + 1),
    c.name,
    collectiveUnit(registry, c),
    c.achievement,
    shortAwardForm(plan, c.awardForm),
    formatNumber(money[i]),
    collectiveNote(registry, c),
  ]);
}

function individualRows(input: ProposalInput): DataCell[][] {
  const { plan, registry, shortlist } = input;
  const money = bonusOf(input).individuals;
  return shortlist.individuals.map((p, i) => [
    String(i + 1),
    p.name,
    positionAndUnit(p),
    p.achievement,
    shortAwardForm(plan, p.awardForm),
    formatNumber(money[i]),
    // Every individual comes from a district's nomination.
    nominatedBy(registry, p.districtCode),
  ]);
}

/** "Tổng cộng (34 tập thể, 21 cá nhân)" and the sum of the Số tiền column. */
function totalRow(input: ProposalInput): DataCell[] {
  const { shortlist } = input;
  const who = whoCount(shortlist.collectives.length, shortlist.individuals.length).replace(' và ', ', ');
  return [
    { text: who === '' ? TOTAL_LABEL : `${TOTAL_LABEL} (${who})`, span: COLUMNS - 2, align: 'center' },
    formatNumber(bonusOf(input).total),
    '',
  ];
}

/** The table: I. TẬP THỂ, the collectives; II. CÁ NHÂN, the individuals; "(Không có)" for an empty group; the total. */
export function listTable(input: ProposalInput): Table {
  const collectives = collectiveRows(input);
  const individuals = individualRows(input);
  return dataTable({
    totalRow: totalRow(input),
    columns: LIST_COLUMNS,
    rows: [
      groupRow(GROUP_COLLECTIVES),
      ...(collectives.length > 0 ? collectives : [noneRow()]),
      groupRow(GROUP_INDIVIDUALS),
      ...(individuals.length > 0 ? individuals : [noneRow()]),
    ],
    headerRepeat: true,
    fitTo: TEXT_WIDTH.landscape,
  });
}

/** The landscape section's children. */
export function list(input: ProposalInput): (Paragraph | Table)[] {
  const { shortlist } = input;
  const who = whoCount(shortlist.collectives.length, shortlist.individuals.length);
  return [
    ...docTitle('DANH SÁCH', proposalSummary(input).replace(/^Về việc đề nghị/, 'Đề nghị'), {
      width: TEXT_WIDTH.landscape,
      note: attachmentNote(input),
    }),
    listTable(input),
    italicBody(who === '' ? '(Danh sách không có tập thể, cá nhân nào.)' : `(Danh sách có ${who}.)`),
  ];
}
