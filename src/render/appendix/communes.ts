// The "Từng xã" sheet: every commune of the register on one row, with its zone (coloured) and
// the date of the assessment it comes from at each end of the period, and what happened.
// A whole country is ~10,600 rows, so looks are resolved once per zone, not per cell.
import type ExcelJS from 'exceljs';
import type { Zone } from '../../core/types.js';
import type { CommuneResult } from '../../compile/types.js';
import type { ReportInput } from '../documentInput.js';
import { zoneByCode } from '../../data/plan.js';
import { closeTable, excelDate, FMT, openTable, putRow, text, viDate, yesNo, zoneLook, type Column, type Look } from './sheet.js';
import { CATEGORY_VI, provinceWords, resultText } from './words.js';

export const COMMUNES_SHEET = 'Từng xã';

export const COMMUNE_COLUMNS: Column[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã xã', width: 8 },
  { header: 'Xã, phường, thị trấn', width: 24 },
  { header: 'Mã huyện', width: 8 },
  { header: 'Huyện', width: 22 },
  { header: 'Vùng đầu kỳ', width: 12 },
  { header: 'Ngày', width: 11 },
  { header: 'Vùng cuối kỳ', width: 12 },
  { header: 'Ngày', width: 11 },
  { header: 'Số lần đánh giá trong kỳ', width: 10 },
  { header: 'Phân loại', width: 24 },
  { header: 'Kết quả', width: 40 },
  { header: 'Đủ điều kiện khen thưởng', width: 11 },
];

const PLAIN: Look = {};
const INT: Look = { numFmt: FMT.int };
const DATE: Look = { numFmt: FMT.date, center: true };
const CENTER: Look = { center: true };

function values(c: CommuneResult, index: number, zones: Map<string, Zone>) {
  const label = (code: string | undefined) => (code ? zones.get(code)?.label ?? code : null);
  return [
    index + 1, c.code, text(c.name), c.districtCode, text(c.districtName),
    label(c.start?.zone), excelDate(c.start?.date), label(c.end?.zone), excelDate(c.end?.date),
    c.assessmentsInPeriod, CATEGORY_VI[c.category], resultText(c, zones), yesNo(c.qualifies),
  ];
}

export function communesSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const { plan, results } = input;
  const zones = zoneByCode(plan);
  const { from, to } = results.period;
  const title = `KẾT QUẢ PHÂN VÙNG TỪNG XÃ, PHƯỜNG, THỊ TRẤN ${provinceWords(plan.province).toUpperCase()} từ ${viDate(from)} đến ${viDate(to)}`;
  const frame = openTable(wb, COMMUNES_SHEET, title, COMMUNE_COLUMNS, 3);
  const zoneLooks = new Map([...zones.values()].map((z) => [z.code, zoneLook(z)]));
  const zoneCell = (code: string | undefined) => (code ? zoneLooks.get(code) ?? CENTER : CENTER);
  let row = frame.headerRow;
  results.communes.forEach((c, i) => {
    const looks = [INT, PLAIN, PLAIN, PLAIN, PLAIN, zoneCell(c.start?.zone), DATE, zoneCell(c.end?.zone), DATE, INT, PLAIN, PLAIN, CENTER];
    putRow(frame.ws, ++row, values(c, i, zones), looks);
  });
  closeTable(frame, row);
}
