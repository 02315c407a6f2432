// The report's pictures of the province: the map by zone at the start and end of the period, and the
// campaign's course ("Diễn biến"), with their captions and the sentence on when green passed half.
import { ImageRun, Paragraph, TextRun } from 'docx';
import { STYLE, body, pt } from '../../docx/nd30.js';
import type { Results } from '../../compile/types.js';
import type { Plan } from '../../core/types.js';
import type { Boundaries } from '../../data/boundaries.js';
import { courseChart, type CourseChart } from '../course.js';
import { provinceMap, type Mark, type MapZone, type ProvinceMap } from '../map.js';
import { COMMUNES_WORD, dayMonth, formatNumber, lowerFirst, shortDate, shortDistrictName } from './format.js';

export const NO_DATA_WORDS = 'Chưa có số liệu';
export const HELD_GREEN_WORDS = 'Giữ vững vùng xanh';
export const IMPROVED_WORDS = 'Chuyển sang vùng nguy cơ thấp hơn';

/** The pictures drawn once per run and shared by the report, the appendix workbook and the PNG beside them. */
export interface ReportFigures {
  /** null when the plan names no boundary file. */
  map: ProvinceMap | null;
  course: CourseChart;
}

const mapZones = (plan: Plan): MapZone[] => plan.zoneScale.zones.map((z) => ({ code: z.code, label: z.label, color: z.color, rank: z.rank }));

/** The two panels: every commune's zone at the start and the end; on the end panel, who held green or improved. */
export function mapOf(plan: Plan, results: Results, boundaries: Boundaries): ProvinceMap {
  const { period, communes } = results;
  const marks = new Map<string, Mark>();
  for (const c of communes) {
    if (c.category === 'held-green') marks.set(c.code, 'held-green');
    else if (c.category === 'improved') marks.set(c.code, 'improved');
  }
  return provinceMap({
    boundaries,
    zones: mapZones(plan),
    panels: [
      { title: `Đầu kỳ (${shortDate(period.from)})`, zoneOf: new Map(communes.map((c) => [c.code, c.start?.zone ?? null])) },
      { title: `Cuối kỳ (${shortDate(period.to)})`, zoneOf: new Map(communes.map((c) => [c.code, c.end?.zone ?? null])), marks },
    ],
    words: {
      noData: NO_DATA_WORDS, heldGreen: HELD_GREEN_WORDS, improved: IMPROVED_WORDS, north: 'B',
      insetTitle: (code) => `${shortDistrictName(results.districts.find((d) => d.code === code)?.name ?? code)} (phóng to)`,
    },
  });
}

export function courseOf(plan: Plan, results: Results): CourseChart {
  const { course } = results;
  return courseChart({
    zones: mapZones(plan),
    communeCount: course.communeCount,
    days: course.days.map((d) => ({ label: dayMonth(d.date), byZone: d.byZone, noData: d.noData })),
    noDataLabel: NO_DATA_WORDS,
    axisLabel: `Số ${COMMUNES_WORD}`,
    halfLabel: '50%',
  });
}

export function reportFigures(plan: Plan, results: Results, boundaries: Boundaries | null | undefined): ReportFigures {
  return { map: boundaries ? mapOf(plan, results, boundaries) : null, course: courseOf(plan, results) };
}

/** A PNG picture centred, kept with its caption under it. */
export function pngFigure(picture: { png: Buffer; width: number; height: number }, caption: string): Paragraph[] {
  return [
    new Paragraph({
      style: STYLE.image,
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: picture.png, transformation: { width: picture.width, height: picture.height } })],
    }),
    new Paragraph({ style: STYLE.center, spacing: { after: 120 }, children: [new TextRun({ text: caption, italics: true, size: pt(12) })] }),
  ];
}

export function mapCaption(results: Results): string {
  const { from, to } = results.period;
  return (
    `Bản đồ 1. Phân vùng các ${COMMUNES_WORD} đầu kỳ (${shortDate(from)}) và cuối kỳ (${shortDate(to)}); ` +
    `● ${lowerFirst(HELD_GREEN_WORDS)}, ▲ ${lowerFirst(IMPROVED_WORDS)}; nét đậm: ranh giới cấp huyện`
  );
}

/** When green first held more than half the communes; or, if it never did, its highest count. */
export function greenHalfSentence(plan: Plan, results: Results): string {
  const { course } = results;
  const green = lowerFirst(plan.zoneScale.zones[0].label);
  const n = formatNumber(course.communeCount);
  const passed = course.greenPassedHalf;
  if (passed !== null) {
    const day = course.days.find((d) => d.date === passed)!;
    const count = `${formatNumber(day.byZone[0])}/${n} ${COMMUNES_WORD}`;
    return passed === course.days[0].date
      ? `Ngay từ đầu kỳ (ngày ${shortDate(passed)}), ${green} đã chiếm hơn một nửa số ${COMMUNES_WORD} của tỉnh (${count}).`
      : `Từ ngày ${shortDate(passed)}, ${green} chiếm hơn một nửa số ${COMMUNES_WORD} của tỉnh (${count}).`;
  }
  const best = course.days.reduce((a, d) => (d.byZone[0] > a.byZone[0] ? d : a), course.days[0]);
  return `Trong kỳ, ${green} chưa lúc nào chiếm quá một nửa số ${COMMUNES_WORD} của tỉnh (nhiều nhất ${formatNumber(best.byZone[0])}/${n}, ngày ${shortDate(best.date)}).`;
}

/** The course: a lead-in, the chart with its caption, the sentence on green passing half. */
export function courseParagraphs(plan: Plan, results: Results, chart: CourseChart, number: number): Paragraph[] {
  const { course, period } = results;
  const dates = course.days.length;
  const lead =
    dates > 1
      ? `Diễn biến số ${COMMUNES_WORD} theo từng vùng qua ${formatNumber(dates)} mốc đánh giá từ ngày ${shortDate(period.from)} đến ngày ${shortDate(course.days[dates - 1].date)} ` +
        `(mỗi xã giữ vùng của lần đánh giá gần nhất):`
      : `Trong kỳ chưa có đánh giá nào sau ngày ${shortDate(period.from)}; số ${COMMUNES_WORD} theo từng vùng đầu kỳ:`;
  const lines = [new Paragraph({ style: STYLE.normal, keepNext: true, children: [new TextRun(lead)] })];
  return [
    ...lines,
    ...pngFigure(chart, `Biểu đồ ${number}. Diễn biến số ${COMMUNES_WORD} theo vùng qua các lần đánh giá (đường nét đứt: một nửa số ${COMMUNES_WORD})`),
    body(greenHalfSentence(plan, results)),
  ];
}
