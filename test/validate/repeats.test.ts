// A sheet that holds one commune's assessment tens of thousands of times (a formula filled down,
// a copy pasted over and over, some with a note): every exact repeat is counted once and warned
// about, under the issue cap. The warning pass compared each row with every row before it for
// the same commune and date: 40,000 such rows took 28 s and these 80,000 would take about two
// minutes, past the CLI helper's one-minute limit; one pass with a map takes ~2 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, thidua } from '../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'thidua-repeats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a zone row repeated 80,000 times', () => {
  it('is one assessment, with a duplicate-row warning per exact repeat, kept under the cap and the rest counted', () => {
    const lines = ['STT,Mã xã,Ngày đánh giá,Vùng,Ghi chú'];
    // two dates, 40,000 rows each; every other row of a date has a note of its own (not a repeat)
    for (let i = 0; i < 80_000; i++) lines.push(`${i + 1},31567,${i % 2 === 0 ? '16/08/2021' : '25/08/2021'},Xanh,${Math.floor(i / 2) % 2 === 0 ? '' : `ghi chú ${i}`}`);
    const file = join(dir, '944-phan-vung.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = thidua(['validate', file, '--format', 'json'], ROOT, { THIDUA_WORKERS: '0' });
    expect(r.code).toBe(1); // not killed at the helper's time limit (null)
    const report = JSON.parse(r.stdout);
    const listed = report.files[0].issues.filter((i: { code: string }) => i.code === 'duplicate-row');
    const omitted = report.stats.issuesOmitted;
    // 20,000 rows without a note on each date: 19,999 repeats of each
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length + omitted).toBeGreaterThanOrEqual(2 * 19_999);
    expect(report.stats.warnings).toBe(2 * 19_999);
    expect(listed[0].message).toMatch(/lặp lại y hệt dòng 2\b/);
  }, 120_000);
});
