// The report's landscape appendix: every commune with its start and end zone and result, grouped by district (or districts only at national scale).
import type { Paragraph } from 'docx';
import type { CommuneResult, DistrictResult } from '../../compile/types.js';
import { BLANK, TEXT_WIDTH, docTitle, italicBody, mm, type DataCell } from '../../docx/nd30.js';
import { keepGroupsAndTail } from '../../docx/dataTable.js';
import { rawDataTable } from '../../docx/rawTable.js';
import type { ReportInput } from '../documentInput.js';
import { COMMUNES_WORD, formatNumber, shortDate, upperFirst, zoneBook, type ZoneBook } from './format.js';
import { NO_DATA_LABEL } from './zones.js';

/** "(Kèm theo Báo cáo số 125/BC-SNV ngày 25/8/2021 của Sở Nội vụ)", with blanks for what is not known yet. */
export function appendixNote(input: ReportInput): string {
  const { plan, meta } = input;
  const number = meta.number && meta.number.trim() !== '' ? meta.number.trim() : BLANK;
  const date = meta.date ? shortDate(meta.date) : `${BLANK}/${BLANK}/${meta.fallbackYear}`;
  return `(Kèm theo Báo cáo số ${number}/${plan.agency.reportSuffix} ngày ${date} của ${plan.agency.nameFull})`;
}

/** The "Kết quả" column: "Giữ vững vùng xanh", "Chuyển từ vùng cam sang vùng vàng", "Xấu đi: …", "Chưa có số liệu (…)". */
export function resultText(c: CommuneResult, book: ZoneBook): string {
  const green = book.word(book.green.code);
  switch (c.category) {
    case 'held-green':
      return `Giữ vững ${green}`;
    case 'improved':
      return `Chuyển từ ${book.word(c.fromZone)} sang ${book.word(c.toZone)}`;
    case 'worsened':
      return `Xấu đi: từ ${book.word(c.fromZone)} sang ${book.word(c.toZone)}`;
    case 'green-not-held':
      return `Chưa giữ vững ${green} (trong kỳ có thời điểm ra khỏi ${green})`;
    case 'unchanged':
      return `Không thay đổi (${book.word(c.end?.zone ?? null)})`;
    case 'no-data':
      return `${NO_DATA_LABEL}${noDataNote(c)}`;
  }
}

function noDataNote(c: CommuneResult): string {
  const r = c.reason;
  if (!r) return '';
  if (r.cause === 'district-not-submitted') return ' (đơn vị chưa gửi báo cáo)';
  if (r.cause === 'no-data-sheets') return ' (đơn vị gửi văn bản nhưng chưa gửi biểu số liệu)';
  if (r.cause === 'rows-with-errors') return ' (dòng số liệu có lỗi)';
  return { start: ' (không có đánh giá đầu kỳ)', end: ' (không có đánh giá cuối kỳ)', both: '' }[r.missing];
}

function zoneCell(book: ZoneBook, zone: string | null): DataCell {
  return zone === null ? { text: NO_DATA_LABEL, italic: true } : { text: book.byCode.get(zone)?.label ?? zone, fill: book.fill(zone) };
}

function communeRows(input: ReportInput, book: ZoneBook, headings: Set<number>): DataCell[][] {
  const rows: DataCell[][] = [];
  let n = 0;
  let current: string | null = null;
  const counts = new Map<string, number>();
  for (const c of input.results.communes) counts.set(c.districtCode, (counts.get(c.districtCode) ?? 0) + 1);
  for (const c of input.results.communes) {
    if (c.districtCode !== current) {
      current = c.districtCode;
      const count = counts.get(current) ?? 0;
      // a district's heading stays on the page of its first commune
      headings.add(rows.length);
      rows.push([{ text: `${c.districtName} (${formatNumber(count)} ${COMMUNES_WORD})`, bold: true, span: 7, keepNext: true }]);
    }
    n += 1;
    rows.push([String(n), c.code, c.name, c.districtName, zoneCell(book, c.start?.zone ?? null), zoneCell(book, c.end?.zone ?? null), resultText(c, book)]);
  }
  return rows;
}

