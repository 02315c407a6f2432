// Who meets the plan's award condition: a commune that held vùng xanh or moved to a lower-risk
// zone; a district, under "all-communes-qualify", when every commune with data does.
import type { Plan } from '../core/types.js';
import type { CategoryCounts, CommuneResult } from './types.js';

export function qualifies(result: Pick<CommuneResult, 'category'>): boolean {
  return result.category === 'held-green' || result.category === 'improved';
}

/**
 * Communes without data neither qualify nor disqualify their district (their absence is
 * reported separately), but a district with no data at all does not qualify.
 */
export function districtQualifies(district: { categories: CategoryCounts }, plan: Pick<Plan, 'districtAwardRule'>): boolean {
  if (plan.districtAwardRule !== 'all-communes-qualify') return false;
  const c = district.categories;
  const withData = c['held-green'] + c.improved + c.worsened + c['green-not-held'] + c.unchanged;
  return withData > 0 && c['held-green'] + c.improved === withData;
}
