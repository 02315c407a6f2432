// Outputs that cannot hurt: what a district typed ("=1+1", "@SUM(A1)", "+849…", control
// characters) lands in the annotated copy as text, never as a formula or broken XML.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { validateInputs } from '../../src/validate/run.js';
import { annotatedWorkbook } from '../../src/render/annotate.js';
import { csvText, zoneRows } from '../../fixtures/build/bad/kit.js';

const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);
const dir = mkdtempSync(join(tmpdir(), 'thidua-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function annotate(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const run = await validateInputs([path], { plan, registry, period: plan.period, forcedDistrict: null });
  return annotatedWorkbook(run.files[0], 'vi');
}

describe('annotated copies', () => {
  it('keep formula-like text as text', async () => {
    const rows = zoneRows();
    rows[2] = ['31573', '@SUM(A1)', '15/08/2021', '=1+1', '+84913000000'];
    rows[3] = ['31576', '-2+3', '15/08/2021', '=HYPERLINK("http://x.invalid","Xanh")', 0];
    const bytes = await annotate('formulas.csv', csvText(rows));
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    for (const s of sheets) expect(await zip.file(s)!.async('string')).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets.find((w) => w.name !== 'Lỗi')!; // "Lỗi" is the first tab
    const values = ws.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(values).toEqual(expect.arrayContaining(['@SUM(A1)', '=1+1', '+84913000000', '-2+3', '=HYPERLINK("http://x.invalid","Xanh")']));
  });

  it('stay valid workbooks when cells hold control characters', async () => {
    const rows = zoneRows();
    rows[2] = ['31573', 'Xã Phú\u0001 Tâm\u001b', '15/08/2021', 'Vàng', 0];
    const bytes = await annotate('controls.csv', csvText(rows));
    const wb = new ExcelJS.Workbook();
    await expect(wb.xlsx.load(bytes as unknown as ExcelJS.Buffer)).resolves.toBeDefined();
  });
});