/**
 * STT | Mã | Xã, phường, thị trấn | Huyện | Vùng đầu kỳ | Vùng cuối kỳ | Kết quả: up to thousands
 * of rows, so written as XML text (rawDataTable), the same XML dataTable would give.
 */
export function communeAppendixTable(input: ReportInput, book: ZoneBook): Paragraph {
  const { period } = input.results;
  const headings = new Set<number>();
  const rows = communeRows(input, book, headings);
  return rawDataTable({
    columns: [
      { header: 'STT', width: mm(12), align: 'center' },
      { header: 'Mã', width: mm(16), align: 'center' },
      { header: upperFirst(COMMUNES_WORD), width: mm(44), align: 'left' },
      { header: 'Huyện, thị xã, thành phố', width: mm(42), align: 'left' },
      { header: `Vùng đầu kỳ (${shortDate(period.from)})`, width: mm(30), align: 'center' },
      { header: `Vùng cuối kỳ (${shortDate(period.to)})`, width: mm(30), align: 'center' },
      { header: 'Kết quả', width: mm(78), align: 'left' },
    ],
    rows,
    fitTo: TEXT_WIDTH.landscape,
    // A district's heading stays with its first communes; the last rows stay together.
    keepWithNext: keepGroupsAndTail(rows.length, headings),
  });
}

function districtSummaryRow(d: DistrictResult, i: number): DataCell[] {
  const c = d.categories;
  const n = (v: number) => formatNumber(v);
  return [String(i + 1), d.code, d.name, n(d.communeCount), n(c['held-green']), n(c.improved), n(c.becameGreen), n(c.worsened), n(c['green-not-held']), n(c.unchanged), n(c['no-data'])];
}

/** At national scale: one row per district with its commune counts by result (as XML text too). */
export function districtAppendixTable(input: ReportInput, book: ZoneBook): Paragraph {
  const green = book.word(book.green.code);
  const p = input.results.province;
  const c = p.categories;
  const n = (v: number) => formatNumber(v);
  const col = (header: string) => ({ header, width: mm(21), align: 'center' as const });
  return rawDataTable({
    columns: [
      { header: 'STT', width: mm(12), align: 'center' },
      { header: 'Mã', width: mm(14), align: 'center' },
      { header: 'Đơn vị cấp huyện', width: mm(51), align: 'left' },
      col(`Số ${COMMUNES_WORD}`),
      col(`Giữ vững ${green}`),
      col('Chuyển sang vùng nguy cơ thấp hơn'),
      col(`Trong đó sang ${green}`),
      col('Chuyển sang vùng nguy cơ cao hơn'),
      col(`Chưa giữ vững ${green}`),
      col('Không thay đổi'),
      col(NO_DATA_LABEL),
    ],
    rows: input.results.districts.map(districtSummaryRow),
    totalRow: ['', '', 'Tổng cộng', n(p.communeCount), n(c['held-green']), n(c.improved), n(c.becameGreen), n(c.worsened), n(c['green-not-held']), n(c.unchanged), n(c['no-data'])],
    fitTo: TEXT_WIDTH.landscape,
  });
}

/** The appendix's children: title, note, and the table (communes, or districts above `maxCommunes`). */
export function appendix(input: ReportInput, maxCommunes: number): Paragraph[] {
  const book = zoneBook(input.plan);
  const total = input.results.communes.length;
  const full = total <= maxCommunes;
  const subtitle = full ? `Kết quả phân vùng từng ${COMMUNES_WORD}` : `Kết quả phân vùng ${COMMUNES_WORD} theo đơn vị cấp huyện`;
  return [
    ...docTitle('Phụ lục', subtitle, { width: TEXT_WIDTH.landscape, note: appendixNote(input) }),
    ...(full
      ? [communeAppendixTable(input, book)]
      : [
          italicBody(
            `Do số lượng ${COMMUNES_WORD} lớn (${formatNumber(total)} đơn vị), Phụ lục này tổng hợp theo đơn vị cấp huyện; ` +
              `danh sách đầy đủ từng ${COMMUNES_WORD} tại Phụ lục Excel kèm theo Báo cáo.`,
          ),
          districtAppendixTable(input, book),
        ]),
  ];
}
