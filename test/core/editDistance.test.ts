// The bounded edit distance behind "did you mean": the same answer as the full one within the
// bound, "over" beyond it, and a cost that does not grow with the length of a hopeless input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, editDistanceWithin } from '../../src/core/normalize.js';

describe('editDistanceWithin', () => {
  it('agrees with the full distance up to the bound', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const full = editDistance(a, b);
        expect(editDistanceWithin(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives up at once on a 32,000-character string against a name', () => {
    const long = 'phu tam moi '.repeat(2700);
    const t = performance.now();
    for (let i = 0; i < 10_000; i++) expect(editDistanceWithin(long, 'phu tam', 3)).toBe(4);
    expect(performance.now() - t).toBeLessThan(2_000);
  });

  it('costs length × bound for two long strings of equal length', () => {
    const a = 'x'.repeat(32_000);
    const b = `${'x'.repeat(15_999)}y${'x'.repeat(16_000)}`;
    const t = performance.now();
    expect(editDistanceWithin(a, b, 3)).toBe(1);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
