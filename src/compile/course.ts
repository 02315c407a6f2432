// The campaign's course ("Diễn biến"): how many communes were in each zone on each assessment
// date of the period, a commune keeping its last known zone between its assessments.
import type { Assessment, IsoDate, Plan } from '../core/types.js';
import { groupBy } from '../core/collections.js';
import { statusContext, zoneAt } from './status.js';
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
 * Zone counts on each course date for the given communes (codes), from their clean assessments.
 * Each commune's zone on a date is its status as the period's start and end are computed
 * (zoneAt): its latest assessment on or before that date, within the plan's look-back.
 */
export function campaignCourse(plan: Plan, period: Period, communeCodes: string[], assessments: Assessment[]): Course {
  const ctx = statusContext(plan, period);
  const zones = plan.zoneScale.zones.map((z) => z.code);
  const index = new Map(zones.map((z, i) => [z, i]));
  const dates = courseDates(assessments, period);
  const days: CourseDay[] = dates.map((date) => ({ date, byZone: zones.map(() => 0), noData: 0 }));
  const byCommune = groupBy(assessments, (a) => a.communeCode);
  for (const code of communeCodes) {
    const own = byCommune.get(code) ?? [];
    dates.forEach((date, i) => {
      const status = zoneAt(own, date, ctx);
      const k = status ? index.get(status.zone) : undefined;
      if (k === undefined) days[i].noData++;
      else days[i].byZone[k]++;
    });
  }
  const greenPassedHalf = days.find((d) => d.byZone[0] * 2 > communeCodes.length)?.date ?? null;
  return { zones, communeCount: communeCodes.length, days, greenPassedHalf };
}
