// Filling a blank district workbook the way a district clerk would, with exceljs: a zone for
// every prefilled row, two nominations, every indicator value and one difficulty.
import ExcelJS from 'exceljs';
import type { Commune } from '../../src/core/types.js';

const HEADER_ROW = 5;

function columnOf(ws: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  ws.getRow(HEADER_ROW).eachCell((cell, col) => {
    if (cell.value === label) found = col;
  });
  if (!found) throw new Error(`no column "${label}" in ${ws.name}`);
  return found;
}

function set(ws: ExcelJS.Worksheet, row: number, values: Record<string, ExcelJS.CellValue>): void {
  for (const [label, value] of Object.entries(values)) ws.getRow(row).getCell(columnOf(ws, label)).value = value;
}

/** Reads a workbook, fills it in, returns the new bytes. */
export async function fillTemplate(bytes: Buffer, communes: Commune[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const zones = wb.getWorksheet('Phân vùng')!;
  for (let r = HEADER_ROW + 1; zones.getRow(r).getCell(2).value; r++) {
    const first = zones.getRow(r).getCell(4).value instanceof Date && (zones.getRow(r).getCell(4).value as Date).getUTCDate() === 15;
    set(zones, r, { 'Vùng': first && r % 3 === 0 ? 'Vùng vàng' : 'Vùng xanh', 'Số ca cộng đồng 14 ngày': 0, 'Số ca mắc trong khu cách ly, phong tỏa': r % 2, 'Dân số': 12000 + r });
  }
  const xa = communes.find((c) => c.type === 'xã') ?? communes[0];
  const bare = xa.name.replace(/^(Xã|Phường|Thị trấn)\s+/u, '');
  const nominations = wb.getWorksheet('Đề nghị khen thưởng')!;
  set(nominations, 6, { STT: 1, 'Loại': 'Tập thể', 'Họ và tên / Tên tập thể': `UBND ${xa.type} ${bare}`, 'Tên xã': xa.name, 'Tóm tắt thành tích': 'Giữ vững vùng xanh trong suốt đợt thi đua', 'Hình thức khen thưởng': 'Bằng khen của Chủ tịch UBND tỉnh' });
  set(nominations, 7, { STT: 2, 'Loại': 'Cá nhân', 'Họ và tên / Tên tập thể': 'Nguyễn Văn An', 'Chức vụ': 'Chủ tịch', 'Đơn vị': `UBND ${xa.name}`, 'Tên xã': xa.name, 'Tóm tắt thành tích': 'Chỉ đạo lập chốt kiểm soát, vận động Nhân dân', 'Năm sinh': 1975, 'Giới tính': 'Nam' });
  const indicators = wb.getWorksheet('Kết quả thi đua')!;
  for (let r = HEADER_ROW + 1; indicators.getRow(r).getCell(2).value; r++) set(indicators, r, { 'Kết quả': r * 1000 });
  const difficulties = wb.getWorksheet('Khó khăn, kiến nghị')!;
  set(difficulties, 6, { STT: 1, 'Nội dung khó khăn, vướng mắc, kiến nghị': 'Thiếu test nhanh kháng nguyên cho các chốt kiểm soát.' });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
