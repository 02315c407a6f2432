// The campaign's course: zone counts on the period's start and each later assessment date, a commune
// keeping its last known zone between assessments; checked by hand on a few communes.
import { describe, expect, it } from 'vitest';
import { campaignCourse, courseDates } from '../../src/compile/course.js';
import { compileResults } from '../../src/compile/index.js';
import { assess, communeCodes, plan, registry, submitted } from '../compile/helpers.js';

const [a, b, c, d, e] = communeCodes('943');

describe('the course of the campaign', () => {
  // a: vàng on 15/8 (baseline), xanh from 20/8.
  // b: xanh on 15/8, cam on 18/8, xanh again on 25/8.
  // c: never assessed.
  // d: first assessed on 22/8 (đỏ): no status before.
  // e: assessed 1/7 only, before the look-back: no status; and an assessment after the period, not shown.
  const assessments = [
    assess(a, '2021-08-15', 'vang'), assess(a, '2021-08-20', 'xanh'),
    assess(b, '2021-08-15', 'xanh'), assess(b, '2021-08-18', 'cam'), assess(b, '2021-08-25', 'xanh'),
    assess(d, '2021-08-22', 'do'),
    assess(e, '2021-07-01', 'xanh'), assess(e, '2021-08-30', 'xanh'),
  ];
  const course = campaignCourse(plan, plan.period, [a, b, c, d, e], assessments);

  it('shows the start of the period and every later assessment date within it', () => {
    expect(courseDates(assessments, plan.period)).toEqual(['2021-08-16', '2021-08-18', '2021-08-20', '2021-08-22', '2021-08-25']);
    expect(course.days.map((x) => x.date)).toEqual(['2021-08-16', '2021-08-18', '2021-08-20', '2021-08-22', '2021-08-25']);
    expect(course.zones).toEqual(['xanh', 'vang', 'cam', 'do']);
  });

  it('counts each commune in its last known zone on each date', () => {
    // [xanh, vàng, cam, đỏ], no data
    expect(course.days.map((x) => [x.byZone, x.noData])).toEqual([
      [[1, 1, 0, 0], 3], // 16/8: b xanh, a vàng; c, d, e none
      [[0, 1, 1, 0], 3], // 18/8: b cam
      [[1, 0, 1, 0], 3], // 20/8: a xanh
      [[1, 0, 1, 1], 2], // 22/8: d đỏ
      [[2, 0, 0, 1], 2], // 25/8: b xanh again
    ]);
    for (const day of course.days) expect(day.byZone.reduce((s, n) => s + n, day.noData)).toBe(5);
  });

  it('gives the first date green held more than half the communes, or null', () => {
    expect(course.greenPassedHalf).toBeNull(); // 2 of 5 at best
    const three = campaignCourse(plan, plan.period, [a, b, d], assessments);
    expect(three.days.map((x) => x.byZone[0])).toEqual([1, 0, 1, 1, 2]);
    expect(three.greenPassedHalf).toBe('2021-08-25'); // 2 of 3; 1 of 3 before
    const two = campaignCourse(plan, plan.period, [a, b], assessments);
    expect(two.greenPassedHalf).toBe('2021-08-25'); // 1 of 2 on 16/8 and 20/8 is not more than half
    expect(campaignCourse(plan, plan.period, [a], assessments).greenPassedHalf).toBe('2021-08-20');
    expect(campaignCourse(plan, plan.period, [b], assessments).greenPassedHalf).toBe('2021-08-16'); // from the start
  });

  it('covers a calendar month as well', () => {
    const month = { from: '2021-08-01', to: '2021-08-31' };
    const m = campaignCourse(plan, month, [a, b, c, d, e], assessments);
    expect(m.days.map((x) => x.date)).toEqual(['2021-08-01', '2021-08-15', '2021-08-18', '2021-08-20', '2021-08-22', '2021-08-25', '2021-08-30']);
    // 1/8: e's 1/7 assessment is before the 14-day look-back (from 18/7): nobody has a status yet.
    expect(m.days[0]).toEqual({ date: '2021-08-01', byZone: [0, 0, 0, 0], noData: 5 });
    expect(m.days.at(-1)).toEqual({ date: '2021-08-30', byZone: [3, 0, 0, 1], noData: 1 });
  });

  it('is part of the compiled results, its ends agreeing with the province counts', () => {
    const all = [...registry.communes.keys()];
    const results = compileResults({
      plan, registry, period: plan.period, assessments, indicators: [], difficulties: [], districts: [submitted('943')],
    });
    expect(results.course.communeCount).toBe(all.length);
    const first = results.course.days[0];
    const last = results.course.days.at(-1)!;
    expect(first.byZone).toEqual(results.province.start.byZone.map((z) => z.count));
    expect(first.noData).toBe(results.province.start.noData);
    expect(last.byZone).toEqual(results.province.end.byZone.map((z) => z.count));
    expect(last.noData).toBe(results.province.end.noData);
  });
});
