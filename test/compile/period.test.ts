// Tests for the reporting period: user dates, --month, --from/--to, and the plan default.
import { describe, expect, it } from 'vitest';
import { addDays, monthPeriod, parseUserDate, periodFromOptions } from '../../src/compile/period.js';
import { ThiduaError } from '../../src/core/errors.js';
import { plan } from './helpers.js';

describe('parseUserDate', () => {
  it('reads dd/mm/yyyy and ISO dates', () => {
    expect(parseUserDate('25/8/2021')).toBe('2021-08-25');
    expect(parseUserDate('05/08/2021')).toBe('2021-08-05');
    expect(parseUserDate('5-8-2021')).toBe('2021-08-05');
    expect(parseUserDate('25.8.2021')).toBe('2021-08-25');
    expect(parseUserDate('2021-08-25')).toBe('2021-08-25');
    expect(parseUserDate(' 2021-8-5 ')).toBe('2021-08-05');
  });

  it('refuses impossible or malformed dates', () => {
    for (const bad of ['31/9/2021', '29/2/2021', '2021-13-01', '0/8/2021', '8/2021', 'hôm nay', '', '25/8/21']) {
      expect(parseUserDate(bad), bad).toBeNull();
    }
    expect(parseUserDate('29/2/2020')).toBe('2020-02-29');
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2021-08-16', -14)).toBe('2021-08-02');
    expect(addDays('2021-08-01', -14)).toBe('2021-07-18');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });
});

describe('periodFromOptions', () => {
  it("defaults to the plan's period", () => {
    expect(periodFromOptions(plan)).toEqual(plan.period);
    expect(periodFromOptions(plan, {})).not.toBe(plan.period); // a copy: callers may not mutate the plan
  });

  it('takes a whole calendar month, not clipped to the plan', () => {
    expect(periodFromOptions(plan, { month: '2021-08' })).toEqual({ from: '2021-08-01', to: '2021-08-31' });
    expect(periodFromOptions(plan, { month: '2021-09' })).toEqual({ from: '2021-09-01', to: '2021-09-30' });
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('lets --from and --to override either end', () => {
    expect(periodFromOptions(plan, { from: '20/8/2021' })).toEqual({ from: '2021-08-20', to: plan.period.to });
    expect(periodFromOptions(plan, { to: '2021-08-20' })).toEqual({ from: plan.period.from, to: '2021-08-20' });
    expect(periodFromOptions(plan, { month: '2021-08', to: '15/8/2021' })).toEqual({ from: '2021-08-01', to: '2021-08-15' });
  });

  it('refuses bad options as usage errors', () => {
    expect(() => periodFromOptions(plan, { month: '08/2021' })).toThrow(ThiduaError);
    expect(() => periodFromOptions(plan, { month: '2021-13' })).toThrow(ThiduaError);
    expect(() => periodFromOptions(plan, { from: '32/8/2021' })).toThrow(ThiduaError);
    expect(() => periodFromOptions(plan, { from: '26/8/2021', to: '25/8/2021' })).toThrow(/after/);
  });
});
