// The appendix's rows written as XML text (render/appendix/rawRows.ts) must be the bytes exceljs's
// streaming writer gives through its Row and Cell objects: whole workbooks compared, for the
// bundled province, the broken one (issues with quotes, ampersands, long wrapped text) and the
// loss cases (totals, skipped rows, documents), each compiled for real from its fixture folder.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { compileInputs } from '../../src/pipeline.js';
import { appendixBytes, COMMUNES_SHEET, ISSUES_SHEET } from '../../src/render/appendix.js';
import { RAW_ROWS } from '../../src/render/appendix/rawRows.js';
import type { ReportInput } from '../../src/render/documentInput.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const plan = loadPlan(root('templates/plans/soc-trang-vung-xanh-2021.json'));
const registry = loadRegistry(root('templates/registry/soc-trang-2021-units.csv'));

async function inputFor(folder: string): Promise<ReportInput> {
  const compiled = await compileInputs({ plan, registry, period: plan.period, lang: 'vi', paths: [root(folder)], workers: { count: 0, forced: true } });
  const meta = { number: '12', date: '2021-08-27', fallbackYear: 2021, signer: plan.signer };
  // no boundaries and so no map: the workbook is streamed, the path the raw rows take
  return { plan, registry, results: compiled.results, sources: compiled.sources, issues: compiled.issues, issueTotal: compiled.issueTotal, meta, boundaries: null };
}

afterEach(() => {
  RAW_ROWS.enabled = true;
});

describe('appendix rows as XML text', () => {
  for (const folder of ['fixtures/province', 'fixtures/broken', 'fixtures/losses/ho-so']) {
    it(`give the same workbook, byte for byte, as exceljs's rows: ${folder}`, async () => {
      const input = await inputFor(folder);
      expect(input.results.communes.length).toBe(109);
      const before = RAW_ROWS.written;
      const raw = await appendixBytes(input);
      // the communes at least went out as text (not through exceljs's objects after all)
      expect(RAW_ROWS.written - before).toBeGreaterThanOrEqual(109);
      RAW_ROWS.enabled = false;
      const objects = await appendixBytes(input);
      expect(raw.equals(objects)).toBe(true);
      // and the workbook holds what it should: every commune, every listed issue
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(raw as unknown as ArrayBuffer);
      expect(wb.getWorksheet(COMMUNES_SHEET)!.rowCount).toBe(2 + 109);
      const issues = wb.getWorksheet(ISSUES_SHEET)!;
      expect(issues.rowCount).toBeGreaterThanOrEqual(2 + Math.min(input.issues.length, 10_000));
    });
  }
});
