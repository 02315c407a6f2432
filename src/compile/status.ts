// A commune's zone at the start and end of the period and what happened in between
// (SPEC §5): held green, improved (became green), worsened, green not held, unchanged, no data.
import type { Assessment, Commune, District, IsoDate, Plan, Zone } from '../core/types.js';
import { greenZone, zoneByCode } from '../data/plan.js';
import { addDays } from '../core/dates.js';
import type { CommuneResult, DistrictInput, NoDataReason, Period, ZoneStatus } from './types.js';

/** What every commune's classification needs: the scale and the dates that bound the statuses. */
export interface StatusContext {
  zones: Map<string, Zone>;
  green: Zone;
  period: Period;
  /** The earliest date a status may come from: the plan's look-back before the period start. */
  earliest: IsoDate;
}

export function statusContext(plan: Plan, period: Period): StatusContext {
  return { zones: zoneByCode(plan), green: greenZone(plan), period, earliest: addDays(period.from, -plan.baselineLookbackDays) };
}

/**
 * The commune's zone on a date: its latest assessment dated in [earliest, date]. Two assessments
 * on that latest date should not survive validation; if they do, the worst zone counts.
 */
export function zoneAt(assessments: Assessment[], date: IsoDate, ctx: StatusContext): ZoneStatus | null {
  let best: Assessment | null = null;
  let bestRank = 0;
  for (const a of assessments) {
    const rank = ctx.zones.get(a.zone)?.rank;
    if (rank === undefined || a.date < ctx.earliest || a.date > date) continue;
    if (!best || a.date > best.date || (a.date === best.date && rank > bestRank)) [best, bestRank] = [a, rank];
  }
  return best ? { zone: best.zone, date: best.date } : null;
}

/** Green at every assessment dated after the start and up to the end: the "giữ vững" condition. */
export function greenThroughout(assessments: Assessment[], ctx: StatusContext): boolean {
  const { from, to } = ctx.period;
  return assessments.every((a) => a.date <= from || a.date > to || !ctx.zones.has(a.zone) || a.zone === ctx.green.code);
}

function noDataReason(start: ZoneStatus | null, end: ZoneStatus | null, commune: Commune, input: DistrictInput | undefined): NoDataReason {
  const missing = !start && !end ? 'both' : !start ? 'start' : 'end';
  const cause = !input || !input.submitted ? ((input?.documents?.length ?? 0) > 0 ? 'no-data-sheets' : 'district-not-submitted') : input.communesWithErrors.includes(commune.code) ? 'rows-with-errors' : 'not-reported';
  return { missing, cause };
}

type Outcome = Pick<CommuneResult, 'category' | 'becameGreen' | 'fromZone' | 'toZone'>;

function outcome(start: ZoneStatus, end: ZoneStatus, assessments: Assessment[], ctx: StatusContext): Outcome {
  const startRank = ctx.zones.get(start.zone)!.rank;
  const endRank = ctx.zones.get(end.zone)!.rank;
  const green = ctx.green.code;
  const base = { becameGreen: false, fromZone: null, toZone: null };
  if (start.zone === green && end.zone === green) {
    return { ...base, category: greenThroughout(assessments, ctx) ? 'held-green' : 'green-not-held' };
  }
  if (endRank < startRank) return { category: 'improved', becameGreen: end.zone === green, fromZone: start.zone, toZone: end.zone };
  if (endRank > startRank) return { category: 'worsened', becameGreen: false, fromZone: start.zone, toZone: end.zone };
  return { ...base, category: 'unchanged' };
}

/** One commune's result from its own clean assessments (any order). */
export function classifyCommune(
  commune: Commune,
  district: District | undefined,
  assessments: Assessment[],
  input: DistrictInput | undefined,
  ctx: StatusContext,
): CommuneResult {
  const start = zoneAt(assessments, ctx.period.from, ctx);
  const end = zoneAt(assessments, ctx.period.to, ctx);
  const inPeriod = assessments.filter((a) => a.date >= ctx.period.from && a.date <= ctx.period.to && ctx.zones.has(a.zone)).length;
  const result: Outcome = start && end ? outcome(start, end, assessments, ctx) : { category: 'no-data', becameGreen: false, fromZone: null, toZone: null };
  return {
    code: commune.code,
    name: commune.name,
    districtCode: commune.districtCode,
    districtName: district?.name ?? commune.districtCode,
    start,
    end,
    assessmentsInPeriod: inPeriod,
    category: result.category,
    becameGreen: result.becameGreen,
    fromZone: result.fromZone,
    toZone: result.toZone,
    reason: result.category === 'no-data' ? noDataReason(start, end, commune, input) : null,
    qualifies: result.category === 'held-green' || result.category === 'improved',
  };
}
