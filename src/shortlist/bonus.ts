// The bonus money that goes with the shortlisted awards (issue 17): for each collective and
// individual, the plan's multiple of the base salary in force on the given date, rounded up to
// the plan's step (Nghị định 91/2017/NĐ-CP: Điều 73 sets the multiples, Điều 68 khoản 2 the
// rounding). Every renderer (Tờ trình, Danh sách, Quyết định, clerk's workbook) reads these sums.
import type { BonusPlan, IsoDate, Plan } from '../core/types.js';
import { usageError } from '../core/errors.js';
import type { Shortlist } from './types.js';

export interface BonusRate {
  formCode: string;
  formLabel: string; // the award form's full label, as the shortlist carries it
  individual: number; // đồng, rounded
  collective: number; // đồng
  source: string;
}

export interface Bonus {
  onDate: IsoDate;
  baseSalary: { amount: number; from: IsoDate; source: string };
  rounding: BonusPlan['rounding'];
  rates: BonusRate[]; // those the shortlist uses, in plan order
  collectives: number[]; // parallel to shortlist.collectives
  individuals: number[]; // parallel to shortlist.individuals
  collectiveTotal: number;
  individualTotal: number;
  total: number;
}

/** Multiply without binary fractions showing (1,1 × 1.490.000), then round up to the step. */
export function roundedUp(multiple: number, base: number, step: number): number {
  const exact = Math.round(multiple * 1000) * base; // thousandths of a đồng
  const stepUnits = step * 1000;
  return (Math.ceil(exact / stepUnits) * stepUnits) / 1000;
}

function missing(vi: string, en: string): never {
  throw usageError(`Kế hoạch chưa có ${vi} nên không tính được tiền thưởng cho dự thảo Quyết định.`, `The plan has no ${en}, so the bonus in the draft decision cannot be computed.`);
}

/** The base salary in force on a date, from the plan's list. */
export function baseSalaryOn(bonus: BonusPlan, onDate: IsoDate): Bonus['baseSalary'] {
  const hit = bonus.baseSalaries.find((b) => b.from <= onDate && (b.to === null || onDate <= b.to));
  if (!hit) missing(`mức lương cơ sở áp dụng ngày ${onDate} ("bonus.baseSalaries")`, `base salary in force on ${onDate} ("bonus.baseSalaries")`);
  return { amount: hit.amount, from: hit.from, source: hit.source };
}

function rateFor(plan: Plan, bonus: BonusPlan, base: number, formLabel: string): BonusRate {
  const form = plan.awardForms.find((f) => f.fullLabel === formLabel || f.label === formLabel);
  const rate = form ? bonus.rates.find((r) => r.form === form.code) : undefined;
  if (!form || !rate) missing(`mức thưởng cho hình thức "${formLabel}" ("bonus.rates")`, `bonus rate for "${formLabel}" ("bonus.rates")`);
  const individual = roundedUp(rate.individual, base, bonus.rounding.step);
  return { formCode: form.code, formLabel, individual, collective: individual * rate.collectiveTimesIndividual, source: rate.source };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The bonus of every proposed award; throws a usage error naming the plan key that is missing. */
export function shortlistBonus(plan: Plan, shortlist: Shortlist, onDate: IsoDate): Bonus {
  const bonus = plan.bonus ?? missing('khóa "bonus"', '"bonus" key');
  const baseSalary = baseSalaryOn(bonus, onDate);
  const rates = new Map<string, BonusRate>();
  const rate = (label: string) => {
    let r = rates.get(label);
    if (!r) rates.set(label, (r = rateFor(plan, bonus, baseSalary.amount, label)));
    return r;
  };
  const collectives = shortlist.collectives.map((c) => rate(c.awardForm).collective);
  const individuals = shortlist.individuals.map((p) => rate(p.awardForm).individual);
  const order = plan.awardForms.map((f) => f.code);
  const used = [...rates.values()].sort((a, b) => order.indexOf(a.formCode) - order.indexOf(b.formCode));
  const collectiveTotal = sum(collectives);
  const individualTotal = sum(individuals);
  return { onDate, baseSalary, rounding: bonus.rounding, rates: used, collectives, individuals, collectiveTotal, individualTotal, total: collectiveTotal + individualTotal };
}
