// Tests for the appendix workbook: a small province compiled with the real compileResults over
// the bundled register and plan, written to bytes, read back with exceljs, and checked sheet by
// sheet (headers, rows, colours, formats, frozen panes, filters, text that looks like a formula),
// plus byte-identical output for the same input under a different clock. compile streams the
// workbook (appendixBytes); the in-memory build (appendixWorkbook) must hold the same cells.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileResults } from '../../src/compile/compile.js';
import type { Assessment, Difficulty, IndicatorValue } from '../../src/core/types.js';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { appendixBytes, appendixWorkbook, workbookBytes } from '../../src/render/appendix.js';
import type { ReportInput } from '../../src/render/documentInput.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const plan = loadPlan(root('templates/plans/soc-trang-vung-xanh-2021.json'));
const registry = loadRegistry(root('templates/registry/soc-trang-2021-units.csv'));
const codesOf = (dc: string) => registry.communesOf(dc).map((c) => c.code).sort();
const c941 = codesOf('941');
const c942 = codesOf('942');
const at = (file: string, cell = 'B7') => ({ file, sheet: 'Khó khăn', row: 7, column: 'B', cell });
const FORMULA_TEXT = '=HYPERLINK("http://example.com","bấm vào đây")';

function assess(communeCode: string, date: string, zone: string): Assessment {
  return {
    communeCode, districtCode: registry.communes.get(communeCode)!.districtCode, date, zone,
    communityCases14d: null, quarantineCases: null, lastCommunityCase: null, population: null, decision: null, note: null, at: at('x.xlsx', 'A5'),
  };
}

function indicator(districtCode: string, indicatorCode: string | null, value: number, label = '', unit: string | null = null): IndicatorValue {
  return { districtCode, indicatorCode, label, value, unit, note: null, at: at('x.xlsx') };
}

function difficulty(districtCode: string, content: string): Difficulty {
  return { districtCode, content, note: 'ghi chú', at: at(`${districtCode}.xlsx`) };
}

function scenario(difficultyText = FORMULA_TEXT): ReportInput {
  const rows: Assessment[] = [];
  const pair = (code: string, start: string, end: string) => rows.push(assess(code, '2021-08-15', start), assess(code, '2021-08-25', end));
  pair(c941[0], 'xanh', 'xanh'); // held green
  pair(c941[1], 'cam', 'vang'); // improved
  pair(c941[2], 'do', 'xanh'); // became green
  pair(c941[3], 'vang', 'cam'); // worsened
  pair(c941[4], 'xanh', 'xanh');
  rows.push(assess(c941[4], '2021-08-20', 'vang')); // green not held
  pair(c941[5], 'cam', 'cam'); // unchanged
  c942.slice(1).forEach((c) => pair(c, 'vang', 'xanh'));
  const results = compileResults({
    plan, registry, period: plan.period, assessments: rows,
    indicators: [
      indicator('941', 'van-dong', 1_500_000), indicator('942', 'van-dong', 2_500_000), indicator('941', 'tuyen-truyen', 12),
      indicator('942', null, 5000, 'Số khẩu trang phát miễn phí', 'cái'),
    ],
    difficulties: [difficulty('941', difficultyText), difficulty('942', '+84 đường dây nóng'), difficulty('942', '@ban chỉ đạo')],
    districts: [
      { districtCode: '941', submitted: true, errorCount: 0, warningCount: 1, communesWithErrors: [], files: ['941.xlsx'] },
      { districtCode: '942', submitted: true, errorCount: 2, warningCount: 0, communesWithErrors: [c942[0]], files: ['942.csv'] },
    ],
  });
  return {
    plan, registry, results,
    sources: [
      { path: 'nop/941.xlsx', sha256: 'a'.repeat(64), districtCode: '941', format: 'xlsx', encoding: null, rows: 12, errors: 0, warnings: 1, unreadable: false },
      { path: 'nop/942.csv', sha256: 'b'.repeat(64), districtCode: '942', format: 'csv', encoding: 'windows-1258', rows: 16, errors: 2, warnings: 0, unreadable: false, ledger: { used: 14, excluded: 2, skipped: 1 }, note: 'bỏ qua: Phân vùng!40 (dòng tổng cộng)' },
      { path: 'nop/hong.xlsx', sha256: null, districtCode: null, format: null, encoding: null, rows: 0, errors: 1, warnings: 0, unreadable: true },
    ],
    issues: [
      { path: 'nop/942.csv', districtCode: '942', code: 'zone-invalid', severity: 'error', sheet: 'Phân vùng', cell: 'F4', value: '=1+1', message: 'Vùng không hợp lệ' },
      { path: 'nop/941.xlsx', districtCode: '941', code: 'date-outside-period', severity: 'warning', sheet: 'Phân vùng', cell: 'E9', value: '01/07/2021', message: 'Ngày ngoài kỳ' },
    ],
    meta: { number: null, date: null, fallbackYear: 2021, signer: plan.signer },
  };
}

