// Crafted workbooks (fixtures/build/bad/crafted.ts) in bounded time and memory, each measured in
// a child process: zip entries the directory does not list are never read (thidua reads what
// Excel shows), local headers that disagree with the directory are refused, merged ranges to
// the end of the sheet are clipped to the data, and 1 MB of unclosed tags costs well under a
// second of parsing (the bound here is generous: the machine running tests may be busy).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRAFTED, allGreen, craftedZip, workbookParts, zoneSheet } from '../../fixtures/build/bad/crafted.js';
import { openSource, type RawRow } from '../../src/read/source.js';
import { MAX_MERGED_CELLS } from '../../src/read/grid.js';
import { thidua } from '../cli/helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BAD = join(ROOT, 'fixtures/bad');
const BUDGET_MB = 300;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function peak(path: string): { outcome: string; ms: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/read/scripts/peakOpen.ts'), path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(r.stdout) as { outcome: string; ms: number; maxRssMb: number };
}

async function rowsOf(path: string): Promise<RawRow[]> {
  const src = await openSource(path);
  const rows: RawRow[] = [];
  for (const s of src.sheets) for await (const r of s.rows as AsyncIterable<RawRow>) rows.push(r);
  return rows;
}

describe('crafted workbooks, each in a child process', () => {
  for (const c of CRAFTED) {
    it(`${c.file}: ${c.exitCode === 3 ? 'refused' : 'read'} in bounded time and memory`, () => {
      const m = peak(join(BAD, c.file));
      console.log(`${c.file}: ${m.ms} ms, peak RSS ${m.maxRssMb} MB — ${m.outcome.slice(0, 100)}`);
      if (c.exitCode === 3) expect(m.outcome).not.toBe('read');
      else expect(m.outcome).toBe('read');
      expect(m.ms).toBeLessThan(5_000);
      expect(m.maxRssMb).toBeLessThan(BUDGET_MB);
    });
  }
});

describe('zip entries the central directory does not list', () => {
  it('reads the listed sheet, as Excel shows it, not an unlisted one placed after it', async () => {
    const rows = await rowsOf(join(BAD, 'unlisted-sheet.xlsx'));
    const zones = rows.filter((r) => r.cells[0] === '31569').map((r) => r.cells[3]);
    expect(zones).toEqual(['Cam', 'Vàng']);
  });

  it('never inflates an unlisted 300 MB sharedStrings.xml (peak memory in a child process)', () => {
    const path = join(dir, 'unlisted-strings.xlsx');
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/read/scripts/makeUnlistedStrings.ts'), path], { cwd: ROOT, timeout: 60_000 });
    const m = peak(path);
    console.log(`unlisted-strings.xlsx: ${m.ms} ms, peak RSS ${m.maxRssMb} MB — ${m.outcome}`);
    expect(m.outcome).toBe('read');
    expect(m.maxRssMb).toBeLessThan(BUDGET_MB);
  }, 60_000);

  it('refuses a local header that disagrees with the directory, in one sentence through the CLI', () => {
    const r = thidua(['validate', join(BAD, 'local-name-mismatch.xlsx')]);
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).toMatch(/cấu trúc zip bất thường/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves the forger\'s all-green sheet unread even when it is the only sheet entry that inflates', async () => {
    const path = join(dir, 'green-after.xlsx');
    writeFileSync(path, craftedZip([...workbookParts(zoneSheet()), { name: 'xl/worksheets/sheet1.xml', data: zoneSheet(allGreen()), unlisted: true }]));
    const rows = await rowsOf(path);
    expect(rows.filter((r) => r.cells[3] === 'Đỏ').length).toBe(1);
  });
});

describe('merged ranges', () => {
  it('clips a range to the end of the sheet to the data: the rows are the table, nothing more', async () => {
    const rows = await rowsOf(join(BAD, 'merge-to-xfd.xlsx'));
    expect(rows.length).toBe(19); // 2 title lines, the header, 16 data rows
    expect(Math.max(...rows.map((r) => r.cells.length))).toBe(5);
  });

  it(`refuses merged ranges that would fill more than ${MAX_MERGED_CELLS.toLocaleString('en-US')} data cells, with one sentence`, async () => {
    const path = join(dir, 'merge-fill.xlsx');
    const sheet = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="5000"><c r="ALL5000"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:ALL5000"/></mergeCells></worksheet>');
    writeFileSync(path, craftedZip(workbookParts(sheet)));
    const t = performance.now();
    await expect(rowsOf(path)).rejects.toThrow(/^merge-fill\.xlsx, sheet "Phân vùng" has merged ranges covering more than [\d,]+ data cells, not a report table: unmerge the cells and save again\.$/);
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});
