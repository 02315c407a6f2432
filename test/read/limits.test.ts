// Limits: flags to a limits object, and a workbook that inflates to a gigabyte is refused from
// its zip directory before the workbook reader parses anything, with peak memory far below the budget.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_CASES } from '../../fixtures/build/bad/big.js';
import { openSource } from '../../src/read/source.js';
import { DEFAULT_LIMITS, limitsFromFlags } from '../../src/read/limits.js';
import { ThiduaError } from '../../src/core/errors.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUDGET_MB = 300;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-limits-'));
  for (const c of BIG_CASES.filter((b) => b.file.startsWith('zip-bomb'))) await c.make(join(dir, c.file));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('limitsFromFlags', () => {
  it('keeps the defaults and scales megabytes', () => {
    expect(limitsFromFlags({})).toEqual(DEFAULT_LIMITS);
    const l = limitsFromFlags({ maxFileMb: '5', maxInflatedMb: '20', maxRows: '1000', maxColumns: '50', maxCellChars: '100' });
    expect(l).toEqual({ maxFileBytes: 5 * 1048576, maxInflatedBytes: 20 * 1048576, maxRows: 1000, maxColumns: 50, maxCellChars: 100 });
  });

  it('refuses a value that is not a positive number, as bad usage', () => {
    expect(() => limitsFromFlags({ maxRows: 'nhiều' })).toThrow(ThiduaError);
    try {
      limitsFromFlags({ maxFileMb: '-1' });
    } catch (e) {
      expect((e as ThiduaError).exitCode).toBe(2);
      expect((e as ThiduaError).text.en).toContain('--max-file-mb');
    }
  });
});

describe('a sheet that inflates to 1 GB', () => {
  for (const file of ['zip-bomb-1gb.xlsx', 'zip-bomb-1gb-lying.xlsx']) {
    it(`${file}: refused with a sentence before the workbook reader parses anything`, async () => {
      const t = performance.now();
      await expect(openSource(join(dir, file))).rejects.toThrow(ThiduaError);
      expect(performance.now() - t).toBeLessThan(5_000);
    });

    it(`${file}: peak memory stays within ${BUDGET_MB} MB (measured in a child process)`, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/read/scripts/peakOpen.ts'), join(dir, file)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      const m = JSON.parse(r.stdout) as { outcome: string; ms: number; maxRssMb: number };
      console.log(`${file}: ${m.ms} ms, peak RSS ${m.maxRssMb} MB — ${m.outcome.slice(0, 90)}`);
      expect(m.outcome).toMatch(/zip bomb|--max-inflated-mb/);
      expect(m.maxRssMb).toBeLessThan(BUDGET_MB);
      expect(m.ms).toBeLessThan(5_000);
    });
  }
});
