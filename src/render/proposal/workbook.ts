// The clerk's workbook of the shortlist (issue 4 output 2): everyone proposed, and every
// nomination left out with the reason and the cell it came from. For Sở Nội vụ only, never
// sent to UBND tỉnh. Building is pure; workbookBytes (appendix.ts) packs it deterministically.
import type ExcelJS from 'exceljs';
import { workbookBytes } from '../appendix.js';
import { REASON_TEXT } from '../../shortlist/eligibility.js';
import type { LeftOut } from '../../shortlist/types.js';
import { closeTable, openTable, stampedWorkbook, putRow, text, type CellInput, type Column, type Look } from '../appendix/sheet.js';
import { cellRef, communeName, districtName, positionAndUnit, shortAwardForm, type LeftOutInput } from './words.js';
import { FMT } from '../appendix/sheet.js';
import { bonusOf, type BonusInput } from './bonusText.js';
import { MONEY_SHEET, moneySheet } from './workbookMoney.js';

export { workbookBytes };

/** The clerk's workbook as .xlsx bytes that depend only on its content (fixed dates inside and on the zip entries). */
export const leftOutBytes = (wb: ExcelJS.Workbook): Promise<Buffer> => workbookBytes(wb);

export const PROPOSED_SHEET = 'Đề nghị';
export const LEFT_OUT_SHEET = 'Không đề nghị';
export const INTERNAL_NOTE = 'Danh sách nội bộ, không gửi UBND tỉnh';
export { MONEY_SHEET };

const KIND = { collective: 'Tập thể', individual: 'Cá nhân' } as const;
const SOURCE = { auto: 'Tự động', nomination: 'Huyện đề nghị' } as const;

const PROPOSED_COLUMNS: Column[] = [
  { header: 'STT', width: 6 },
  { header: 'Loại', width: 10 },
  { header: 'Tên', width: 42 },
  { header: 'Chức vụ, đơn vị', width: 34 },
  { header: 'Huyện', width: 20 },
  { header: 'Xã', width: 18 },
  { header: 'Nguồn', width: 14 },
  { header: 'Thành tích', width: 70 },
  { header: 'Hình thức', width: 30 },
  { header: 'Số tiền (đồng)', width: 16 },
  { header: 'Tệp', width: 28 },
  { header: 'Ô', width: 22 },
];

const LEFT_OUT_COLUMNS: Column[] = [
  { header: 'STT', width: 6 },
  { header: 'Loại', width: 10 },
  { header: 'Tên', width: 42 },
  { header: 'Huyện', width: 20 },
  { header: 'Xã', width: 18 },
  { header: 'Lý do', width: 50 },
  { header: 'Mã lý do', width: 20 },
  { header: 'Tệp', width: 28 },
  { header: 'Ô', width: 22 },
];

const CENTER: Look = { center: true };
const MONEY: Look = { numFmt: FMT.int };
const PLAIN: Look = {};
const WRAP: Look = { wrap: true };

/** Looks of the "Đề nghị" columns: numbers and short codes centred, long text wrapped. */
const PROPOSED_LOOKS: Look[] = [CENTER, CENTER, WRAP, WRAP, PLAIN, PLAIN, CENTER, WRAP, WRAP, MONEY, PLAIN, PLAIN];
const LEFT_OUT_LOOKS: Look[] = [CENTER, CENTER, WRAP, PLAIN, PLAIN, WRAP, PLAIN, PLAIN, PLAIN];

/** Points per line of 11 pt text, and characters of Times New Roman per unit of column width. */
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.15;

/**
 * An explicit height for a row whose wrapped cells take several lines: LibreOffice does not
 * grow rows to fit wrapped text on opening, and Excel keeps what it is given.
 */
