// shortlist's terminal output: the versioned JSON object, and a short summary by district.
import type { Lang } from '../core/types.js';
import type { Shortlist } from '../shortlist/types.js';
import type { Painter } from './validateReport.js';
import type { Bonus } from '../shortlist/bonus.js';
import { formatNumber } from './report/format.js';
import { formatNd30ShortDate } from '../docx/nd30Date.js';

/** What the run adds to the shortlist for the summary: the bonus, and Căn cứ lines not yet checked. */
export interface ShortlistExtra {
  bonus: Bonus;
  unverifiedBases: string[];
  drafted: boolean; // a draft decision was written (someone is proposed)
}

function bonusJson(b: Bonus) {
  return {
    onDate: b.onDate,
    baseSalary: b.baseSalary,
    rates: b.rates.map((r) => ({ form: r.formCode, individual: r.individual, collective: r.collective, source: r.source })),
    collectiveTotal: b.collectiveTotal,
    individualTotal: b.individualTotal,
    total: b.total,
  };
}

export function shortlistJson(s: Shortlist, outputs: Record<string, string>, extra?: ShortlistExtra) {
  return {
    version: 1,
    outputs,
    ...(extra ? { bonus: bonusJson(extra.bonus), unverifiedLegalBases: extra.unverifiedBases } : {}),
    collectives: s.collectives.map((c) => ({ name: c.name, district: c.districtCode, commune: c.communeCode, source: c.source, achievement: c.achievement })),
    individuals: s.individuals.map((i) => ({ name: i.name, position: i.position, unit: i.unit, district: i.districtCode, commune: i.communeCode, achievement: i.achievement })),
    leftOut: s.leftOut.map((l) => ({ name: l.name, kind: l.kind, district: l.districtCode, commune: l.communeCode, reason: l.reason })),
  };
}

const T = {
  vi: {
    title: 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh', coll: 'tập thể', auto: 'tự động', nominated: 'huyện đề nghị', ind: 'cá nhân', left: 'Không đề nghị', written: 'Đã ghi',
    money: 'Tiền thưởng', base: 'lương cơ sở', noDecision: 'Không lập dự thảo Quyết định: không có tập thể, cá nhân nào được đề nghị.',
    unverified: 'Căn cứ chưa đối chiếu với văn bản gốc (kiểm tra số, ngày trước khi trình ký):',
  },
  en: {
    title: 'Proposed for the provincial Chairman\'s certificate of merit', coll: 'collectives', auto: 'automatic', nominated: 'nominated', ind: 'individuals', left: 'Left out', written: 'Written',
    money: 'Bonus', base: 'base salary', noDecision: 'No draft decision written: nobody is proposed.',
    unverified: 'Legal bases not checked against the original text (check number and date before signing):',
  },
} as const;

export function shortlistSummaryText(s: Shortlist, outputs: Record<string, string>, lang: Lang, paint: Painter, extra?: ShortlistExtra): string[] {
  const t = T[lang];
  const auto = s.collectives.filter((c) => c.source === 'auto').length;
  const lines = [
    paint.bold(t.title),
    `  ${s.collectives.length} ${t.coll} (${auto} ${t.auto}, ${s.collectives.length - auto} ${t.nominated}), ${s.individuals.length} ${t.ind}`,
    `  ${t.left}: ${s.leftOut.length}`,
  ];
  const reasons = new Map<string, number>();
  for (const l of s.leftOut) reasons.set(l.detail, (reasons.get(l.detail) ?? 0) + 1);
  for (const [r, n] of reasons) lines.push(paint.dim(`    - ${r}: ${n}`));
  if (extra) lines.push(...extraLines(extra, t, paint));
  lines.push('');
  for (const p of Object.values(outputs)) lines.push(paint.ok(`${t.written}: ${p}`));
  return lines;
}

function extraLines(extra: ShortlistExtra, t: (typeof T)[keyof typeof T], paint: Painter): string[] {
  const b = extra.bonus;
  const lines = [`  ${t.money}: ${formatNumber(b.total)} đồng (${t.base} ${formatNumber(b.baseSalary.amount)} đồng, ${formatNd30ShortDate(b.onDate)})`];
  if (!extra.drafted) lines.push(paint.warning(`  ${t.noDecision}`));
  if (extra.unverifiedBases.length > 0) {
    lines.push(paint.warning(`  ${t.unverified}`));
    for (const text of extra.unverifiedBases) lines.push(paint.dim(`    - ${text}`));
  }
  return lines;
}
