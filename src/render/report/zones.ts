// Section I of the report, figures: the province zone table and sentence, the charts, and the per-district table.
import { ImageRun, Paragraph, TextRun, type Table } from 'docx';
import type { DistrictResult, ZoneCounts, ZoneSummary } from '../../compile/types.js';
import { STYLE, TEXT_WIDTH, body, dataTable, mm, pt, subheading, type DataCell } from '../../docx/nd30.js';
import { districtZoneChart, provinceZoneChart, type Chart, type ChartZone } from '../chart.js';
import type { ReportInput } from '../documentInput.js';
import { rawDataTable } from '../../docx/rawTable.js';
import { courseParagraphs, mapCaption, pngFigure, reportFigures } from './figures.js';
import {
  COMMUNES_WORD, dayMonth, formatChange, formatNumber, formatShare, lowerFirst, shortDate, shortDistrictName, zoneBook, type ZoneBook,
} from './format.js';

export const NO_DATA_LABEL = 'Chưa có số liệu';

const countOf = (counts: ZoneCounts, zone: string) => counts.byZone.find((z) => z.zone === zone)?.count ?? 0;

/** Vùng | Mức độ | Đầu kỳ (16/8) | Cuối kỳ (25/8) | Tăng (+), giảm (-): every zone, no data, total. */
export function provinceZoneTable(input: ReportInput, book: ZoneBook): Table {
  const { province, period } = input.results;
  const rows: DataCell[][] = book.zones.map((z) => {
    const a = countOf(province.start, z.code);
    const b = countOf(province.end, z.code);
    return [{ text: z.label, fill: book.fill(z.code), bold: true }, z.level, formatNumber(a), formatNumber(b), formatChange(b - a)];
  });
  rows.push([NO_DATA_LABEL, '', formatNumber(province.start.noData), formatNumber(province.end.noData), formatChange(province.end.noData - province.start.noData)]);
  const total = formatNumber(province.communeCount);
  return dataTable({
    columns: [
      { header: 'Vùng', width: mm(32), align: 'left' },
      { header: 'Mức độ nguy cơ', width: mm(36), align: 'left' },
      { header: `Đầu kỳ (${dayMonth(period.from)})`, width: mm(31), align: 'center' },
      { header: `Cuối kỳ (${dayMonth(period.to)})`, width: mm(31), align: 'center' },
      { header: 'Tăng (+), giảm (-)', width: mm(35), align: 'center' },
    ],
    rows,
    totalRow: ['Tổng cộng', '', total, total, ''],
    fitTo: TEXT_WIDTH.portrait,
    keepTogether: true,
  });
}

/** "tăng từ 45 lên 62", "giảm từ 20 xuống 10", "giữ nguyên 5" */
function movement(a: number, b: number): string {
  if (b > a) return `tăng từ ${formatNumber(a)} lên ${formatNumber(b)}`;
  if (b < a) return `giảm từ ${formatNumber(a)} xuống ${formatNumber(b)}`;
  return `giữ nguyên ${formatNumber(a)}`;
}

/** The green share at the start and end, then how the other zones moved. */
export function provinceSentences(input: ReportInput, book: ZoneBook): string[] {
  const { province, period } = input.results;
  const g = book.green;
  const a = province.greenShare.start;
  const b = province.greenShare.end;
  const total = formatNumber(province.communeCount);
  const first =
    `Toàn tỉnh có ${total} ${COMMUNES_WORD}. Đầu kỳ (ngày ${shortDate(period.from)}) có ${formatNumber(a.green)} ${COMMUNES_WORD} ` +
    `thuộc ${lowerFirst(g.label)}, chiếm ${formatShare(a.ofAll)}; đến cuối kỳ (ngày ${shortDate(period.to)}), ${lowerFirst(g.label)} ` +
    `${movement(a.green, b.green)} ${COMMUNES_WORD}, chiếm ${formatShare(b.ofAll)} tổng số ${COMMUNES_WORD} của tỉnh.`;
  const others = book.zones
    .slice(1)
    .map((z) => `${lowerFirst(z.label)} ${movement(countOf(province.start, z.code), countOf(province.end, z.code))}`);
  const second = others.length > 0 ? `Số ${COMMUNES_WORD} thuộc ${others.join('; ')}.` : '';
  const noData =
    province.end.noData > 0
      ? `Cuối kỳ còn ${formatNumber(province.end.noData)} ${COMMUNES_WORD} chưa có số liệu (nêu tại điểm 5 mục này).`
      : '';
  return [first, second, noData].filter((s) => s !== '');
}

const chartZones = (book: ZoneBook): ChartZone[] => book.zones.map((z) => ({ code: z.code, label: z.label, color: z.color }));

export function provinceChart(input: ReportInput, book: ZoneBook): Chart {
  const { province, period } = input.results;
  return provinceZoneChart({
    zones: chartZones(book),
    start: book.zones.map((z) => countOf(province.start, z.code)),
    end: book.zones.map((z) => countOf(province.end, z.code)),
    noData: { start: province.start.noData, end: province.end.noData, label: NO_DATA_LABEL },
    startLabel: `Đầu kỳ (${dayMonth(period.from)})`,
    endLabel: `Cuối kỳ (${dayMonth(period.to)})`,
  });
}

/** Most districts a chart shows; above it the table alone is given. */
export const MAX_CHART_DISTRICTS = 30;

