// The built CLI as a user runs it: exit codes, JSON on stdout only, messages in both languages,
// no stack traces, and annotated copies that mark the offending cells.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { ROOT, thidua } from './helpers.js';

const BROKEN = join(ROOT, 'fixtures/broken');

describe('thidua validate (CLI)', () => {
  it('exits 0 on a valid submission and says so in Vietnamese', () => {
    const r = thidua(['validate', join(BROKEN, '21-valid-total-and-blank-rows')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('HỢP LỆ');
    expect(r.stdout).toContain('Huyện Châu Thành (942)');
  });

  it('exits 1 on invalid data, naming sheet and cell, with a suggestion', () => {
    const r = thidua(['validate', join(BROKEN, '01-unknown-commune-code')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Phan vung!B15: .*"31571"/);
    expect(r.stdout).toContain('Có phải Xã Hồ Đắc Kiện (31570)?');
  });

  it('prints only the versioned JSON object with --format json, in English with --lang en', () => {
    const r = thidua(['validate', join(BROKEN, '05-not-a-date'), '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ version: 1, valid: false, stats: { files: 1, errors: 1, warnings: 0 } });
    const [issue] = report.files[0].issues;
    expect(issue).toMatchObject({ code: 'not-a-date', severity: 'error', sheet: 'Phan vung', row: 15, column: 'D', cell: 'D15', value: '32/8/2021' });
    expect(issue.message).toMatch(/is not a valid date/);
    expect(report.files[0].district).toBe('942');
  });

  it('--strict turns warnings into a failure', () => {
    const dir = join(BROKEN, '07-zone-contradicts-cases');
    expect(thidua(['validate', dir]).code).toBe(0);
    expect(thidua(['validate', dir, '--strict']).code).toBe(1);
  });

  it('exits 3 on a file that is not a spreadsheet, with one sentence and no stack trace', () => {
    const r = thidua(['validate', join(BROKEN, '15b-pdf-named-xlsx')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('không phải bảng tính');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 on bad usage: unknown option, missing path, bad --lang, bad --month', () => {
    expect(thidua(['validate', '--nope', 'x']).code).toBe(2);
    const missing = thidua(['validate', 'khong-co-tep-nay.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy');
    expect(thidua(['validate', BROKEN, '--lang', 'fr']).code).toBe(2);
    expect(thidua(['validate', BROKEN, '--month', 'tháng 8']).code).toBe(2);
  });

  it('applies the read limits given as flags, and refuses a bad limit', () => {
    const r = thidua(['validate', join(ROOT, 'fixtures/province/long_phu_phan_vung.csv'), '--max-rows', '5', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('over the limit (--max-rows)');
    const bad = thidua(['validate', BROKEN, '--max-file-mb', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-file-mb');
  });

  it('reports a broken plan file by the key that is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-plan-'));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ id: 'x', title: 'y' }));
    const r = thidua(['validate', join(BROKEN, '21-valid-total-and-blank-rows'), '--plan', plan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"shortTitle"');
  });

  it('--annotate writes marked-up copies, never touching the originals, and refuses to overwrite', async () => {
    const out = mkdtempSync(join(tmpdir(), 'thidua-ann-'));
    const src = join(BROKEN, '04-zone-invalid');
    const before = readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs);
    const r = thidua(['validate', src, '--annotate', out]);
    expect(r.code).toBe(1);
    const [name] = readdirSync(out);
    expect(name).toBe('ChauThanh_PhanVung.kiem-tra.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, name));
    // "Lỗi" is the first tab; the district's own sheet follows.
    expect(wb.worksheets[0].name).toBe('Lỗi');
    const sheet = wb.worksheets[1];
    const cell = sheet.getCell('E15');
    expect(cell.value).toBe('xanh lơ');
    expect(String(cell.note && typeof cell.note === 'object' ? JSON.stringify(cell.note) : cell.note)).toContain('zone-invalid');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const errors = wb.getWorksheet('Lỗi')!;
    expect(errors.getRow(2).getCell(2).value).toBe('zone-invalid');
    expect(readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs)).toEqual(before);
    const again = thidua(['validate', src, '--annotate', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(thidua(['validate', src, '--annotate', out, '--force']).code).toBe(1);
  });
});
