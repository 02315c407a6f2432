// The blank workbook of `thidua template`: its shape, and the round trip a district makes with
// it (filled in → validates with no issue at all; left empty → only "not filled in" issues).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry, type Registry } from '../../src/data/registry.js';
import type { Plan } from '../../src/core/types.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { districtTemplate, SHEETS, templateFileName } from '../../src/render/template.js';
import { KINDS } from '../../src/read/schema.js';
import { validateInputs } from '../../src/validate/run.js';
import { fillTemplate } from './fill.js';

let plan: Plan;
let registry: Registry;
let dir: string;

beforeAll(() => {
  plan = loadPlan(DEFAULT_PLAN);
  registry = loadRegistry(DEFAULT_REGISTRY);
  dir = mkdtempSync(join(tmpdir(), 'thidua-template-'));
});

async function bytesOf(code: string): Promise<Buffer> {
  return Buffer.from((await districtTemplate({ plan, registry, districtCode: code }).xlsx.writeBuffer()) as ArrayBuffer);
}

async function validate(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return validateInputs([path], { plan, registry, period: plan.period, forcedDistrict: null });
}

async function reload(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe('template workbook', () => {
  it('is named by code and ASCII name', () => {
    expect(templateFileName(registry.districts.get('942')!)).toBe('942-Huyen-Chau-Thanh.xlsx');
    expect(templateFileName(registry.districts.get('941')!)).toBe('941-Thanh-pho-Soc-Trang.xlsx');
    expect(templateFileName(registry.districts.get('948')!)).toBe('948-Thi-xa-Nga-Nam.xlsx');
  });

  it('has the guide first, the four kinds with canonical headers, and a hidden list sheet', async () => {
    const wb = await reload(await bytesOf('942'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.guide, SHEETS.zones, SHEETS.nominations, SHEETS.indicators, SHEETS.difficulties, SHEETS.lists]);
    expect(wb.getWorksheet(SHEETS.lists)!.state).toBe('hidden');
    const zones = wb.getWorksheet(SHEETS.zones)!;
    expect(zones.getCell('A1').value).toBe('UBND HUYỆN CHÂU THÀNH');
    const header = (zones.getRow(5).values as unknown[]).slice(1);
    const canonical = KINDS.find((k) => k.kind === 'zones')!.fields.map((f) => f.aliases[0]);
    expect(header).toEqual(canonical);
    expect(header.slice(0, 5)).toEqual(['STT', 'Mã xã', 'Tên xã', 'Ngày đánh giá', 'Vùng']);
    const guide = wb.getWorksheet(SHEETS.guide)!;
    const text = guide.getColumn(1).values.filter(Boolean).join('\n');
    for (const z of plan.zoneScale.zones) expect(text).toContain(z.label);
    expect(text).toContain('16/08/2021');
    expect(text).toContain('Sở Nội vụ');
  });

  it('prefills every commune at every checkpoint, dates as real dates, with dropdowns and limits', async () => {
    const wb = await reload(await bytesOf('942'));
    const zones = wb.getWorksheet(SHEETS.zones)!;
    const communes = registry.communesOf('942');
    const rows = plan.checkpoints.length * communes.length;
    const codes = new Set<string>();
    for (let r = 6; r < 6 + rows; r++) {
      codes.add(String(zones.getCell(r, 2).value));
      expect(zones.getCell(r, 4).value).toBeInstanceOf(Date);
      expect(zones.getCell(r, 4).numFmt).toBe('dd/mm/yyyy');
    }
    expect(zones.getCell(6 + rows, 2).value).toBeNull();
    expect([...codes].sort()).toEqual(communes.map((c) => c.code).sort());
    expect((zones.getCell(6, 4).value as Date).toISOString().slice(0, 10)).toBe('2021-08-15');
    expect((zones.getCell(6 + rows - 1, 4).value as Date).toISOString().slice(0, 10)).toBe('2021-08-25');
    const zone = zones.getCell('E6').dataValidation;
    expect(zone.type).toBe('list');
    expect(zone.formulae[0]).toMatch(/^DanhMuc!\$A\$2:\$A\$5$/);
    expect(zones.getCell('F40').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(zones.getCell('D6').dataValidation).toMatchObject({ type: 'date', operator: 'between' });
    const lists = wb.getWorksheet(SHEETS.lists)!;
    expect(lists.getColumn(1).values.slice(2)).toEqual(plan.zoneScale.zones.map((z) => z.label));
    expect(lists.getColumn(3).values.slice(2)).toEqual([...communes].sort((a, b) => a.code.localeCompare(b.code)).map((c) => c.name));
    const nominations = wb.getWorksheet(SHEETS.nominations)!;
    expect(nominations.getCell('B6').dataValidation.formulae[0]).toContain('DanhMuc!$B$2:$B$3');
    const indicators = wb.getWorksheet(SHEETS.indicators)!;
    expect([2, 3, 4, 5].map((i) => indicators.getCell(5 + i - 1, 2).value)).toEqual(plan.indicators.map((i) => i.label));
    expect(indicators.getCell('C6').value).toBe(plan.indicators[0].unit);
  });
});

describe('template round trip', () => {
  it.each([...'941 942 943 944 945 946 947 948 949 950 951'.split(' ')])('district %s: filled in, it validates with no issue at all', async (code) => {
    const filled = await fillTemplate(await bytesOf(code), registry.communesOf(code));
    const run = await validate(`filled-${code}.xlsx`, filled);
    const f = run.files[0];
    expect(f.issues.map((i) => `${i.code} ${i.sheet}!${i.cell} ${i.value}`)).toEqual([]);
    expect(run.errors + run.warnings).toBe(0);
    expect(f.districtCode).toBe(code);
    expect(f.assessments).toHaveLength(plan.checkpoints.length * registry.communesOf(code).length);
    expect(f.nominations).toHaveLength(2);
    expect(f.indicators.map((i) => i.indicatorCode)).toEqual(plan.indicators.map((i) => i.code));
    expect(f.difficulties).toHaveLength(1);
  });

  it('left empty, it gives only "not filled in" issues: the zone and value cells, nothing else', async () => {
    const run = await validate('empty-942.xlsx', await bytesOf('942'));
    const f = run.files[0];
    expect(f.districtCode).toBe('942');
    expect(run.warnings).toBe(0);
    // One issue per sheet left blank, naming the column, not one per cell.
    expect(f.issues.map((i) => [i.code, i.sheet, i.column])).toEqual([
      ['sheet-not-filled', SHEETS.zones, 'E'],
      ['sheet-not-filled', SHEETS.indicators, 'D'],
    ]);
    const zones = f.issues[0];
    expect(zones.params.n).toBe(plan.checkpoints.length * registry.communesOf('942').length);
    expect(f.sheets.find((s) => s.name === SHEETS.guide)).toBeUndefined();
  });
});
