// compile's terminal output: the versioned JSON object, and a short summary with the province's
// zone counts (coloured by zone when the painter colours).
import type { Lang, Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import type { Compiled } from './documentInput.js';
import type { ZoneCounts } from '../compile/types.js';
import { ledgerText, type Painter } from './validateReport.js';
import { formatNd30ShortDate } from '../docx/nd30Date.js';

function countsByZone(c: ZoneCounts): Record<string, number> {
  return Object.fromEntries(c.byZone.map((z) => [z.zone, z.count]));
}

export function compileJson(compiled: Compiled, outputs: Record<string, string>) {
  const r = compiled.results;
  const cat = r.province.categories;
  return {
    version: 1,
    period: r.period,
    outputs,
    districts: {
      submitted: r.submissions.submitted,
      missing: r.submissions.notSubmitted,
      documentsOnly: r.submissions.documentsOnly,
      withErrors: r.submissions.withErrors.map((d) => d.districtCode),
    },
    province: { start: countsByZone(r.province.start), end: countsByZone(r.province.end), noData: { start: r.province.start.noData, end: r.province.end.noData } },
    categories: {
      'held-green': cat['held-green'], improved: cat.improved, 'became-green': cat.becameGreen, worsened: cat.worsened,
      unchanged: cat.unchanged, 'green-not-held': cat['green-not-held'], 'no-data': cat['no-data'],
    },
    perDistrict: Object.fromEntries(r.districts.map((d) => [d.code, { start: countsByZone(d.start), end: countsByZone(d.end), noData: d.end.noData }])),
    eligibleCommunes: r.communes.filter((c) => c.qualifies).map((c) => c.code),
    indicators: Object.fromEntries(r.province.indicators.map((i) => [i.label, i.value])),
    validation: { files: compiled.run.files.length, rows: compiled.run.ledger, errors: compiled.run.errors, warnings: compiled.run.warnings },
  };
}

const T = {
  vi: { rows: 'Dòng số liệu', ignored: 'bỏ qua tệp tạm, tệp hệ thống:', period: 'Kỳ', districts: 'Huyện đã gửi', missing: 'chưa gửi', documentsOnly: 'chỉ gửi văn bản, chưa có biểu số liệu', errors: 'có lỗi', zone: 'Vùng', start: 'Đầu kỳ', end: 'Cuối kỳ', noData: 'Chưa có số liệu', held: 'Giữ vững vùng xanh', improved: 'Chuyển sang vùng thấp hơn', became: 'trong đó thành vùng xanh', worsened: 'Chuyển sang vùng cao hơn', notHeld: 'Xanh nhưng không giữ được', unchanged: 'Không đổi', written: 'Đã ghi' },
  en: { rows: 'Data rows', ignored: 'lock and system files passed over:', period: 'Period', districts: 'Districts submitted', missing: 'missing', documentsOnly: 'sent only documents, no data sheet', errors: 'with errors', zone: 'Zone', start: 'Start', end: 'End', noData: 'No data', held: 'Held green', improved: 'Improved', became: 'of which became green', worsened: 'Worsened', notHeld: 'Green not held', unchanged: 'Unchanged', written: 'Written' },
} as const;

export function compileSummaryText(compiled: Compiled, plan: Plan, reg: Registry, outputs: Record<string, string>, lang: Lang, paint: Painter): string[] {
  const t = T[lang];
  const r = compiled.results;
  const p = r.province;
  const names = (codes: string[]) => codes.map((c) => reg.districts.get(c)?.name ?? c).join(', ');
  const lines = [
    paint.bold(`${plan.province.name} — ${t.period} ${formatNd30ShortDate(r.period.from)} – ${formatNd30ShortDate(r.period.to)}`),
    `${t.districts}: ${r.submissions.submitted.length}/${r.districts.length}` +
      (r.submissions.notSubmitted.length ? `; ${t.missing}: ${names(r.submissions.notSubmitted)}` : '') +
      (r.submissions.documentsOnly.length ? `; ${t.documentsOnly}: ${names(r.submissions.documentsOnly)}` : '') +
      (r.submissions.withErrors.length ? `; ${t.errors}: ${r.submissions.withErrors.map((d) => `${reg.districts.get(d.districtCode)?.name ?? d.districtCode} (${d.errorCount})`).join(', ')}` : ''),
    `${t.rows}: ${ledgerText(compiled.run.ledger, lang)}${compiled.run.ignored.length ? ` (${t.ignored} ${compiled.run.ignored.length})` : ''}`,
    '',
    `  ${t.zone.padEnd(18)}${t.start.padStart(9)}${t.end.padStart(9)}`,
  ];
  for (const [i, z] of plan.zoneScale.zones.entries()) {
    const label = paint.zone(z.color, z.label.padEnd(18));
    lines.push(`  ${label}${String(p.start.byZone[i].count).padStart(9)}${String(p.end.byZone[i].count).padStart(9)}`);
  }
  lines.push(`  ${t.noData.padEnd(18)}${String(p.start.noData).padStart(9)}${String(p.end.noData).padStart(9)}`, '');
  const c = p.categories;
  lines.push(`  ${t.held}: ${c['held-green']}`, `  ${t.improved}: ${c.improved} (${t.became}: ${c.becameGreen})`, `  ${t.worsened}: ${c.worsened}`, `  ${t.notHeld}: ${c['green-not-held']}`, `  ${t.unchanged}: ${c.unchanged}`, '');
  for (const path of Object.values(outputs)) lines.push(paint.ok(`${t.written}: ${path}`));
  return lines;
}
