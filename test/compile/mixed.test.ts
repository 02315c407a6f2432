// The "done when" of issue 11: a province whose districts sent .xls, .ods, an HTML table and an
// Excel 2003 XML spreadsheet (both named .xls), an .xlsx re-saved by openpyxl, and CSVs
// (fixtures/province-mixed/, made by fixtures/build/writers/mixedProvince.ts and committed, so
// this runs without LibreOffice) compiles to the same figures, nominations and indicators as the
// province of fixtures/province/.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileInputs } from '../../src/pipeline.js';
import { plan, registry } from './helpers.js';

const dir = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}/`, import.meta.url));

async function compiled(folder: string) {
  const c = await compileInputs({ plan, registry, period: plan.period, lang: 'vi', paths: [dir(folder)] });
  // Where a value was read from (file, sheet, cell) differs by format; what was read must not.
  const strip = (o: unknown): unknown => JSON.parse(JSON.stringify(o, (k, v) => (k === 'at' || k === 'files' || k === 'path' ? undefined : v)));
  return {
    c,
    results: strip(c.results),
    nominations: strip(c.run.files.flatMap((f) => f.nominations).sort((a, b) => (a.name < b.name ? -1 : 1))),
    indicators: strip(c.run.files.flatMap((f) => f.indicators).sort((a, b) => (a.districtCode + a.label < b.districtCode + b.label ? -1 : 1))),
    issues: c.run.files.flatMap((f) => f.issues.map((i) => `${i.code} ${i.cell ?? ''}`)).sort(),
    formats: c.run.files.map((f) => f.format).sort(),
  };
}

describe('a province sent in every format', () => {
  it('compiles to the same figures, nominations, indicators and issues as the all-.xlsx province', async () => {
    const [xlsx, mixed] = await Promise.all([compiled('province'), compiled('province-mixed')]);
    expect(new Set(mixed.formats)).toEqual(new Set(['csv', 'xlsx', 'xls', 'ods', 'html', 'xml']));
    expect(mixed.c.run.unreadable).toBe(0);
    expect(xlsx.c.results.generatedFrom.assessments).toBeGreaterThan(100);
    expect(mixed.results).toEqual(xlsx.results);
    expect(mixed.nominations).toEqual(xlsx.nominations);
    expect(mixed.indicators).toEqual(xlsx.indicators);
    expect(mixed.issues).toEqual(xlsx.issues);
  }, 60_000);
});
