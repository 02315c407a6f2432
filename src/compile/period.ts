// The reporting period a compile run covers: the plan's period by default, a calendar month
// (--month 2021-08), or explicit --from/--to dates typed as dd/mm/yyyy or yyyy-mm-dd.
import type { IsoDate, Plan } from '../core/types.js';
import { usageError } from '../core/errors.js';
import type { Period } from './types.js';

export type { Period } from './types.js';

export interface PeriodOptions {
  month?: string; // "yyyy-mm"
  from?: string;
  to?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "25/8/2021", "25-08-2021", "25.8.2021" or "2021-08-25" → "2021-08-25"; null when not a real date. */
export function parseUserDate(text: string): IsoDate | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return null;
}

export { addDays } from '../core/dates.js';

/** "2021-08" → 1/8/2021–31/8/2021. */
export function monthPeriod(month: string): Period | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(month.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const from = isoOf(year, mon, 1);
  if (!from) return null;
  return { from, to: isoOf(year, mon, daysInMonth(year, mon))! };
}

function userDate(text: string, flag: string): IsoDate {
  const d = parseUserDate(text);
  if (!d) throw usageError(`${flag} "${text}" không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).`, `${flag} "${text}" is not a valid date (dd/mm/yyyy or yyyy-mm-dd).`);
  return d;
}

/**
 * The period to compile: the plan's by default; a month is the whole calendar month (not
 * clipped to the plan's period); --from and --to override either end of whichever applies.
 */
export function periodFromOptions(plan: Plan, options: PeriodOptions = {}): Period {
  let period: Period = { ...plan.period };
  if (options.month !== undefined) {
    const m = monthPeriod(options.month);
    if (!m) throw usageError(`--month "${options.month}" không hợp lệ (cần dạng yyyy-mm, ví dụ 2021-08).`, `--month "${options.month}" is not valid (expected yyyy-mm, e.g. 2021-08).`);
    period = m;
  }
  if (options.from !== undefined) period.from = userDate(options.from, '--from');
  if (options.to !== undefined) period.to = userDate(options.to, '--to');
  if (period.from > period.to) {
    throw usageError(`Ngày bắt đầu ${period.from} sau ngày kết thúc ${period.to}.`, `The start date ${period.from} is after the end date ${period.to}.`);
  }
  return period;
}
