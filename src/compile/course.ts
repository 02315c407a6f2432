// The campaign's course ("Diễn biến"): how many communes were in each zone on each assessment
// date of the period, a commune keeping its last known zone between its assessments.
import type { Assessment, IsoDate, Plan } from '../core/types.js';
import { groupBy } from '../core/collections.js';
import { statusContext } from './status.js';
import type { Period } from './types.js';

export interface CourseDay {
  date: IsoDate;
  /** Communes per zone, in the scale's rank order. */
  byZone: number[];
  noData: number;
}

export interface Course {
  zones: string[];
  communeCount: number;
  /** The period's start, then every date in (from, to] on which some commune was assessed. */
  days: CourseDay[];
  /** The first day on which green communes were more than half of all communes; null if never. */
  greenPassedHalf: IsoDate | null;
}

/** The dates the course shows: the start of the period, then each later assessment date within it. */
export function courseDates(assessments: Assessment[], period: Period): IsoDate[] {
  const later = new Set<IsoDate>();
  for (const a of assessments) if (a.date > period.from && a.date <= period.to) later.add(a.date);
  return [period.from, ...[...later].sort()];
}

/**
 * Zone counts on each course date for the given communes (codes), from their clean assessments
 * (a list, or a commune's rows when asked: compile at scale keeps no list of all rows).
 * Each commune's zone on a date is its status as the period's start and end are computed
 * (zoneAt): its latest assessment on or before that date, within the plan's look-back; a tie on
 * that date goes to the worst zone. A commune's rows are sorted once and swept with the dates,
 * so a year of daily rows costs rows × log rows, not dates × rows.
 */
export function campaignCourse(plan: Plan, period: Period, communeCodes: string[], assessments: Assessment[] | ((communeCode: string) => Assessment[])): Course {
  const ctx = statusContext(plan, period);
  const zones = plan.zoneScale.zones.map((z) => z.code);
  const index = new Map(zones.map((z, i) => [z, i]));
  let of: (code: string) => Assessment[];
  if (typeof assessments === 'function') of = assessments;
  else {
    const byCommune = groupBy(assessments, (a) => a.communeCode);
    of = (code) => byCommune.get(code) ?? [];
  }
  const later = new Set<IsoDate>();
  for (const code of communeCodes) for (const a of of(code)) if (a.date > period.from && a.date <= period.to) later.add(a.date);
  const dates = [period.from, ...[...later].sort()];
  const days: CourseDay[] = dates.map((date) => ({ date, byZone: zones.map(() => 0), noData: 0 }));
  for (const code of communeCodes) {
    const own = of(code)
      .filter((a) => ctx.zones.has(a.zone) && a.date >= ctx.earliest)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ctx.zones.get(a.zone)!.rank - ctx.zones.get(b.zone)!.rank));
    let k = -1; // the last of `own` dated on or before the course date: the latest, worst on a tie
    dates.forEach((date, i) => {
      while (k + 1 < own.length && own[k + 1].date <= date) k++;
      const z = k >= 0 ? index.get(own[k].zone) : undefined;
      if (z === undefined) days[i].noData++;
      else days[i].byZone[z]++;
    });
  }
  const greenPassedHalf = days.find((d) => d.byZone[0] * 2 > communeCodes.length)?.date ?? null;
  return { zones, communeCount: communeCodes.length, days, greenPassedHalf };
}
