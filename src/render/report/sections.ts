// Sections II–IV of the report (campaign indicators, award proposal, difficulties) and the closing paragraph.
import type { Paragraph, Table } from 'docx';
import type { DistrictResult } from '../../compile/types.js';
import type { Indicator } from '../../core/types.js';
import { TEXT_WIDTH, body, bullet, endMark, heading, mm, type DataCell } from '../../docx/nd30.js';
import type { ReportInput } from '../documentInput.js';
import { rawDataTable } from '../../docx/rawTable.js';
import { afterTable } from './zones.js';
import { COMMUNES_WORD, DISTRICTS_WORD, districtInSentence, formatNumber, joinVi, lowerFirst, upperFirst, zoneBook } from './format.js';

/** "1.500.000 đồng", "1.234 tin, bài" */
export function quantity(value: number, unit: string | null): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

const provinceAuthority = (input: ReportInput) => input.plan.province.authority.replace(/\s+tỉnh\s+.*$/i, ' tỉnh');

function indicatorCell(d: DistrictResult, ind: Indicator): string {
  const t = d.indicators.find((x) => x.code === ind.code);
  return t ? formatNumber(t.value) : '-';
}

/** STT | Đơn vị | one column per plan indicator; "-" where a district reported nothing. */
export function indicatorTable(input: ReportInput): Paragraph {
  const { plan, results } = input;
  const rows: DataCell[][] = results.districts.map((d, i) => [String(i + 1), d.name, ...plan.indicators.map((ind) => indicatorCell(d, ind))]);
  const total: DataCell[] = ['', 'Toàn tỉnh', ...results.province.indicators.map((t) => formatNumber(t.value))];
  // one row per district: written as XML text (rawDataTable)
  return rawDataTable({
    columns: [
      { header: 'STT', width: mm(11), align: 'center' },
      { header: 'Đơn vị', width: mm(38), align: 'left' },
      ...plan.indicators.map((ind) => ({ header: `${ind.label} (${ind.unit})`, width: ind.money ? mm(36) : mm(27), align: 'right' as const })),
    ],
    rows,
    totalRow: total,
    fitTo: TEXT_WIDTH.portrait,
  });
}

/** Indicators a district reported that are not the plan's: "huyện Kế Sách: Số khẩu trang 1.000 cái". */
function ownIndicators(input: ReportInput): string[] {
  return input.results.districts.flatMap((d) => {
    const own = d.indicators.filter((t) => t.code === null);
    if (own.length === 0) return [];
    const what = own.map((t) => `${lowerFirst(t.label)} ${quantity(t.value, t.unit)}`).join(', ');
    return [`${districtInSentence(input.registry, d.code, d.name)}: ${what}`];
  });
}

export function indicatorSection(input: ReportInput): (Paragraph | Table)[] {
  const { results } = input;
  const totals = results.province.indicators;
  const lines = totals.map((t, i) => {
    const who = t.districts > 0 ? ` (${formatNumber(t.districts)} đơn vị báo cáo)` : ' (chưa có đơn vị báo cáo)';
    return bullet(`${t.label}: ${quantity(t.value, t.unit)}${who}${i === totals.length - 1 ? '.' : ';'}`);
  });
  const own = ownIndicators(input);
  return [
    heading('II. Kết quả thực hiện các nội dung thi đua'),
    body(
      `Các ${DISTRICTS_WORD} đã triển khai các nội dung thi đua theo Kế hoạch; tổng hợp từ báo cáo của ` +
        `${results.submissions.submitted.length}/${results.province.districtCount} đơn vị, kết quả toàn tỉnh như sau:`,
    ),
    ...lines,
    body('Kết quả cụ thể của từng đơn vị:'),
    indicatorTable(input),
    ...(own.length > 0 ? [afterTable(`Ngoài ra, một số đơn vị báo cáo thêm: ${own.join('; ')}.`)] : []),
  ];
}

