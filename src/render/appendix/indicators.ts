// The "Chỉ tiêu" sheet: the plan's campaign indicators by district (a column each, unit in the
// header), the province total, and below, the indicators districts reported on their own
// (kept by label, not added into the province total).
import type ExcelJS from 'exceljs';
import type { Indicator } from '../../core/types.js';
import type { DistrictResult } from '../../compile/types.js';
import type { ReportInput } from '../documentInput.js';
import { closeTable, FMT, HEADER_FILL, openTable, putRow, text, viDate, type CellInput, type Column, type Look } from './sheet.js';

export const INDICATORS_SHEET = 'Chỉ tiêu';

/** Money and whole counts as "#,##0"; a column holding fractions keeps two decimals. */
function formatOf(ind: Indicator, districts: DistrictResult[]): string {
  if (ind.money) return FMT.int;
  const whole = districts.every((d) => d.indicators.every((t) => t.code !== ind.code || Number.isInteger(t.value)));
  return whole ? FMT.int : FMT.decimal;
}

function columns(indicators: Indicator[]): Column[] {
  return [
    { header: 'Mã', width: 7 },
    { header: 'Huyện', width: 26 },
    ...indicators.map((i) => ({ header: `${i.label} (${i.unit})`, width: i.money ? 18 : 14 })),
  ];
}

/** Districts' own indicators, under a header of their own; returns the last row used. */
function ownIndicators(ws: ExcelJS.Worksheet, row: number, districts: DistrictResult[]): number {
  const own = districts.flatMap((d) => d.indicators.filter((t) => t.code === null).map((t) => ({ d, t })));
  if (own.length === 0) return row;
  row += 2;
  ws.getCell(row, 1).value = 'Chỉ tiêu khác do huyện báo cáo (không cộng vào tổng toàn tỉnh)';
  ws.getCell(row, 1).font = { name: 'Times New Roman', size: 11, bold: true, italic: true };
  const head: Look = { bold: true, wrap: true, center: true, fill: HEADER_FILL };
  putRow(ws, ++row, ['Mã', 'Huyện', 'Chỉ tiêu', 'Đơn vị', 'Giá trị', 'Số dòng'], head);
  for (const { d, t } of own) {
    const fmt = Number.isInteger(t.value) ? FMT.int : FMT.decimal;
    putRow(ws, ++row, [d.code, d.name, text(t.label), text(t.unit), t.value, t.rows], [{}, {}, { wrap: true }, {}, { numFmt: fmt }, { numFmt: FMT.int }]);
  }
  return row;
}

export function indicatorsSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const { plan, results } = input;
  const indicators = plan.indicators;
  const title = `CHỈ TIÊU PHONG TRÀO THI ĐUA từ ${viDate(results.period.from)} đến ${viDate(results.period.to)}`;
  const frame = openTable(wb, INDICATORS_SHEET, title, columns(indicators), 2);
  const formats = indicators.map((i) => formatOf(i, results.districts));
  const looks = (bold: boolean): Look[] => [{ bold }, { bold }, ...formats.map((numFmt) => ({ bold, numFmt }))];
  let row = frame.headerRow;
  for (const d of results.districts) {
    // A district that did not report an indicator gets an empty cell, not a 0.
    const values: CellInput[] = indicators.map((i) => d.indicators.find((t) => t.code === i.code)?.value ?? null);
    putRow(frame.ws, ++row, [d.code, d.name, ...values], looks(false));
  }
  const lastDistrictRow = row;
  const p = results.province;
  const totals = indicators.map((i) => p.indicators.find((t) => t.code === i.code)?.value ?? 0);
  putRow(frame.ws, ++row, [p.code, `Toàn tỉnh ${p.name}`, ...totals], looks(true));
  const reporting = indicators.map((i) => p.indicators.find((t) => t.code === i.code)?.districts ?? 0);
  putRow(frame.ws, ++row, [null, 'Số huyện báo cáo', ...reporting], [{}, { center: true }, ...indicators.map(() => ({ numFmt: FMT.int }))]);
  ownIndicators(frame.ws, row, results.districts);
  closeTable(frame, lastDistrictRow);
}
