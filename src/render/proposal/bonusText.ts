// The bonus as the proposal documents say it: computed once per shortlist from the plan's rates
// (src/shortlist/bonus.ts), and the sentences of the Tờ trình and of the Quyết định's Điều 2.
import type { IsoDate } from '../../core/types.js';
import { shortlistBonus, type Bonus } from '../../shortlist/bonus.js';
import type { Shortlist } from '../../shortlist/types.js';
import { formatNd30ShortDate } from '../../docx/nd30Date.js';
import { joinVi } from '../report/format.js';
import { dong, moneyWords } from './money.js';
import type { LeftOutInput } from './words.js';

/** What the bonus needs: the workbook's input, and the Tờ trình's date when there is one. */
export type BonusInput = LeftOutInput & { meta?: { date: IsoDate | null } };

const cache = new WeakMap<Shortlist, Map<string, Bonus>>();

/**
 * The date whose base salary applies: the decision's date is not known when the draft is made,
 * so the Tờ trình's date when given, else the campaign's last day.
 */
export function bonusDate(input: BonusInput): IsoDate {
  return input.meta?.date ?? input.results.period.to;
}

/** The bonus of this input's shortlist; the same object for every renderer of one run. */
export function bonusOf(input: BonusInput): Bonus {
  const date = bonusDate(input);
  let byDate = cache.get(input.shortlist);
  if (!byDate) cache.set(input.shortlist, (byDate = new Map()));
  let bonus = byDate.get(date);
  if (!bonus) byDate.set(date, (bonus = shortlistBonus(input.plan, input.shortlist, date)));
  return bonus;
}

/** The single amount every item of a kind gets, or null when award forms differ. */
function uniform(amounts: number[]): number | null {
  return amounts.length > 0 && amounts.every((a) => a === amounts[0]) ? amounts[0] : null;
}

/** "mỗi tập thể 2.980.000 đồng, mỗi cá nhân 1.490.000 đồng" (or "theo danh sách kèm theo"). */
export function perItemClause(bonus: Bonus): string {
  const parts: string[] = [];
  const c = uniform(bonus.collectives);
  const i = uniform(bonus.individuals);
  if (bonus.collectives.length > 0) parts.push(c === null ? 'mỗi tập thể theo mức ghi trong danh sách' : `mỗi tập thể ${dong(c)}`);
  if (bonus.individuals.length > 0) parts.push(i === null ? 'mỗi cá nhân theo mức ghi trong danh sách' : `mỗi cá nhân ${dong(i)}`);
  return parts.join(', ');
}

/** "theo Điều 73 Nghị định số 91/2017/NĐ-CP, tính trên mức lương cơ sở 1.490.000 đồng áp dụng từ ngày 01/7/2019 theo Nghị định số 38/2019/NĐ-CP …". */
export function baseClause(bonus: Bonus): string {
  const sources = joinVi([...new Set(bonus.rates.map((r) => r.source))]);
  const salary = bonus.baseSalary;
  return `theo ${sources}, tính trên mức lương cơ sở ${dong(salary.amount)} áp dụng từ ngày ${formatNd30ShortDate(salary.from)} theo ${salary.source}`;
}

/** "Tổng số tiền thưởng: 132.590.000 đồng (Bằng chữ: …)." */
export function totalClause(bonus: Bonus): string {
  return `tổng số tiền thưởng là ${dong(bonus.total)} (Bằng chữ: ${moneyWords(bonus.total)})`;
}

/** The Tờ trình's paragraph on the money, after the request; null when nobody is proposed. */
export function letterBonusParagraph(input: BonusInput): string | null {
  const s = input.shortlist;
  if (s.collectives.length + s.individuals.length === 0) return null;
  const bonus = bonusOf(input);
  const fund = input.plan.decision?.fund ?? 'Quỹ thi đua, khen thưởng';
  return (
    `Tiền thưởng kèm theo Bằng khen: ${perItemClause(bonus)} (${baseClause(bonus)}); ${totalClause(bonus)}, ` +
    `chi từ ${fund} (kèm theo dự thảo Quyết định).`
  );
}
