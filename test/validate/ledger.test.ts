// The row ledger as a property: over generated workbooks (random communes, names, positions,
// units, zone words, totals placed anywhere, blank rows), every non-blank row below a header is
// used, excluded or skipped, and no row naming a commune, a person or a collective is skipped.
// Also the total-row rule on its own: an exact phrase, diacritics respected.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { validateInputs } from '../../src/validate/run.js';
import { isTotalLabel, isTotalRow, TOTAL_PHRASES, type ColumnMap } from '../../src/read/header.js';
import { layout, type Cell, type TableSpec } from '../../fixtures/build/grid.js';
import { workbookBytes } from '../../fixtures/build/write-xlsx.js';

const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);
const dir = mkdtempSync(join(tmpdir(), 'thidua-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOTALS = ['Tổng cộng', 'Cộng', 'Cộng:', 'TỔNG CỘNG', 'Tổng số', 'Toàn huyện', 'Tổng cộng (I+II)', 'Total'];
const TRICKY = ['Công', 'Cộng', 'Tổng', 'Toàn', 'Công an viên', 'Cộng tác viên', 'Tổng đài viên', 'Công an xã', 'Công đoàn cơ sở', 'Công ty TNHH Tổng hợp', 'Tổng cộng'];
const ZONE_WORDS = ['Xanh', 'vùng xanh', 'XANH', 'Bình thường mới', 'cấp 1', '1', 'Vàng', 'nguy cơ', 'cam', 'Cấp 3', 'Đỏ', 'đỏ', 'xanh lơ', ''];
const DATES = ['2021-08-15', '2021-08-20', '2021-08-25', '2021-07-01'];
const districts = [...registry.districts.keys()];

type Row = { total: false; cells: Record<string, Cell> } | { total: true; cells: Record<string, Cell> };

const trickyText = fc.tuple(fc.constantFrom(...TRICKY), fc.constantFrom('', ' Phú Tâm', ' Nguyễn Văn A', ' 1022', ' xã An Hiệp')).map(([a, b]) => `${a}${b}`);
const totalRow = (keys: string[]) => fc.record({ label: fc.constantFrom(...TOTALS), at: fc.constantFrom(...keys), n: fc.nat({ max: 999 }) });

function zoneSheet(dc: string) {
  const communes = registry.communesOf(dc);
  const dataRow = fc.record({
    c: fc.nat({ max: communes.length - 1 }), withCode: fc.boolean(), withName: fc.boolean(), date: fc.constantFrom(...DATES), zone: fc.constantFrom(...ZONE_WORDS),
    cases: fc.option(fc.nat({ max: 9 })), note: fc.option(trickyText),
  }).map(({ c, withCode, withName, date, zone, cases, note }): Row => {
    const commune = communes[c];
    return { total: false, cells: { code: withCode || !withName ? commune.code : null, name: withName ? commune.name : null, date: { date }, zone: zone || null, cases, note } };
  });
  const total = totalRow(['stt', 'name']).map(({ label, at, n }): Row => ({ total: true, cells: { [at]: label, cases: n } }));
  return fc.array(fc.oneof({ weight: 5, arbitrary: dataRow }, { weight: 1, arbitrary: total }), { minLength: 1, maxLength: 25 }).map((rows) => ({
    kind: 'zones',
    columns: [{ key: 'stt', label: 'STT' }, { key: 'code', label: 'Mã xã' }, { key: 'name', label: 'Tên xã' }, { key: 'date', label: 'Ngày đánh giá' }, { key: 'zone', label: 'Vùng' }, { key: 'cases', label: 'Số ca cộng đồng 14 ngày' }, { key: 'note', label: 'Ghi chú' }],
    rows,
  }));
}

function nominationSheet(dc: string) {
  const communes = registry.communesOf(dc);
  const dataRow = fc.record({
    kind: fc.constantFrom('Tập thể', 'Cá nhân', 'tập thể', 'CN', 'Khác'), name: trickyText, position: fc.option(trickyText), unit: fc.option(trickyText),
    c: fc.nat({ max: communes.length - 1 }), achievement: fc.option(fc.constantFrom('Giữ vững vùng xanh', 'Tổng hợp số liệu kịp thời', 'Cộng tác tích cực')),
  }).map(({ kind, name, position, unit, c, achievement }): Row => ({ total: false, cells: { kind, name, position, unit, commune: communes[c].name, achievement } }));
  const total = totalRow(['stt', 'name']).map(({ label, at }): Row => ({ total: true, cells: { [at]: label } }));
  return fc.array(fc.oneof({ weight: 5, arbitrary: dataRow }, { weight: 1, arbitrary: total }), { minLength: 1, maxLength: 15 }).map((rows) => ({
    kind: 'nominations',
    columns: [{ key: 'stt', label: 'STT' }, { key: 'kind', label: 'Loại' }, { key: 'name', label: 'Họ và tên / Tên tập thể' }, { key: 'position', label: 'Chức vụ' }, { key: 'unit', label: 'Đơn vị công tác' }, { key: 'commune', label: 'Xã gắn với thành tích' }, { key: 'achievement', label: 'Tóm tắt thành tích' }],
    rows,
  }));
}

const workbookArb = fc.constantFrom(...districts).chain((dc) =>
  fc.record({ dc: fc.constant(dc), zones: zoneSheet(dc), nominations: nominationSheet(dc), colNumbers: fc.boolean(), title: fc.boolean(), blankAfter: fc.array(fc.nat({ max: 20 }), { maxLength: 3 }) }),
);

let n = 0;

describe('the row ledger over generated workbooks', () => {
  it('accounts for every row, and never skips one that names a commune, a person or a collective', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (w) => {
        const specs = [w.zones, w.nominations].map((s, i): { spec: TableSpec; rows: Row[] } => ({
          rows: s.rows,
          spec: {
            sheet: i === 0 ? 'Phân vùng' : 'Khen thưởng', columns: s.columns, colNumbers: w.colNumbers, blankAfter: w.blankAfter,
            title: w.title ? [`UBND ${registry.districts.get(w.dc)!.name.toLocaleUpperCase('vi')}`, 'BIỂU TỔNG HỢP', ''] : undefined,
            rows: s.rows.map((r, k) => ({ stt: r.total ? null : k + 1, ...r.cells })),
          },
        }));
        const grids = specs.map((s) => layout(s.spec));
        const path = join(dir, `w${n++}.xlsx`);
        writeFileSync(path, await workbookBytes(grids, 'ledger'));
        const run = await validateInputs([path], { plan, registry, period: plan.period, forcedDistrict: w.dc });
        const f = run.files[0];
        let rowsIn = 0;
        const mayBeSkipped = new Set<string>();
        grids.forEach((g, i) => {
          const header = g.headerRows[g.headerRows.length - 1];
          rowsIn += g.cells.slice(header).filter((r) => r.some((c) => c !== null && c !== '')).length;
          if (w.colNumbers) mayBeSkipped.add(`${g.sheet}!${header + 1}`);
          specs[i].rows.forEach((r, k) => r.total && mayBeSkipped.add(`${g.sheet}!${g.dataRows[k]}`));
        });
        expect(f.unreadable).toBe(false);
        expect(f.rows.used + f.rows.excluded + f.rows.skipped).toBe(rowsIn);
        for (const k of f.skipped) expect(mayBeSkipped.has(`${k.sheet}!${k.row}`), `${k.sheet}!${k.row} ${k.reason}`).toBe(true);
        // every total row placed is recognised as one
        expect(f.skipped.filter((k) => k.reason === 'total').length).toBe(specs.reduce((a, s) => a + s.rows.filter((r) => r.total).length, 0));
      }),
      { numRuns: 40, seed: 20210816 },
    );
  }, 180_000);
});