export function awardSection(input: ReportInput): Paragraph[] {
  const { plan, results, registry } = input;
  const green = zoneBook(plan).word(plan.zoneScale.zones.find((z) => z.rank === 1)?.code ?? null);
  const held = results.lists.heldGreen.length;
  const improved = results.lists.improved.length;
  const form = plan.awardForms.find((f) => f.isDefault) ?? plan.awardForms[0];
  const chairman = `Chủ tịch ${provinceAuthority(input)}`;
  const paragraphs = [
    heading('III. Đề xuất khen thưởng'),
    body(
      `Theo Kế hoạch, ${chairman} xem xét khen thưởng các tập thể, cá nhân có thành tích xuất sắc giúp địa phương giữ vững ` +
        `${green} hoặc chuyển từ vùng nguy cơ cao hơn sang vùng nguy cơ thấp hơn. Căn cứ kết quả trên, có ` +
        `${formatNumber(held + improved)} ${COMMUNES_WORD} đạt điều kiện xét khen thưởng (${formatNumber(held)} giữ vững ${green}, ` +
        `${formatNumber(improved)} chuyển sang vùng có nguy cơ thấp hơn).`,
    ),
  ];
  if (plan.districtAwardRule === 'all-communes-qualify') {
    const q = results.districts.filter((d) => d.awardQualifies).map((d) => districtInSentence(registry, d.code, d.name));
    paragraphs.push(
      body(
        q.length === 0
          ? `Chưa có ${DISTRICTS_WORD} nào có tất cả ${COMMUNES_WORD} (có số liệu) đạt điều kiện.`
          : `Có ${formatNumber(q.length)} ${DISTRICTS_WORD} có tất cả ${COMMUNES_WORD} (có số liệu) đạt điều kiện: ${joinVi(q)}.`,
      ),
    );
  }
  const award = form ? `, tặng ${form.fullLabel}` : '';
  paragraphs.push(
    body(
      `${plan.agency.nameFull} sẽ tổng hợp đề nghị của các đơn vị, đối chiếu với kết quả trên và trình ${chairman} xem xét${award} ` +
        `cho các tập thể, cá nhân đủ điều kiện tại Tờ trình riêng (có danh sách kèm theo).`,
    ),
  );
  return paragraphs;
}

export function difficultySection(input: ReportInput): Paragraph[] {
  const { results, registry, plan } = input;
  const items = results.difficulties.map((d) => {
    const what = d.items.map((it) => (it.note ? `${it.content.trim().replace(/[.;]$/, '')} (${it.note.trim()})` : it.content.trim().replace(/[.;]$/, '')));
    return bullet(`${upperFirst(districtInSentence(registry, d.districtCode, d.districtName))}: ${what.join('; ')}.`);
  });
  const paragraphs = [heading('IV. Khó khăn, vướng mắc và kiến nghị'), ...(items.length > 0 ? items : [body('Không có.')])];
  const authority = provinceAuthority(input);
  const missing = results.submissions.notSubmitted.map((c) => districtInSentence(registry, c));
  const asks: string[] = [];
  if (items.length > 0) asks.push(`chỉ đạo các sở, ngành có liên quan xem xét, giải quyết các khó khăn, vướng mắc nêu trên`);
  if (missing.length > 0) asks.push(`chỉ đạo ${joinVi(missing)} khẩn trương gửi báo cáo để ${plan.agency.nameFull} tổng hợp bổ sung`);
  const documentsOnly = (results.submissions.documentsOnly ?? []).map((c) => districtInSentence(registry, c));
  if (documentsOnly.length > 0) asks.push(`chỉ đạo ${joinVi(documentsOnly)} gửi bổ sung biểu số liệu theo mẫu để ${plan.agency.nameFull} tổng hợp`);
  if (asks.length > 0) paragraphs.push(body(`${plan.agency.nameFull} kiến nghị ${authority} ${asks.join('; ')}.`));
  return paragraphs;
}

/** "Trên đây là … xem xét, chỉ đạo./." */
export function closingParagraph(input: ReportInput): Paragraph {
  const { plan } = input;
  return endMark(
    `Trên đây là báo cáo kết quả ${plan.shortTitle}, ${plan.agency.nameFull} kính báo cáo ${provinceAuthority(input)} xem xét, chỉ đạo`,
  );
}
