// The blank workbook a district fills in (`thidua template`): a guide sheet, then one sheet per
// kind the validator reads, with the canonical headers, the district's communes and the plan's
// checkpoints prefilled, and dropdowns / number and date limits so bad input cannot be typed.
// Pure: returns an exceljs Workbook; the CLI writes it.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../write/excel.js';
import type { Commune, District, IsoDate, Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { KINDS } from '../read/schema.js';
import { addDays } from '../core/dates.js';
import { formatDmy } from '../read/cells.js';
import { guideLines, type GuideLine } from './templateGuide.js';
import { applyPrintLayout, wrappedRowHeight } from './print.js';

export const SHEETS = { guide: 'Hướng dẫn', zones: 'Phân vùng', nominations: 'Đề nghị khen thưởng', indicators: 'Kết quả thi đua', difficulties: 'Khó khăn, kiến nghị', lists: 'DanhMuc' } as const;

/** Empty rows below the prefilled ones that still carry dropdowns and limits. */
const SPARE_ROWS = 200;
const TITLE_ROWS = 4; // district, sheet title, period line, blank; the header follows
const HEADER_ROW = TITLE_ROWS + 1;
/**
 * The validator looks for a header in a sheet's first 22 rows and reports a sheet with text but
 * no header as "unknown-sheet". The guide starts below hidden blank rows so that it reads as
 * blank; drop this once the validator skips a sheet named "Hướng dẫn" by itself.
 */
const GUIDE_FIRST_ROW = 1; // the validator skips the "Hướng dẫn" sheet by its name

export interface TemplateInput {
  plan: Plan;
  registry: Registry;
  districtCode: string;
}

/** "942-Huyen-Chau-Thanh.xlsx": code and name without diacritics, safe on every file system. */
export function templateFileName(d: District): string {
  const ascii = d.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const slug = ascii.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${d.code}-${slug}.xlsx`;
}

/** The canonical header label of a field: the first alias the reader knows it by. */
function label(kind: string, field: string): string {
  const spec = KINDS.find((k) => k.kind === kind)!.fields.find((f) => f.field === field)!;
  return spec.aliases[0] ?? spec.labelVi;
}

const utcDate = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const FONT = 'Times New Roman';

interface Column {
  field: string;
  width: number;
  /** applied to the data cells of the column (prefilled and spare rows) */
  validation?: ExcelJS.DataValidation;
  numFmt?: string;
}

interface Layout {
  district: District;
  title: string;
  subtitle: string;
  kind: string;
  columns: Column[];
}

/** Title block, header row, column widths and frozen panes. */
function frame(ws: ExcelJS.Worksheet, l: Layout): void {
  const last = l.columns.length;
  const lines: [string, Partial<ExcelJS.Font>][] = [
    [`UBND ${l.district.name.toUpperCase()}`, { bold: true }],
    [l.title, { bold: true, size: 13 }],
    [l.subtitle, { italic: true }],
  ];
  lines.forEach(([text, font], i) => {
    ws.mergeCells(i + 1, 1, i + 1, last);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: i === 0 ? 'left' : 'center', vertical: 'middle' };
  });
  const header = ws.getRow(HEADER_ROW);
  l.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label(l.kind, c.field);
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
    ws.getColumn(i + 1).width = c.width;
  });
  header.height = 48;
}

/** exceljs keeps validations by address and accepts a range as one; its typings omit the map. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

/** Borders, number formats and data validation on the data rows (prefilled and spare). */
function dataCells(ws: ExcelJS.Worksheet, columns: Column[], rows: number): void {
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + rows;
  for (let r = first; r <= last; r++) {
    columns.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.border = BORDER;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: 'middle', wrapText: c.width > 20 };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  }
  // One range per column rather than one entry per cell: exceljs merges per-cell entries slowly.
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    if (c.validation) (ws as WithValidations).dataValidations.add(`${letter}${first}:${letter}${last}`, c.validation);
  });
  applyPrintLayout(ws, { repeatRows: [HEADER_ROW, HEADER_ROW], freezeRows: HEADER_ROW, columns: columns.length, lastRow: last, titleRows: [1, 2, 3] });
}

const listOf = (range: string, title: string, error: string): ExcelJS.DataValidation => ({
  type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'stop', errorTitle: title, error,
});
const wholeAtLeastZero: ExcelJS.DataValidation = {
  type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: 'Số không hợp lệ', error: 'Ghi số nguyên không âm, ví dụ 0, 12, 1500.',
};

/** The hidden sheet the dropdowns read from: one column per list; returns each list's range. */
function listsSheet(wb: ExcelJS.Workbook, lists: Record<string, string[]>): Record<string, string> {
  const ws = wb.addWorksheet(SHEETS.lists, { state: 'hidden' });
  const ranges: Record<string, string> = {};
  Object.entries(lists).forEach(([name, values], i) => {
    const col = ws.getColumn(i + 1);
    col.values = [name, ...values];
    const letter = col.letter;
    ranges[name] = `${SHEETS.lists}!$${letter}$2:$${letter}$${values.length + 1}`;
  });
  return ranges;
}

const GUIDE_WIDTH = 72;

function guideSheet(ws: ExcelJS.Worksheet, lines: GuideLine[]): void {
  // As wide as A4 portrait holds at full size: LibreOffice clips a single column wider than the page.
  ws.getColumn(1).width = GUIDE_WIDTH;
  lines.forEach((line, i) => {
    const cell = ws.getCell(GUIDE_FIRST_ROW + i, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    const size = line.style === 'title' ? 14 : 12;
    cell.font = { name: FONT, size, bold: line.style === 'title' || line.style === 'heading', italic: line.style === 'note' };
    const height = wrappedRowHeight([{ text: line.text, width: GUIDE_WIDTH }], size);
    if (height) ws.getRow(GUIDE_FIRST_ROW + i).height = height;
  });
  applyPrintLayout(ws, { freezeRows: 0, columns: 1, lastRow: GUIDE_FIRST_ROW + lines.length - 1 });
}

interface Facts {
  plan: Plan;
  district: District;
  communes: Commune[];
  lookback: IsoDate;
  ranges: Record<string, string>;
}

function zonesSheet(ws: ExcelJS.Worksheet, f: Facts): void {
  const { plan } = f;
  const dates: ExcelJS.DataValidation = {
    type: 'date', operator: 'between', allowBlank: true, formulae: [utcDate(f.lookback), utcDate(plan.period.to)], showErrorMessage: true,
    errorTitle: 'Ngày ngoài kỳ báo cáo', error: `Ghi ngày từ ${formatDmy(f.lookback)} đến ${formatDmy(plan.period.to)}, dạng ngày/tháng/năm.`,
  };
  const anyDate: ExcelJS.DataValidation = { type: 'date', operator: 'lessThanOrEqual', allowBlank: true, formulae: [utcDate(plan.period.to)], showErrorMessage: true, errorTitle: 'Ngày không hợp lệ', error: 'Ghi ngày dạng ngày/tháng/năm.' };
  const columns: Column[] = [
    { field: 'stt', width: 6 },
    { field: 'communeCode', width: 9, numFmt: '@' },
    { field: 'communeName', width: 26 },
    { field: 'date', width: 14, numFmt: 'dd/mm/yyyy', validation: dates },
    { field: 'zone', width: 14, validation: listOf(f.ranges.zones, 'Vùng không hợp lệ', 'Chọn vùng trong danh sách.') },
    { field: 'communityCases', width: 13, validation: wholeAtLeastZero },
    { field: 'quarantineCases', width: 15, validation: wholeAtLeastZero },
    { field: 'lastCommunityCase', width: 16, numFmt: 'dd/mm/yyyy', validation: anyDate },
    { field: 'population', width: 11, numFmt: '#,##0', validation: wholeAtLeastZero },
    { field: 'decision', width: 18 },
    { field: 'note', width: 24 },
  ];
  const subtitle = `(Kỳ báo cáo từ ${formatDmy(plan.period.from)} đến ${formatDmy(plan.period.to)}; đánh giá đầu kỳ ghi ngày ${formatDmy(plan.checkpoints[0] ?? plan.period.from)})`;
  frame(ws, { district: f.district, title: 'BIỂU PHÂN VÙNG DỊCH COVID-19 CỦA CÁC XÃ, PHƯỜNG, THỊ TRẤN', subtitle, kind: 'zones', columns });
  const prefilled = plan.checkpoints.flatMap((d) => f.communes.map((c) => ({ c, d })));
  dataCells(ws, columns, prefilled.length + SPARE_ROWS);
  prefilled.forEach(({ c, d }, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = c.code;
    row.getCell(3).value = c.name;
    row.getCell(4).value = utcDate(d);
  });
}

function nominationsSheet(ws: ExcelJS.Worksheet, f: Facts): void {
  const columns: Column[] = [
    { field: 'stt', width: 6 },
    { field: 'kind', width: 11, validation: listOf(f.ranges.kinds, 'Loại không hợp lệ', 'Chọn Tập thể hoặc Cá nhân.') },
    { field: 'name', width: 28 },
    { field: 'position', width: 18 },
    { field: 'unit', width: 24 },
    { field: 'communeName', width: 24, validation: listOf(f.ranges.communes, 'Xã không hợp lệ', 'Chọn xã, phường, thị trấn trong danh sách.') },
    { field: 'achievement', width: 40 },
    { field: 'awardForm', width: 24, validation: listOf(f.ranges.forms, 'Hình thức không hợp lệ', 'Chọn hình thức trong danh sách.') },
    { field: 'birthYear', width: 9, validation: { type: 'whole', operator: 'between', allowBlank: true, formulae: [1900, Number(f.plan.period.to.slice(0, 4))], showErrorMessage: true, errorTitle: 'Năm sinh không hợp lệ', error: 'Ghi năm sinh 4 chữ số, ví dụ 1980.' } },
    { field: 'gender', width: 9, validation: listOf(f.ranges.genders, 'Giới tính không hợp lệ', 'Chọn Nam hoặc Nữ.') },
    { field: 'note', width: 18 },
  ];
  frame(ws, { district: f.district, title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', subtitle: `(${f.plan.shortTitle})`, kind: 'nominations', columns });
  dataCells(ws, columns, SPARE_ROWS);
}

function indicatorsSheet(ws: ExcelJS.Worksheet, f: Facts): void {
  const columns: Column[] = [
    { field: 'stt', width: 6 },
    { field: 'indicator', width: 44 },
    { field: 'unit', width: 14 },
    { field: 'value', width: 18, numFmt: '#,##0', validation: wholeAtLeastZero },
    { field: 'note', width: 30 },
  ];
  frame(ws, { district: f.district, title: 'KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA', subtitle: `(Từ ${formatDmy(f.plan.period.from)} đến ${formatDmy(f.plan.period.to)})`, kind: 'indicators', columns });
  dataCells(ws, columns, f.plan.indicators.length);
  f.plan.indicators.forEach((ind, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = ind.label;
    row.getCell(3).value = ind.unit;
  });
}

function difficultiesSheet(ws: ExcelJS.Worksheet, f: Facts): void {
  const columns: Column[] = [
    { field: 'stt', width: 6 },
    { field: 'content', width: 80 },
    { field: 'note', width: 24 },
  ];
  frame(ws, { district: f.district, title: 'KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ', subtitle: `(${f.plan.shortTitle})`, kind: 'difficulties', columns });
  dataCells(ws, columns, 50);
}

/** The blank workbook of one district. Throws nothing: the caller checks the district code. */
export function districtTemplate({ plan, registry, districtCode }: TemplateInput): ExcelJS.Workbook {
  const district = registry.districts.get(districtCode)!;
  const communes = [...registry.communesOf(districtCode)].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const lookback = addDays(plan.period.from, -plan.baselineLookbackDays);
  const wb = newWorkbook();
  // Fixed metadata so the same plan and register give the same workbook.
  wb.creator = 'thidua';
  wb.created = wb.modified = utcDate(plan.period.from);
  const guide = wb.addWorksheet(SHEETS.guide);
  const sheets = [SHEETS.zones, SHEETS.nominations, SHEETS.indicators, SHEETS.difficulties].map((n) => wb.addWorksheet(n));
  const forms = plan.awardForms.filter((a) => a.provincial);
  const ranges = listsSheet(wb, {
    zones: plan.zoneScale.zones.map((z) => z.label),
    kinds: ['Tập thể', 'Cá nhân'],
    communes: communes.map((c) => c.name),
    forms: (forms.length > 0 ? forms : plan.awardForms).map((a) => a.label),
    genders: ['Nam', 'Nữ'],
  });
  const facts: Facts = { plan, district, communes, lookback, ranges };
  guideSheet(guide, guideLines({ plan, district, lookback, sheets: SHEETS }));
  zonesSheet(sheets[0], facts);
  nominationsSheet(sheets[1], facts);
  indicatorsSheet(sheets[2], facts);
  difficultiesSheet(sheets[3], facts);
  return wb;
}