describe('total rows', () => {
  const map = (fields: Record<string, number>): ColumnMap => ({ columns: new Map(Object.entries(fields)), duplicates: [], labels: [], letters: new Map() });
  const nominations = map({ stt: 0, kind: 1, name: 2, position: 3, unit: 4, communeName: 5, achievement: 6 });

  it('are told by an exact phrase with its diacritics', () => {
    for (const t of ['Tổng cộng', 'Cộng', 'Cộng:', 'TỔNG CỘNG', 'Tổng số', 'Toàn huyện', 'Tổng cộng (I+II)', 'tong cong', 'Total']) expect(isTotalLabel(t), t).toBe(true);
    for (const t of ['Công', 'Cong', 'Tong', 'Công an viên', 'Cộng tác viên', 'Công an xã Phú Tâm', 'Công đoàn cơ sở', 'Công ty TNHH', 'Tổng đài viên', 'Tổng hợp số liệu']) expect(isTotalLabel(t), t).toBe(false);
  });

  it('are every phrase of the list, in capitals, in NFD, and with a number before it', () => {
    for (const p of TOTAL_PHRASES) {
      for (const t of [p, p.toUpperCase(), p.normalize('NFD'), `I. ${p}:`]) expect(isTotalLabel(t), t).toBe(true);
    }
    // cells the quick letter test turns away are never phrases
    for (const t of ['1', '94401', '2021-08-01', '12/08/2021', '(1)', 'Xanh', 'Vàng']) expect(isTotalLabel(t), t).toBe(false);
  });

  it('stand alone in a label column, on a row that names nobody', () => {
    expect(isTotalRow(['Tổng cộng', null, null, null, null, null, null], nominations)).toBe(true);
    expect(isTotalRow([null, null, 'Cộng', null, null, null, null], nominations)).toBe(true);
    // a person called "Cộng", or a total phrase beside a commune or a unit, is a nomination
    expect(isTotalRow([1, 'Cá nhân', 'Cộng', null, 'UBND xã Phú Tâm', 'Xã Phú Tâm', 'x'], nominations)).toBe(false);
    expect(isTotalRow([1, 'Cá nhân', 'Nguyễn Văn A', 'Công an viên', 'Công an xã', 'Xã Phú Tâm', 'x'], nominations)).toBe(false);
    // the phrase alone in the achievement column, nothing else on the row
    expect(isTotalRow([null, null, null, null, null, null, 'Cộng'], nominations)).toBe(true);
    const zones = map({ stt: 0, communeCode: 1, communeName: 2, date: 3, zone: 4, note: 5 });
    expect(isTotalRow([null, null, null, null, 'Cộng', null], zones)).toBe(false);
    // the phrase in the STT column beside one identity cell, or two identity cells: not a total
    expect(isTotalRow(['Tổng cộng', null, null, null, null, null, 'x'], nominations)).toBe(false);
    expect(isTotalRow(['Tổng cộng', null, 'Cộng', null, null, 'Xã Phú Tâm', null], nominations)).toBe(false);
    expect(isTotalRow(['Tổng cộng', null, null, null, null, null, null], zones)).toBe(true);
  });
});
