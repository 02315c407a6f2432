// The list sheets of the appendix workbook: difficulties and proposals by district, every
// input file read (with its SHA-256), and every issue found.
import type ExcelJS from 'exceljs';
import type { CellPointer } from '../../core/types.js';
import type { ReportInput } from '../documentInput.js';
import { closeTable, ERROR_FILL, FMT, openTable, putRow, text, viDate, WARNING_FILL, yesNo, type Look } from './sheet.js';

export const DIFFICULTIES_SHEET = 'Khó khăn, kiến nghị';
export const SOURCES_SHEET = 'Nguồn dữ liệu';
export const ISSUES_SHEET = 'Lỗi';

const WRAP: Look = { wrap: true };
const CENTER: Look = { center: true };
const INT: Look = { numFmt: FMT.int };

/** "ke-sach.xlsx, trang Khó khăn, ô B7". */
export function pointerText(at: CellPointer): string {
  const parts = [at.file];
  if (at.sheet) parts.push(`trang ${at.sheet}`);
  if (at.cell) parts.push(`ô ${at.cell}`);
  else if (at.row !== null) parts.push(`dòng ${at.row}`);
  return parts.join(', ');
}

export function difficultiesSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const { results } = input;
  const frame = openTable(wb, DIFFICULTIES_SHEET, `KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ CỦA CÁC HUYỆN từ ${viDate(results.period.from)} đến ${viDate(results.period.to)}`, [
    { header: 'Huyện', width: 22 },
    { header: 'STT', width: 6 },
    { header: 'Nội dung', width: 70 },
    { header: 'Ghi chú', width: 25 },
    { header: 'Nguồn (tệp, trang, ô)', width: 36 },
  ]);
  let row = frame.headerRow;
  for (const d of results.difficulties) {
    d.items.forEach((item, i) => {
      putRow(frame.ws, ++row, [text(d.districtName), i + 1, text(item.content), text(item.note), text(pointerText(item.at))], [WRAP, INT, WRAP, WRAP, WRAP]);
    });
  }
  closeTable(frame, row);
}

const FORMAT_VI = { xlsx: 'Excel (.xlsx)', xlsb: 'Excel (.xlsb)', xls: 'Excel 97–2003 (.xls)', ods: 'LibreOffice (.ods)', html: 'HTML (.xls)', xml: 'Excel 2003 XML', csv: 'CSV' } as const;

function districtName(input: ReportInput, code: string | null): string | null {
  if (!code) return null;
  return input.registry.districts.get(code)?.name ?? code;
}

export function sourcesSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const frame = openTable(wb, SOURCES_SHEET, `CÁC TỆP SỐ LIỆU ĐÃ NHẬN (${input.sources.length} tệp)`, [
    { header: 'Tệp', width: 40 },
    { header: 'Huyện', width: 22 },
    { header: 'Định dạng', width: 12 },
    { header: 'Mã hóa', width: 12 },
    { header: 'Số dòng', width: 10 },
    { header: 'Lỗi', width: 8 },
    { header: 'Cảnh báo', width: 10 },
    { header: 'SHA-256', width: 68 },
    { header: 'Đọc được', width: 10 },
    { header: 'Dòng dùng', width: 10 },
    { header: 'Dòng loại vì lỗi', width: 10 },
    { header: 'Dòng bỏ qua', width: 10 },
    { header: 'Ghi chú (tệp chưa đọc, cách xác định huyện, dòng bỏ qua)', width: 50 },
  ], 1);
  let row = frame.headerRow;
  for (const s of input.sources) {
    const l = s.ledger;
    const values = [text(s.path), text(districtName(input, s.districtCode)), s.format ? FORMAT_VI[s.format] : null, text(s.encoding), s.rows, s.errors, s.warnings, text(s.sha256), yesNo(!s.unreadable && s.format !== null), l?.used ?? null, l?.excluded ?? null, l?.skipped ?? null, text(s.note ?? null)];
    const readable: Look = s.unreadable || s.format === null ? { center: true, fill: s.unreadable ? ERROR_FILL : WARNING_FILL } : CENTER;
    putRow(frame.ws, ++row, values, [WRAP, {}, CENTER, CENTER, INT, INT, INT, {}, readable, INT, INT, INT, WRAP]);
  }
  closeTable(frame, row);
}

/** At most this many issues are listed: a national file can hold hundreds of thousands. */
export const ISSUE_ROWS_MAX = 10_000;

const vn = (n: number) => n.toLocaleString('vi-VN');

export function issuesSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const total = Math.max(input.issues.length, input.issueTotal ?? 0);
  const listed = Math.min(ISSUE_ROWS_MAX, input.issues.length);
  const capped = total > listed ? ` — liệt kê ${vn(listed)} dòng đầu` : '';
  const frame = openTable(wb, ISSUES_SHEET, `CÁC LỖI VÀ CẢNH BÁO TRONG SỐ LIỆU (${total})${capped}`, [
    { header: 'Tệp', width: 34 },
    { header: 'Huyện', width: 22 },
    { header: 'Mã lỗi', width: 22 },
    { header: 'Mức độ', width: 10 },
    { header: 'Trang', width: 16 },
    { header: 'Ô', width: 7 },
    { header: 'Giá trị', width: 22 },
    { header: 'Nội dung', width: 70 },
  ]);
  const severity = { error: { center: true, fill: ERROR_FILL }, warning: { center: true, fill: WARNING_FILL } } as const;
  let row = frame.headerRow;
  for (const i of input.issues.slice(0, ISSUE_ROWS_MAX)) {
    const values = [text(i.path), text(districtName(input, i.districtCode)), i.code, i.severity === 'error' ? 'Lỗi' : 'Cảnh báo', text(i.sheet), text(i.cell), text(i.value), text(i.message)];
    putRow(frame.ws, ++row, values, [WRAP, {}, {}, severity[i.severity], {}, CENTER, WRAP, WRAP]);
  }
  const lastListed = row;
  if (total > listed) {
    const more = `… và ${vn(total - listed)} lỗi, cảnh báo khác không liệt kê ở đây (trang này liệt kê ${vn(listed)} dòng đầu trong ${vn(total)}). Chạy "thidua validate" trên các tệp để xem đủ.`;
    putRow(frame.ws, ++row, [text(more)], [WRAP]);
  }
  closeTable(frame, lastListed, 0, row);
}
