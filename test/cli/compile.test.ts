// `thidua compile` end to end on the fixture province: the figures against the fixtures' ground
// truth, documents written whole and byte-identical, no overwrite without --force, --month.
import { readFileSync, mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT, thidua } from './helpers.js';
const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/manifest.json'), 'utf8')).province;
const tmp = () => mkdtempSync(join(tmpdir(), 'thidua-compile-'));

function compileJson(out: string, extra: string[] = []) {
  const r = thidua(['compile', 'fixtures/province', '--out', out, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('thidua compile (CLI)', () => {
  const out = tmp();
  const json = compileJson(out, ['--number', '125', '--date', '25/08/2021']);

  it('gives the province figures of the ground truth', () => {
    expect(json.version).toBe(1);
    expect(json.period).toEqual({ from: '2021-08-16', to: '2021-08-25' });
    expect(json.province.start).toEqual(manifest.totals.start);
    expect(json.province.end).toEqual(manifest.totals.end);
    const t = manifest.totals.categories;
    // The fixtures count "became green" apart from "improved"; compile counts it within.
    expect(json.categories).toMatchObject({
      'held-green': t['held-green'], improved: t.improved + t['became-green'], 'became-green': t['became-green'],
      worsened: t.worsened, unchanged: t.unchanged, 'green-not-held': t['green-not-held'], 'no-data': t['no-data'],
    });
  });

  it('gives every district its figures and lists the eligible communes', () => {
    for (const d of manifest.districts) {
      expect(json.perDistrict[d.code].start, d.name).toEqual(d.start);
      expect(json.perDistrict[d.code].end, d.name).toEqual(d.end);
    }
    const eligible = manifest.communes.filter((c: { category: string }) => ['held-green', 'improved', 'became-green'].includes(c.category)).map((c: { code: string }) => c.code);
    expect([...json.eligibleCommunes].sort()).toEqual(eligible.sort());
    expect(json.districts.submitted).toHaveLength(11);
    expect(json.districts.withErrors).toEqual(['950']);
  });

  it('writes the report with the number and date given, and the workbook', async () => {
    expect(readdirSync(out).sort()).toEqual(['ban-do-vung-20210816-20210825.png', 'bao-cao-ket-qua-20210816-20210825.docx', 'phu-luc-ket-qua-20210816-20210825.xlsx']);
    expect(json.outputs.map).toBe(join(out, 'ban-do-vung-20210816-20210825.png'));
    const zip = await JSZip.loadAsync(readFileSync(json.outputs.report));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Số: 125/BC-SNV');
    expect(text).toContain('Sóc Trăng, ngày 25 tháng 8 năm 2021');
    expect(text).toContain('BÁO CÁO');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
  });

  it('writes byte-identical documents for the same inputs and options', () => {
    const again = compileJson(tmp(), ['--number', '125', '--date', '25/08/2021']);
    expect(readFileSync(again.outputs.report).equals(readFileSync(json.outputs.report))).toBe(true);
    expect(readFileSync(again.outputs.workbook).equals(readFileSync(json.outputs.workbook))).toBe(true);
    expect(readFileSync(again.outputs.map).equals(readFileSync(json.outputs.map))).toBe(true);
  });

  it('refuses to overwrite without --force, and leaves no partial file', () => {
    const r = thidua(['compile', 'fixtures/province', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(readdirSync(out)).toHaveLength(3);
    expect(thidua(['compile', 'fixtures/province', '--out', out, '--force']).code).toBe(0);
  });

  it('compiles a calendar month with --month, and refuses under --strict while a district has errors', () => {
    const m = compileJson(tmp(), ['--month', '2021-08']);
    expect(m.period).toEqual({ from: '2021-08-01', to: '2021-08-31' });
    const strictOut = tmp();
    const strict = thidua(['compile', 'fixtures/province', '--out', strictOut, '--strict']);
    expect(strict.code).toBe(1);
    expect(existsSync(join(strictOut, 'bao-cao-ket-qua-20210816-20210825.docx'))).toBe(false);
  });
});