export function districtChart(input: ReportInput, book: ZoneBook): Chart | null {
  const { districts, period } = input.results;
  if (districts.length === 0 || districts.length > MAX_CHART_DISTRICTS) return null;
  return districtZoneChart({
    zones: chartZones(book),
    districts: districts.map((d) => ({
      name: shortDistrictName(d.name),
      start: book.zones.map((z) => countOf(d.start, z.code)),
      end: book.zones.map((z) => countOf(d.end, z.code)),
      noDataStart: d.start.noData,
      noDataEnd: d.end.noData,
    })),
    startLabel: `Đầu kỳ (${dayMonth(period.from)})`,
    endLabel: `Cuối kỳ (${dayMonth(period.to)})`,
    noDataLabel: NO_DATA_LABEL,
  });
}

/** A body paragraph set a little apart from the table above it. */
export function afterTable(text: string, italics = false): Paragraph {
  return new Paragraph({ style: STYLE.normal, spacing: { before: 120 }, children: [new TextRun({ text, italics })] });
}

/** The chart as SVG with its PNG fallback, centred, and its caption under it. */
export function chartFigure(chart: Chart, caption: string): Paragraph[] {
  const picture = new Paragraph({
    style: STYLE.image,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(chart.svg, 'utf8'),
        fallback: { type: 'png', data: chart.png },
        transformation: { width: chart.width, height: chart.height },
      }),
    ],
  });
  const text = new Paragraph({ style: STYLE.center, spacing: { after: 120 }, children: [new TextRun({ text: caption, italics: true, size: pt(12) })] });
  return [picture, text];
}

/** "45 → 62" */
const arrow = (a: number, b: number) => `${formatNumber(a)}\u2009→\u2009${formatNumber(b)}`;

function districtRow(d: DistrictResult | null, i: number | null, name: string, s: ZoneSummary, book: ZoneBook): DataCell[] {
  const level = d?.level2686.end ?? null;
  return [
    i === null ? '' : String(i),
    { text: name, bold: d === null },
    formatNumber(s.communeCount),
    ...book.zones.map((z): DataCell => ({ text: arrow(countOf(s.start, z.code), countOf(s.end, z.code)), fill: book.fill(z.code) })),
    arrow(s.start.noData, s.end.noData),
    formatShare(s.greenShare.end.ofAll),
    d === null ? '' : { text: level?.level ?? '-', fill: book.fill(level?.zone ?? null) },
  ];
}

/** STT | Đơn vị | Số xã | one column per zone ("đầu kỳ → cuối kỳ") | chưa có số liệu | tỷ lệ xanh | cấp độ (tham khảo). */
export function districtZoneTable(input: ReportInput, book: ZoneBook): Paragraph {
  const { districts, province } = input.results;
  const rows = districts.map((d, i) => districtRow(d, i + 1, d.name, d, book));
  const total = districtRow(null, null, 'Toàn tỉnh', province, book);
  // one row per district: ~700 at national scale, so written as XML text
  return rawDataTable({
    columns: [
      { header: 'STT', width: mm(11.5), align: 'center' },
      { header: 'Đơn vị', width: mm(29), align: 'left' },
      { header: 'Số xã', width: mm(10), align: 'center' },
      ...book.zones.map((z) => ({ header: z.label, width: mm(17), align: 'center' as const })),
      { header: NO_DATA_LABEL, width: mm(17), align: 'center' },
      { header: 'Tỷ lệ xanh cuối kỳ', width: mm(15), align: 'center' },
      { header: 'Cấp độ cuối kỳ (tham khảo)', width: mm(14.5), align: 'center' },
    ],
    rows,
    totalRow: total,
    fitTo: TEXT_WIDTH.portrait,
  });
}

/** Subsections 1 and 2 of section I: province, then by district. */
export function zoneFigures(input: ReportInput): (Paragraph | Table)[] {
  const book = zoneBook(input.plan);
  const { period } = input.results;
  const dChart = districtChart(input, book);
  const figures = input.figures ?? reportFigures(input.plan, input.results, input.boundaries);
  return [
    subheading('1. Kết quả phân vùng trên địa bàn tỉnh'),
    ...provinceSentences(input, book).map((s) => body(s)),
    provinceZoneTable(input, book),
    ...(figures.map ? pngFigure(figures.map, mapCaption(input.results)) : []),
    ...chartFigure(provinceChart(input, book), `Biểu đồ 1. Số ${COMMUNES_WORD} theo vùng (cột gạch chéo: đầu kỳ; cột tô đặc: cuối kỳ)`),
    ...courseParagraphs(input.plan, input.results, figures.course, 2),
    subheading('2. Kết quả phân vùng theo đơn vị cấp huyện'),
    new Paragraph({
      style: STYLE.normal,
      keepNext: true,
      children: [
        new TextRun(`Số ${COMMUNES_WORD} theo từng vùng của mỗi đơn vị, đầu kỳ (ngày ${shortDate(period.from)}) → cuối kỳ (ngày ${shortDate(period.to)}):`),
      ],
    }),
    districtZoneTable(input, book),
    afterTable(
      `Ghi chú: cấp độ dịch cấp huyện được tính từ kết quả phân vùng các ${COMMUNES_WORD} theo ${input.plan.zoneScale.name}, chỉ để tham khảo.`,
      true,
    ),
    ...(dChart ? chartFigure(dChart, `Biểu đồ 3. Phân vùng ${COMMUNES_WORD} theo từng đơn vị cấp huyện (gạch chéo: đầu kỳ; tô đặc: cuối kỳ)`) : []),
  ];
}
