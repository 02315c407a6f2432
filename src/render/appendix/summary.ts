// The "Tổng hợp" sheet: the province and each district on one row: communes by zone at the
// start and end, the share of green, the 2686 level (tham khảo), the categories, and whether
// the district submitted and with how many errors and warnings.
import type ExcelJS from 'exceljs';
import type { Zone } from '../../core/types.js';
import type { DistrictLevel, ZoneCounts, ZoneSummary } from '../../compile/types.js';
import type { ReportInput } from '../documentInput.js';
import { closeTable, FMT, openTable, putRow, viDate, zoneLook, type CellInput, type Column, type Look } from './sheet.js';
import { levelText, provinceWords } from './words.js';

export const SUMMARY_SHEET = 'Tổng hợp';

function columns(zones: Zone[]): Column[] {
  const byZone = (when: string): Column[] => [
    ...zones.map((z) => ({ header: `${when}: ${z.label}`, width: 11, fill: z.color })),
    { header: `${when}: chưa có số liệu`, width: 11 },
  ];
  return [
    { header: 'Mã', width: 7 },
    { header: 'Đơn vị', width: 26 },
    { header: 'Số xã, phường, thị trấn', width: 11 },
    ...byZone('Đầu kỳ'),
    ...byZone('Cuối kỳ'),
    { header: 'Tỷ lệ xã vùng xanh đầu kỳ (trên tổng số xã)', width: 12 },
    { header: 'Tỷ lệ xã vùng xanh cuối kỳ (trên tổng số xã)', width: 12 },
    { header: 'Cấp độ dịch đầu kỳ (QĐ 2686, tham khảo)', width: 20 },
    { header: 'Cấp độ dịch cuối kỳ (QĐ 2686, tham khảo)', width: 20 },
    { header: 'Giữ vững vùng xanh', width: 11 },
    { header: 'Chuyển sang vùng nguy cơ thấp hơn', width: 12 },
    { header: 'Trong đó: chuyển sang vùng xanh', width: 12 },
    { header: 'Chuyển sang vùng nguy cơ cao hơn', width: 12 },
    { header: 'Vùng xanh nhưng không giữ vững', width: 12 },
    { header: 'Không thay đổi', width: 11 },
    { header: 'Chưa có số liệu đầu kỳ hoặc cuối kỳ', width: 12 },
    { header: 'Đã gửi báo cáo', width: 10 },
    { header: 'Số lỗi', width: 10 },
    { header: 'Số cảnh báo', width: 10 },
  ];
}

interface UnitRow {
  code: string;
  name: string;
  summary: ZoneSummary;
  level: { start: DistrictLevel | null; end: DistrictLevel | null } | null;
  submitted: string;
  errors: number;
  warnings: number;
}

const counts = (c: ZoneCounts): number[] => [...c.byZone.map((z) => z.count), c.noData];

function unitValues(u: UnitRow): CellInput[] {
  const s = u.summary;
  const k = s.categories;
  return [
    u.code, u.name, s.communeCount, ...counts(s.start), ...counts(s.end),
    s.greenShare.start.ofAll, s.greenShare.end.ofAll,
    levelText(u.level?.start ?? null), levelText(u.level?.end ?? null),
    k['held-green'], k.improved, k.becameGreen, k.worsened, k['green-not-held'], k.unchanged, k['no-data'],
    u.submitted, u.errors, u.warnings,
  ];
}

function unitLooks(u: UnitRow, zones: Zone[], bold: boolean): Look[] {
  const int: Look = { bold, numFmt: FMT.int };
  const zoneCols = (zones.length + 1) * 2;
  const zoneOf = (l: DistrictLevel | null) => zones.find((z) => z.code === l?.zone);
  return [
    { bold }, { bold }, int, ...Array<Look>(zoneCols).fill(int),
    { bold, numFmt: FMT.pct }, { bold, numFmt: FMT.pct },
    zoneLook(zoneOf(u.level?.start ?? null), { bold }), zoneLook(zoneOf(u.level?.end ?? null), { bold }),
    ...Array<Look>(7).fill(int),
    { bold, center: true }, int, int,
  ];
}

/** Build the sheet; the province first (bold), then the districts in code order. */
export function summarySheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const { plan, results } = input;
  const zones = plan.zoneScale.zones;
  const { from, to } = results.period;
  const title = `KẾT QUẢ PHÂN VÙNG ${provinceWords(plan.province).toUpperCase()} từ ${viDate(from)} đến ${viDate(to)}`;
  const frame = openTable(wb, SUMMARY_SHEET, title, columns(zones), 2);
  const p = results.province;
  const units: UnitRow[] = [
    {
      code: p.code, name: `Toàn tỉnh ${p.name}`, summary: p, level: null,
      submitted: `${results.submissions.submitted.length}/${p.districtCount}`,
      errors: results.districts.reduce((n, d) => n + d.submission.errorCount, 0),
      warnings: results.districts.reduce((n, d) => n + d.submission.warningCount, 0),
    },
    ...results.districts.map((d) => ({
      code: d.code, name: d.name, summary: d, level: d.level2686,
      submitted: d.submission.submitted ? 'Có' : d.submission.documents.length > 0 ? 'Chỉ văn bản' : 'Chưa', errors: d.submission.errorCount, warnings: d.submission.warningCount,
    })),
  ];
  let row = frame.headerRow;
  units.forEach((u, i) => putRow(frame.ws, ++row, unitValues(u), unitLooks(u, zones, i === 0)));
  closeTable(frame, row);
}
