// The "Ma trận chuyển vùng" sheet: for the province and then each district, the start → end
// zone matrix (rows: zone at the start; columns: zone at the end; a total column and a "Cộng"
// row). All units share one table, so filtering "Đơn vị" shows one unit's matrix.
import type ExcelJS from 'exceljs';
import type { Zone } from '../../core/types.js';
import type { TransitionMatrix } from '../../compile/types.js';
import type { ReportInput } from '../documentInput.js';
import { closeTable, FMT, openTable, putRow, viDate, zoneLook, type CellInput, type Column, type Look } from './sheet.js';

export const MATRIX_SHEET = 'Ma trận chuyển vùng';

function columns(zones: Zone[]): Column[] {
  return [
    { header: 'Mã', width: 7 },
    { header: 'Đơn vị', width: 26 },
    { header: 'Vùng đầu kỳ \\ Vùng cuối kỳ', width: 16 },
    ...zones.map((z) => ({ header: z.label, width: 12, fill: z.color })),
    { header: 'Tổng', width: 10 },
  ];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** One unit's block: a row per start zone, then the column totals; returns the last row used. */
function block(ws: ExcelJS.Worksheet, row: number, unit: { code: string; name: string }, m: TransitionMatrix, zones: Zone[], bold: boolean): number {
  const int: Look = { bold, numFmt: FMT.int };
  const head: Look[] = [{ bold }, { bold }];
  const numbers = Array<Look>(zones.length + 1).fill(int);
  zones.forEach((z, i) => {
    const counts = m.counts[i] ?? zones.map(() => 0);
    const values: CellInput[] = [unit.code, unit.name, z.label, ...counts, sum(counts)];
    putRow(ws, ++row, values, [...head, zoneLook(z, { bold }), ...numbers]);
  });
  const columnTotals = zones.map((_, j) => sum(m.counts.map((r) => r[j] ?? 0)));
  putRow(ws, ++row, [unit.code, unit.name, 'Cộng', ...columnTotals, m.total], [...head, { bold: true, center: true }, ...Array<Look>(zones.length + 1).fill({ bold: true, numFmt: FMT.int })]);
  return row;
}

export function matrixSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const { plan, results } = input;
  const zones = plan.zoneScale.zones;
  const title = `MA TRẬN CHUYỂN VÙNG từ ${viDate(results.period.from)} đến ${viDate(results.period.to)} (chỉ tính xã có số liệu cả đầu kỳ và cuối kỳ)`;
  const frame = openTable(wb, MATRIX_SHEET, title, columns(zones), 3);
  const p = results.province;
  let row = block(frame.ws, frame.headerRow, { code: p.code, name: `Toàn tỉnh ${p.name}` }, p.transitions, zones, true);
  for (const d of results.districts) row = block(frame.ws, row, d, d.transitions, zones, false);
  closeTable(frame, row);
}
