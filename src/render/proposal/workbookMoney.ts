// The "Tiền thưởng" sheet of the clerk's workbook: the bonus by award form and kind (count ×
// amount = sum), the total the Quyết định's Điều 2 states, and where each figure comes from,
// for the finance department (Sở Tài chính) that pays it.
import type ExcelJS from 'exceljs';
import type { Bonus } from '../../shortlist/bonus.js';
import { FMT, closeTable, openTable, putRow, text, viDate, type CellInput, type Column, type Look } from '../appendix/sheet.js';
import { formatNumber } from '../report/format.js';
import type { BonusInput } from './bonusText.js';
import { moneyWords } from './money.js';
import { shortAwardForm } from './words.js';

export const MONEY_SHEET = 'Tiền thưởng';

const COLUMNS: Column[] = [
  { header: 'Hình thức khen thưởng', width: 34 },
  { header: 'Đối tượng', width: 12 },
  { header: 'Số lượng', width: 10 },
  { header: 'Mức thưởng (đồng)', width: 18 },
  { header: 'Thành tiền (đồng)', width: 20 },
  { header: 'Căn cứ', width: 60 },
];

const INT: Look = { numFmt: FMT.int };
const LOOKS: Look[] = [{ wrap: true }, { center: true }, INT, INT, INT, { wrap: true }];
const BOLD_LOOKS = LOOKS.map((l) => ({ ...l, bold: true }));

/** One row per award form and kind that the shortlist uses: count, amount, count × amount. */
function rows(input: BonusInput, bonus: Bonus): CellInput[][] {
  const out: CellInput[][] = [];
  for (const rate of bonus.rates) {
    const collectives = input.shortlist.collectives.filter((c) => c.awardForm === rate.formLabel).length;
    const individuals = input.shortlist.individuals.filter((p) => p.awardForm === rate.formLabel).length;
    const form = text(shortAwardForm(input.plan, rate.formLabel));
    if (collectives > 0) out.push([form, 'Tập thể', collectives, rate.collective, collectives * rate.collective, text(rate.source)]);
    if (individuals > 0) out.push([form, 'Cá nhân', individuals, rate.individual, individuals * rate.individual, text(rate.source)]);
  }
  return out;
}

/** Lines under the table: the base salary, the rounding, the date it applies to, the total in words. */
function notes(bonus: Bonus): string[] {
  return [
    `Mức lương cơ sở: ${formatNumber(bonus.baseSalary.amount)} đồng, áp dụng từ ngày ${viDate(bonus.baseSalary.from)} (${bonus.baseSalary.source}).`,
    `Làm tròn lên hàng ${formatNumber(bonus.rounding.step)} đồng (${bonus.rounding.source}).`,
    `Ngày tính mức lương cơ sở: ${viDate(bonus.onDate)} (ngày tờ trình; khi chưa có, ngày cuối đợt thi đua).`,
    `Tổng số tiền bằng chữ: ${moneyWords(bonus.total)}.`,
  ];
}

export function moneySheet(wb: ExcelJS.Workbook, input: BonusInput, bonus: Bonus): void {
  const frame = openTable(wb, MONEY_SHEET, 'Tiền thưởng kèm theo Bằng khen (để Sở Tài chính chi trả)', COLUMNS);
  let row = frame.headerRow;
  const body = rows(input, bonus);
  for (const values of body) putRow(frame.ws, ++row, values, LOOKS);
  closeTable(frame, row);
  const count = input.shortlist.collectives.length + input.shortlist.individuals.length;
  putRow(frame.ws, ++row, ['Tổng cộng', null, count, null, bonus.total, null], BOLD_LOOKS);
  row += 1;
  for (const line of notes(bonus)) frame.ws.getCell(++row, 1).value = text(line);
  frame.ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
