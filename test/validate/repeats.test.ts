// A sheet that holds one commune's assessment tens of thousands of times (a formula filled down,
// a copy pasted over and over, some with a note): every exact repeat is counted once and warned
// about, under the issue cap. The warning pass compared each row with every row before it for
// the same commune and date: 40,000 such rows took 28 s and these 80,000 would take about two
// minutes, past the CLI helper's one-minute limit; one pass with a map takes ~2 s.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, thidua } from '../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'thidua-repeats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a zone row repeated 80,000 times', () => {
  it('is one assessment, with a warning per repeat (exact, or with other details), kept under the cap and the rest counted', () => {
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
    // 20,000 rows without a note on each date: 19,999 exact repeats of each (duplicate-row); the
    // 20,000 with a note of their own give the same zone with other details (repeated-assessment)
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length + omitted).toBeGreaterThanOrEqual(2 * 19_999);
    expect(report.stats.warnings).toBe(2 * 19_999 + 2 * 20_000);
    expect(listed[0].message).toMatch(/lặp lại y hệt dòng 2\b/);
  }, 120_000);
});

describe('one commune and day given twice in a file with the same zone', () => {
  const header = 'STT,Mã xã,"Tên xã, phường, thị trấn",Ngày đánh giá,Vùng,Số ca cộng đồng 14 ngày,Ghi chú';
  const write = (name: string, rows: string[]) => {
    const sub = join(dir, 'twice');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, name), `${[header, ...rows].join('\n')}\n`);
    return sub;
  };

  it('warns on the later row, naming the first and the cells that differ; an exact repeat stays a duplicate-row; another file is not warned about', () => {
    const folder = write('944-phan-vung.csv', [
      '1,31567,Thị trấn Huỳnh Hữu Nghĩa,16/08/2021,Xanh,0,',
      '2,31567,Thị trấn Huỳnh Hữu Nghĩa,16/08/2021,Xanh,2,bổ sung sau',
      '3,31567,Thị trấn Huỳnh Hữu Nghĩa,16/08/2021,Xanh,0,',
      '4,31579,Xã Long Hưng,16/08/2021,Vàng,1,',
    ]);
    write('944-bo-sung.csv', ['1,31579,Xã Long Hưng,16/08/2021,Vàng,1,gửi thêm']);
    const vi = JSON.parse(thidua(['validate', folder, '--format', 'json'], ROOT, { THIDUA_WORKERS: '0' }).stdout);
    const issues = vi.files.flatMap((f: { issues: { code: string; cell: string | null; row: number; message: string }[] }) => f.issues);
    const repeated = issues.filter((i: { code: string }) => i.code === 'repeated-assessment');
    expect(repeated).toHaveLength(1);
    expect(repeated[0].message).toContain('Thị trấn Huỳnh Hữu Nghĩa');
    expect(repeated[0].message).toMatch(/16\/08\/2021/);
    expect(repeated[0].message).toContain('(số ca cộng đồng 14 ngày, ghi chú) không được tính');
    expect(repeated[0].message).toMatch(/944-phan-vung!E2/);
    const dup = issues.filter((i: { code: string }) => i.code === 'duplicate-row');
    expect(dup).toHaveLength(1);
    const en = JSON.parse(thidua(['validate', folder, '--format', 'json', '--lang', 'en'], ROOT, { THIDUA_WORKERS: '0' }).stdout);
    const repeatedEn = en.files.flatMap((f: { issues: { code: string; message: string }[] }) => f.issues).filter((i: { code: string }) => i.code === 'repeated-assessment');
    expect(repeatedEn[0].message).toContain('what this row says differently (community cases in 14 days, note) is not counted');
  });
});