function fitRowHeight(ws: ExcelJS.Worksheet, rowNumber: number, columns: Column[], looks: Look[]): void {
  const row = ws.getRow(rowNumber);
  let lines = 1;
  columns.forEach((c, i) => {
    const v = row.getCell(i + 1).value;
    if (!looks[i]?.wrap || typeof v !== 'string') return;
    const perLine = Math.max(1, Math.floor(c.width * CHARS_PER_WIDTH));
    const needed = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  if (lines > 1) row.height = lines * LINE_HEIGHT;
}

function proposedSheet(wb: ExcelJS.Workbook, input: BonusInput): void {
  const { registry, shortlist } = input;
  const bonus = bonusOf(input);
  const frame = openTable(wb, PROPOSED_SHEET, `Danh sách đề nghị khen thưởng (${INTERNAL_NOTE})`, PROPOSED_COLUMNS);
  let row = frame.headerRow;
  let n = 0;
  for (const c of shortlist.collectives) {
    const values: CellInput[] = [
      ++n, KIND.collective, text(c.name), null, text(districtName(registry, c.districtCode)), text(communeName(registry, c.communeCode)),
      SOURCE[c.source], text(c.achievement), text(shortAwardForm(input.plan, c.awardForm)), bonus.collectives[n - 1], text(c.at?.file), text(cellRef(c.at)),
    ];
    putRow(frame.ws, ++row, values, PROPOSED_LOOKS);
    fitRowHeight(frame.ws, row, PROPOSED_COLUMNS, PROPOSED_LOOKS);
  }
  for (const p of shortlist.individuals) {
    const values: CellInput[] = [
      ++n, KIND.individual, text(p.name), text(positionAndUnit(p)), text(districtName(registry, p.districtCode)), text(communeName(registry, p.communeCode)),
      SOURCE.nomination, text(p.achievement), text(shortAwardForm(input.plan, p.awardForm)), bonus.individuals[n - 1 - shortlist.collectives.length], text(p.at.file), text(cellRef(p.at)),
    ];
    putRow(frame.ws, ++row, values, PROPOSED_LOOKS);
    fitRowHeight(frame.ws, row, PROPOSED_COLUMNS, PROPOSED_LOOKS);
  }
  // The total sits below the filtered range, so filtering never hides or sums it twice; it is printed.
  closeTable(frame, row, 0, row + 1);
  const total: CellInput[] = [null, null, TOTAL_TEXT, null, null, null, null, null, null, bonus.total, null, null];
  putRow(frame.ws, row + 1, total, PROPOSED_LOOKS.map((l) => ({ ...l, bold: true })));
}

/** Label of the last row of "Đề nghị": the finance department's sum. */
export const TOTAL_TEXT = 'Tổng cộng';

function leftOutRow(input: LeftOutInput, l: LeftOut, n: number): CellInput[] {
  const { registry } = input;
  return [
    n, l.kind ? KIND[l.kind] : 'Không rõ', text(l.name), text(districtName(registry, l.districtCode)), text(communeName(registry, l.communeCode)),
    text(l.detail || REASON_TEXT[l.reason]), l.reason, text(l.at.file), text(cellRef(l.at)),
  ];
}

function leftOutSheet(wb: ExcelJS.Workbook, input: LeftOutInput): void {
  const frame = openTable(wb, LEFT_OUT_SHEET, `Các đề nghị không đưa vào danh sách (${INTERNAL_NOTE})`, LEFT_OUT_COLUMNS);
  let row = frame.headerRow;
  input.shortlist.leftOut.forEach((l, i) => {
    putRow(frame.ws, ++row, leftOutRow(input, l, i + 1), LEFT_OUT_LOOKS);
    fitRowHeight(frame.ws, row, LEFT_OUT_COLUMNS, LEFT_OUT_LOOKS);
  });
  closeTable(frame, row);
}

/** The clerk's workbook; nothing is written. Its dates are the period's end, never the clock. */
export function leftOutWorkbook(input: BonusInput): ExcelJS.Workbook {
  const wb = stampedWorkbook(`Danh sách đề nghị khen thưởng ${input.plan.shortTitle}`, input.results.period.to);
  proposedSheet(wb, input);
  leftOutSheet(wb, input);
  moneySheet(wb, input, bonusOf(input));
  return wb;
}
