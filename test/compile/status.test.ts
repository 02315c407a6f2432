// Tests for one commune's start and end status and its category, against the real plan:
// every category, the look-back boundaries, same-date ties, and the reasons for no data.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/compile/period.js';
import { classifyCommune, statusContext, zoneAt } from '../../src/compile/status.js';
import type { DistrictInput, Period } from '../../src/compile/types.js';
import type { Assessment } from '../../src/core/types.js';
import { assess, communeCodes, plan, registry, submitted } from './helpers.js';

const period: Period = plan.period; // 2021-08-16 … 2021-08-25
const ctx = statusContext(plan, period);
const code = communeCodes('943')[0];
const before = addDays(period.from, -1); // the usual baseline date, 15/8

function classify(rows: Assessment[], input: DistrictInput | null = submitted('943')) {
  const c = registry.communes.get(code)!;
  return classifyCommune(c, registry.districts.get('943'), rows, input ?? undefined, ctx);
}

const at = (date: string, zone: string) => assess(code, date, zone);

describe('categories', () => {
  it('held green: green at the start, at every assessment and at the end', () => {
    const r = classify([at(before, 'xanh'), at('2021-08-20', 'xanh'), at(period.to, 'xanh')]);
    expect(r).toMatchObject({ category: 'held-green', becameGreen: false, qualifies: true, assessmentsInPeriod: 2 });
    expect(r.start).toEqual({ zone: 'xanh', date: before });
    expect(r.end).toEqual({ zone: 'xanh', date: period.to });
  });

  it('green not held: left green during the period but ended green', () => {
    const r = classify([at(before, 'xanh'), at('2021-08-20', 'vang'), at(period.to, 'xanh')]);
    expect(r).toMatchObject({ category: 'green-not-held', qualifies: false, fromZone: null, toZone: null });
  });

  it('improved, with becameGreen when it ends green', () => {
    expect(classify([at(before, 'do'), at(period.to, 'vang')])).toMatchObject({ category: 'improved', becameGreen: false, fromZone: 'do', toZone: 'vang', qualifies: true });
    expect(classify([at(before, 'cam'), at('2021-08-20', 'do'), at(period.to, 'xanh')])).toMatchObject({ category: 'improved', becameGreen: true, fromZone: 'cam', toZone: 'xanh' });
  });

  it('worsened, from green too', () => {
    expect(classify([at(before, 'vang'), at('2021-08-22', 'cam')])).toMatchObject({ category: 'worsened', fromZone: 'vang', toZone: 'cam', qualifies: false });
    expect(classify([at(before, 'xanh'), at(period.to, 'do')])).toMatchObject({ category: 'worsened', fromZone: 'xanh', toZone: 'do' });
  });

  it('unchanged: the same non-green zone at both ends', () => {
    expect(classify([at(before, 'cam'), at('2021-08-20', 'xanh'), at(period.to, 'cam')])).toMatchObject({ category: 'unchanged', qualifies: false });
  });

  it('a baseline alone is the status at both ends', () => {
    const r = classify([at(before, 'xanh')]);
    expect(r).toMatchObject({ category: 'held-green', assessmentsInPeriod: 0 });
    expect(r.end).toEqual(r.start);
  });

  it('an assessment after the period does not count', () => {
    const r = classify([at(before, 'xanh'), at(addDays(period.to, 1), 'do')]);
    expect(r).toMatchObject({ category: 'held-green', assessmentsInPeriod: 0 });
  });
});

describe('status at the start', () => {
  it('takes an assessment dated on the start day itself', () => {
    const r = classify([at(before, 'do'), at(period.from, 'cam'), at(period.to, 'cam')]);
    expect(r.start).toEqual({ zone: 'cam', date: period.from });
    expect(r.category).toBe('unchanged');
  });

  it(`looks back exactly plan.baselineLookbackDays (${plan.baselineLookbackDays}) days`, () => {
    const edge = addDays(period.from, -plan.baselineLookbackDays);
    const tooOld = addDays(period.from, -plan.baselineLookbackDays - 1);
    expect(edge).toBe('2021-08-02');
    expect(zoneAt([at(edge, 'cam')], period.from, ctx)).toEqual({ zone: 'cam', date: edge });
    expect(zoneAt([at(tooOld, 'cam')], period.from, ctx)).toBeNull();
    // Too old for the start and for the end alike.
    const r = classify([at(tooOld, 'xanh'), at(period.to, 'xanh')]);
    expect(r.start).toBeNull();
    expect(r).toMatchObject({ category: 'no-data', reason: { missing: 'start', cause: 'not-reported' } });
  });

  it('on a same-date tie takes the worst zone, whatever the row order', () => {
    const rows = [at(before, 'vang'), at(before, 'do'), at(before, 'xanh'), at(period.to, 'cam'), at(period.to, 'xanh')];
    for (const order of [rows, [...rows].reverse()]) {
      const r = classify(order);
      expect(r.start).toEqual({ zone: 'do', date: before });
      expect(r.end).toEqual({ zone: 'cam', date: period.to });
      expect(r).toMatchObject({ category: 'improved', fromZone: 'do', toZone: 'cam' });
    }
  });

  it('a tie inside the period breaks "held green"', () => {
    expect(classify([at(before, 'xanh'), at('2021-08-20', 'xanh'), at('2021-08-20', 'vang'), at(period.to, 'xanh')]).category).toBe('green-not-held');
  });
});

describe('no data', () => {
  it('says which end is missing and why', () => {
    expect(classify([])).toMatchObject({ category: 'no-data', start: null, end: null, reason: { missing: 'both', cause: 'not-reported' }, qualifies: false });
    expect(classify([at('2021-08-20', 'xanh')])).toMatchObject({ category: 'no-data', reason: { missing: 'start', cause: 'not-reported' }, assessmentsInPeriod: 1 });
    expect(classify([], submitted('943', { errorCount: 2, communesWithErrors: [code] })).reason).toEqual({ missing: 'both', cause: 'rows-with-errors' });
    expect(classify([], null).reason).toEqual({ missing: 'both', cause: 'district-not-submitted' });
    expect(classify([], submitted('943', { submitted: false })).reason).toEqual({ missing: 'both', cause: 'district-not-submitted' });
  });
});
