// Tests for the district level of QĐ 2686 (tham khảo) at the exact 30% and 50% boundaries.
import { describe, expect, it } from 'vitest';
import { districtLevel, districtLevelOf } from '../../src/compile/summary.js';
import { plan } from './helpers.js';

/** n communes: the given counts of ranks 4, 3, 2, the rest rank 1. */
function ranks(n: number, { r4 = 0, r3 = 0, r2 = 0 }: { r4?: number; r3?: number; r2?: number }): number[] {
  return [...Array(r4).fill(4), ...Array(r3).fill(3), ...Array(r2).fill(2), ...Array(n - r4 - r3 - r2).fill(1)];
}

describe('districtLevelOf (2686 district rule)', () => {
  it('Nguy cơ rất cao at ≥30% very-high or ≥50% high, exactly at the boundary', () => {
    expect(districtLevelOf(ranks(10, { r4: 3 }))).toBe(4); // 30%
    expect(districtLevelOf(ranks(10, { r3: 5 }))).toBe(4); // 50%
    expect(districtLevelOf(ranks(13, { r4: 4 }))).toBe(4); // 30.8%
  });

  it('just under those boundaries it is Nguy cơ cao', () => {
    expect(districtLevelOf(ranks(10, { r4: 2 }))).toBe(3); // 20% red: any red commune
    expect(districtLevelOf(ranks(13, { r4: 3 }))).toBe(3); // 23%
    expect(districtLevelOf(ranks(10, { r3: 4 }))).toBe(3); // 40% orange
    expect(districtLevelOf(ranks(10, { r4: 1, r3: 4 }))).toBe(3); // red not counted as orange
  });

  it('Nguy cơ cao at ≥30% high or ≥50% at risk, exactly at the boundary', () => {
    expect(districtLevelOf(ranks(10, { r3: 3 }))).toBe(3); // 30%
    expect(districtLevelOf(ranks(10, { r2: 5 }))).toBe(3); // 50%
    expect(districtLevelOf(ranks(8, { r2: 4 }))).toBe(3);
  });

  it('just under them, any commune at risk makes it Nguy cơ', () => {
    expect(districtLevelOf(ranks(10, { r3: 2 }))).toBe(2);
    expect(districtLevelOf(ranks(10, { r2: 4 }))).toBe(2);
    expect(districtLevelOf(ranks(11, { r2: 5 }))).toBe(2); // 45%
    expect(districtLevelOf(ranks(10, { r2: 1 }))).toBe(2);
  });

  it('all green is Bình thường mới; nothing known is null', () => {
    expect(districtLevelOf(ranks(9, {}))).toBe(1);
    expect(districtLevelOf([])).toBeNull();
  });

  it('names the level from the plan, counting only communes with a status', () => {
    const s = (zone: string) => ({ zone, date: '2021-08-25' });
    // 1 red of 3 communes with a status is 33%: very high, though 1 of 10 communes would not be.
    expect(districtLevel([s('do'), s('xanh'), s('xanh'), ...Array(7).fill(null)], plan)).toEqual({ rank: 4, zone: 'do', level: 'Nguy cơ rất cao' });
    expect(districtLevel([s('xanh')], plan)).toEqual({ rank: 1, zone: 'xanh', level: 'Bình thường mới' });
    expect(districtLevel([null, null], plan)).toBeNull();
  });
});
