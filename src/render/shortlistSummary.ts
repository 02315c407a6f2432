// shortlist's terminal output: the versioned JSON object, and a short summary by district.
import type { Lang } from '../core/types.js';
import type { Shortlist } from '../shortlist/types.js';
import type { Painter } from './validateReport.js';

export function shortlistJson(s: Shortlist, outputs: Record<string, string>) {
  return {
    version: 1,
    outputs,
    collectives: s.collectives.map((c) => ({ name: c.name, district: c.districtCode, commune: c.communeCode, source: c.source, achievement: c.achievement })),
    individuals: s.individuals.map((i) => ({ name: i.name, position: i.position, unit: i.unit, district: i.districtCode, commune: i.communeCode, achievement: i.achievement })),
    leftOut: s.leftOut.map((l) => ({ name: l.name, kind: l.kind, district: l.districtCode, commune: l.communeCode, reason: l.reason })),
  };
}

const T = {
  vi: { title: 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh', coll: 'tập thể', auto: 'tự động', nominated: 'huyện đề nghị', ind: 'cá nhân', left: 'Không đề nghị', written: 'Đã ghi' },
  en: { title: 'Proposed for the provincial Chairman\'s certificate of merit', coll: 'collectives', auto: 'automatic', nominated: 'nominated', ind: 'individuals', left: 'Left out', written: 'Written' },
} as const;

export function shortlistSummaryText(s: Shortlist, outputs: Record<string, string>, lang: Lang, paint: Painter): string[] {
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
  lines.push('');
  for (const p of Object.values(outputs)) lines.push(paint.ok(`${t.written}: ${p}`));
  return lines;
}
