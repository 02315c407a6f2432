// Figures over a set of commune results (one district or the whole province): communes by
// zone at start and end, the transition matrix, the share of green, category counts, and the
// district level of QĐ 2686 (tham khảo).
import type { Plan, Zone } from '../core/types.js';
import { CATEGORIES } from './types.js';
import type { CategoryCounts, CommuneResult, DistrictLevel, GreenShare, TransitionMatrix, ZoneCounts, ZoneStatus, ZoneSummary } from './types.js';

type End = 'start' | 'end';

export function zoneCounts(communes: CommuneResult[], end: End, zones: Zone[]): ZoneCounts {
  const byZone = zones.map((z) => ({ zone: z.code, count: communes.filter((c) => c[end]?.zone === z.code).length }));
  const counted = byZone.reduce((n, z) => n + z.count, 0);
  return { byZone, noData: communes.length - counted, total: communes.length };
}

/** Rows: zone at the start; columns: zone at the end; only communes with both. */
export function transitionMatrix(communes: CommuneResult[], zones: Zone[]): TransitionMatrix {
  const index = new Map(zones.map((z, i) => [z.code, i]));
  const counts = zones.map(() => zones.map(() => 0));
  let total = 0;
  for (const c of communes) {
    const i = c.start ? index.get(c.start.zone) : undefined;
    const j = c.end ? index.get(c.end.zone) : undefined;
    if (i === undefined || j === undefined) continue;
    counts[i][j] += 1;
    total += 1;
  }
  return { zones: zones.map((z) => z.code), counts, total };
}

export function greenShare(communes: CommuneResult[], end: End, green: Zone): GreenShare {
  const withStatus = communes.filter((c) => c[end] !== null).length;
  const greens = communes.filter((c) => c[end]?.zone === green.code).length;
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  return { green: greens, withStatus, total: communes.length, ofWithStatus: ratio(greens, withStatus), ofAll: ratio(greens, communes.length) };
}

export function categoryCounts(communes: CommuneResult[]): CategoryCounts {
  const counts = Object.fromEntries(CATEGORIES.map((k) => [k, 0])) as CategoryCounts;
  counts.becameGreen = 0;
  for (const c of communes) {
    counts[c.category] += 1;
    if (c.becameGreen) counts.becameGreen += 1;
  }
  return counts;
}

export function zoneSummary(communes: CommuneResult[], plan: Plan): ZoneSummary {
  const zones = plan.zoneScale.zones;
  return {
    communeCount: communes.length,
    start: zoneCounts(communes, 'start', zones),
    end: zoneCounts(communes, 'end', zones),
    transitions: transitionMatrix(communes, zones),
    greenShare: { start: greenShare(communes, 'start', zones[0]), end: greenShare(communes, 'end', zones[0]) },
    categories: categoryCounts(communes),
  };
}

/** share ≥ num/den, in integers so that 3 of 10 is exactly 30%. */
const atLeast = (count: number, of: number, num: number, den: number) => count * den >= of * num;

/**
 * The district level from its communes' ranks, our reading of QĐ 2686 (shown as "tham khảo"):
 * - 4 Nguy cơ rất cao: ≥30% of communes at rank 4, or ≥50% at rank 3;
 * - 3 Nguy cơ cao: ≥30% at rank 3, or ≥50% at rank 2, or any commune at rank 4;
 * - 2 Nguy cơ: any commune at rank 2 or 3;
 * - 1 Bình thường mới: all communes at rank 1.
 * "At rank 3" counts exactly rank 3 (a red commune is not also counted as orange). Shares are
 * over communes with a status; none → null. Only defined for a four-level scale.
 */
export function districtLevelOf(ranks: number[]): number | null {
  const n = ranks.length;
  if (n === 0) return null;
  const at = (r: number) => ranks.filter((x) => x === r).length;
  if (atLeast(at(4), n, 3, 10) || atLeast(at(3), n, 1, 2)) return 4;
  if (atLeast(at(3), n, 3, 10) || atLeast(at(2), n, 1, 2) || at(4) > 0) return 3;
  if (at(2) + at(3) > 0) return 2;
  return 1;
}

export function districtLevel(statuses: (ZoneStatus | null)[], plan: Plan): DistrictLevel | null {
  const zones = plan.zoneScale.zones;
  if (zones.length !== 4) return null;
  const rankOf = new Map(zones.map((z) => [z.code, z.rank]));
  const ranks = statuses.flatMap((s) => (s && rankOf.has(s.zone) ? [rankOf.get(s.zone)!] : []));
  const rank = districtLevelOf(ranks);
  const zone = rank === null ? undefined : zones.find((z) => z.rank === rank);
  return zone ? { rank: zone.rank, zone: zone.code, level: zone.level } : null;
}