let bytes: Buffer;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  // what compile writes: the streamed workbook
  bytes = await appendixBytes(scenario());
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs's typings predate Buffer generics
});

afterEach(() => {
  vi.useRealTimers();
});

const sheet = (name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const rowTexts = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? null : v));
/** The data row whose column `col` holds `value`. */
const findRow = (ws: ExcelJS.Worksheet, col: number, value: unknown) => {
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === value) return ws.getRow(r);
  throw new Error(`no row with ${String(value)} in ${ws.name}`);
};

function expectTableFrame(ws: ExcelJS.Worksheet, lastColumn: string, lastRow: number) {
  const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
  expect(view.state).toBe('frozen');
  expect(view.ySplit).toBe(2);
  expect(ws.autoFilter).toBe(`A2:${lastColumn}${lastRow}`);
  const header = ws.getRow(2);
  header.eachCell((cell) => expect(cell.font?.bold, `${ws.name} ${cell.address}`).toBe(true));
  expect(ws.getColumn(1).width).toBeGreaterThan(0);
}

describe('appendix workbook', () => {
  it('has the seven sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Từng xã', 'Ma trận chuyển vùng', 'Chỉ tiêu', 'Khó khăn, kiến nghị', 'Nguồn dữ liệu', 'Lỗi']);
  });

  it('summarises the province and each district with numbers, formats and colours', () => {
    const ws = sheet('Tổng hợp');
    expect(String(ws.getCell('A1').value)).toBe('KẾT QUẢ PHÂN VÙNG TỈNH SÓC TRĂNG từ 16/08/2021 đến 25/08/2021');
    const head = rowTexts(ws, 2);
    expect(head.slice(0, 8)).toEqual(['Mã', 'Đơn vị', 'Số xã, phường, thị trấn', 'Đầu kỳ: Vùng xanh', 'Đầu kỳ: Vùng vàng', 'Đầu kỳ: Vùng cam', 'Đầu kỳ: Vùng đỏ', 'Đầu kỳ: chưa có số liệu']);
    expect(head).toContain('Giữ vững vùng xanh');
    expect(head.at(-1)).toBe('Số cảnh báo');
    expect(ws.rowCount).toBe(2 + 1 + registry.districts.size);
    expectTableFrame(ws, 'AA', ws.rowCount);
    const province = ws.getRow(3);
    expect(province.getCell(2).value).toBe('Toàn tỉnh Sóc Trăng');
    expect(province.getCell(3).value).toBe(registry.communes.size);
    // start: xanh = 2 (941) ; vang = 1 + 7 (942) ; cam = 2 ; do = 1
    expect([4, 5, 6, 7].map((c) => province.getCell(c).value)).toEqual([2, 1 + c942.length - 1, 2, 1]);
    expect(province.getCell(4).numFmt).toBe('#,##0');
    expect(province.getCell(4).font?.bold).toBe(true);
    const ks = findRow(ws, 1, '941');
    const share = ks.getCell(head.indexOf('Tỷ lệ xã vùng xanh cuối kỳ (trên tổng số xã)') + 1);
    expect(share.value).toBeCloseTo(3 / c941.length);
    expect(share.numFmt).toBe('0.0%');
    expect(ks.getCell(head.indexOf('Đã gửi báo cáo') + 1).value).toBe('Có');
    expect(findRow(ws, 1, '945').getCell(head.indexOf('Đã gửi báo cáo') + 1).value).toBe('Chưa');
    expect(province.getCell(head.indexOf('Đã gửi báo cáo') + 1).value).toBe(`2/${registry.districts.size}`);
    expect(findRow(ws, 1, '942').getCell(head.indexOf('Số lỗi') + 1).value).toBe(2);
  });

  it('lists every commune once, with zones coloured as in the plan', () => {
    const ws = sheet('Từng xã');
    expect(rowTexts(ws, 2)).toEqual(['STT', 'Mã xã', 'Xã, phường, thị trấn', 'Mã huyện', 'Huyện', 'Vùng đầu kỳ', 'Ngày', 'Vùng cuối kỳ', 'Ngày', 'Số lần đánh giá trong kỳ', 'Phân loại', 'Kết quả', 'Đủ điều kiện khen thưởng']);
    expect(ws.rowCount - 2).toBe(109);
    expect(registry.communes.size).toBe(109);
    expectTableFrame(ws, 'M', 111);
    const green = plan.zoneScale.zones.find((z) => z.code === 'xanh')!;
    const red = plan.zoneScale.zones.find((z) => z.code === 'do')!;
    const held = findRow(ws, 2, c941[0]);
    expect(held.getCell(6).value).toBe('Vùng xanh');
    expect((held.getCell(6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${green.color}`);
    expect(held.getCell(12).value).toBe('Giữ vững vùng xanh');
    expect(held.getCell(13).value).toBe('Có');
    const becameGreen = findRow(ws, 2, c941[2]);
    expect((becameGreen.getCell(6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${red.color}`);
    expect(becameGreen.getCell(6).font?.color?.argb).toBe('FFFFFFFF');
    expect(becameGreen.getCell(12).value).toBe('Chuyển từ vùng đỏ sang vùng xanh');
    const date = becameGreen.getCell(7);
    expect(date.value).toEqual(new Date(Date.UTC(2021, 7, 15)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(findRow(ws, 2, c941[1]).getCell(12).value).toBe('Chuyển từ vùng cam sang vùng vàng');
    expect(findRow(ws, 2, c941[4]).getCell(10).value).toBe(2);
    const late = findRow(ws, 4, '945');
    expect(late.getCell(12).value).toBe('Chưa có số liệu (huyện chưa gửi báo cáo)');
    expect(late.getCell(6).value).toBeNull();
    expect(String(findRow(ws, 2, c942[0]).getCell(12).value)).toMatch(/^Chưa có số liệu \(số liệu có lỗi/);
  });

  it('stacks the province and district transition matrices in one table', () => {
    const ws = sheet('Ma trận chuyển vùng');
    expect(rowTexts(ws, 2)).toEqual(['Mã', 'Đơn vị', 'Vùng đầu kỳ \\ Vùng cuối kỳ', 'Vùng xanh', 'Vùng vàng', 'Vùng cam', 'Vùng đỏ', 'Tổng']);
    expect(ws.rowCount - 2).toBe(5 * (1 + registry.districts.size));
    expectTableFrame(ws, 'H', ws.rowCount);
    // province block: rows 3..6 by start zone, row 7 the column totals
    expect(rowTexts(ws, 5)).toEqual(['94', 'Toàn tỉnh Sóc Trăng', 'Vùng cam', 0, 1, 1, 0, 2]);
    expect(rowTexts(ws, 7)).toEqual(['94', 'Toàn tỉnh Sóc Trăng', 'Cộng', 3 + c942.length - 1, 1, 2, 0, 6 + c942.length - 1]);
    expect((ws.getCell('C6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFF0000');
  });

  it('totals the indicators with money formatted, and keeps a district own indicator apart', () => {
    const ws = sheet('Chỉ tiêu');
    const head = rowTexts(ws, 2);
    expect(head).toEqual(['Mã', 'Huyện', ...plan.indicators.map((i) => `${i.label} (${i.unit})`)]);
    const money = head.indexOf('Số tiền vận động ủng hộ (đồng)') + 1;
    const total = findRow(ws, 2, 'Toàn tỉnh Sóc Trăng');
    expect(total.getCell(money).value).toBe(4_000_000);
    expect(total.getCell(money).numFmt).toBe('#,##0');
    expect(findRow(ws, 1, '941').getCell(money).value).toBe(1_500_000);
    expect(findRow(ws, 1, '943').getCell(money).value).toBeNull();
    expectTableFrame(ws, 'F', 2 + registry.districts.size);
    const own = findRow(ws, 3, 'Số khẩu trang phát miễn phí');
    expect(rowTexts(ws, own.number)).toEqual(['942', 'Huyện Châu Thành', 'Số khẩu trang phát miễn phí', 'cái', 5000, 1]);
  });

  it('writes text that looks like a formula as text', async () => {
    const ws = sheet('Khó khăn, kiến nghị');
    expect(rowTexts(ws, 2)).toEqual(['Huyện', 'STT', 'Nội dung', 'Ghi chú', 'Nguồn (tệp, trang, ô)']);
    expect(ws.rowCount - 2).toBe(3);
    const cell = ws.getCell('C3');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA_TEXT);
    expect(cell.formula).toBeUndefined();
    expect(ws.getCell('E3').value).toBe('941.xlsx, trang Khó khăn, ô B7');
    expect(ws.getCell('C4').value).toBe('+84 đường dây nóng');
    expect(sheet('Lỗi').getCell('G3').type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.file(name)!.async('string'), name).not.toMatch(/<f[ >]/);
    }
  });

  it('lists every source file and every issue', () => {
    const src = sheet('Nguồn dữ liệu');
    expect(rowTexts(src, 2)).toEqual(['Tệp', 'Huyện', 'Định dạng', 'Mã hóa', 'Số dòng', 'Lỗi', 'Cảnh báo', 'SHA-256', 'Đọc được', 'Dòng dùng', 'Dòng loại vì lỗi', 'Dòng bỏ qua', 'Ghi chú (tệp chưa đọc, cách xác định huyện, dòng bỏ qua)']);
    expect(rowTexts(src, 4)).toEqual(['nop/942.csv', 'Huyện Châu Thành', 'CSV', 'windows-1258', 16, 2, 0, 'b'.repeat(64), 'Có', 14, 2, 1, 'bỏ qua: Phân vùng!40 (dòng tổng cộng)']);
    expect(src.getCell('I5').value).toBe('Không');
    expectTableFrame(src, 'M', 5);
    const issues = sheet('Lỗi');
    expect(rowTexts(issues, 2)).toEqual(['Tệp', 'Huyện', 'Mã lỗi', 'Mức độ', 'Trang', 'Ô', 'Giá trị', 'Nội dung']);
    expect(rowTexts(issues, 3)).toEqual(['nop/942.csv', 'Huyện Châu Thành', 'zone-invalid', 'Lỗi', 'Phân vùng', 'F4', '=1+1', 'Vùng không hợp lệ']);
    expect(issues.getCell('D4').value).toBe('Cảnh báo');
    expectTableFrame(issues, 'H', 4);
  });

  it('stamps the document with the period end, not the clock', () => {
    expect(wb.creator).toBe('thidua');
    expect(wb.created).toEqual(new Date(Date.UTC(2021, 7, 25)));
    expect(wb.modified).toEqual(new Date(Date.UTC(2021, 7, 25)));
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-05-17T13:47:21Z'));
    const later = await appendixBytes(scenario());
    expect(later.equals(bytes)).toBe(true);
    const zip = await JSZip.loadAsync(later);
    for (const entry of Object.values(zip.files)) expect(entry.date.getUTCFullYear()).toBe(1980);
    const other = await appendixBytes(scenario('Thiếu kinh phí'));
    expect(other.equals(bytes)).toBe(false);
    // the in-memory build, packed, is deterministic too
    vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
    const inMemory = await workbookBytes(appendixWorkbook(scenario()));
    vi.setSystemTime(new Date('2032-06-07T08:09:10Z'));
    expect((await workbookBytes(appendixWorkbook(scenario()))).equals(inMemory)).toBe(true);
  });

  it('streams the same cells, looks, panes and filters as the workbook built in memory', async () => {
    const mem = new ExcelJS.Workbook();
    await mem.xlsx.load((await workbookBytes(appendixWorkbook(scenario()))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(mem.worksheets.map((w) => w.name));
    let cells = 0;
    for (const m of mem.worksheets) {
      const s = sheet(m.name);
      expect(s.rowCount, m.name).toBe(m.rowCount);
      expect(s.views, m.name).toEqual(m.views);
      expect(s.autoFilter, m.name).toEqual(m.autoFilter);
      expect(s.columns.map((c) => c.width), m.name).toEqual(m.columns.map((c) => c.width));
      for (let r = 1; r <= m.rowCount; r++) {
        for (let c = 1; c <= m.columnCount; c++) {
          const [a, b] = [s.getCell(r, c), m.getCell(r, c)];
          expect(a.value, `${m.name}!${b.address}`).toEqual(b.value);
          expect(a.font ?? null, `${m.name}!${b.address} font`).toEqual(b.font ?? null);
          expect(a.fill ?? null, `${m.name}!${b.address} fill`).toEqual(b.fill ?? null);
          expect(a.numFmt ?? null, `${m.name}!${b.address} numFmt`).toEqual(b.numFmt ?? null);
          if (b.value !== null) cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(300);
  });
});
