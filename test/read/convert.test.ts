// --convert: a real Excel 97–2003 file (made here by LibreOffice from a valid workbook) is read
// through a temporary .xlsx; without the flag it is refused with a sentence offering it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../src/read/convert.js';
import { openSource, type RawRow } from '../../src/read/source.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { workbook, zoneRows } from '../../fixtures/build/bad/kit.js';

const soffice = findSoffice();
let dir = '';
let xls = '';

describe.skipIf(!soffice)('--convert through LibreOffice', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-convert-'));
    writeFileSync(join(dir, 'Chau Thanh.xlsx'), await workbook([{ rows: zoneRows() }]));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xls', '--outdir', join(dir, 'xls'), join(dir, 'Chau Thanh.xlsx')], { timeout: 120_000 });
    xls = join(dir, 'xls', 'Chau Thanh.xls');
  }, 150_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the .xls without the flag, and offers it', async () => {
    expect(existsSync(xls)).toBe(true);
    await expect(openSource(xls)).rejects.toThrow(/Excel 97–2003.*--convert/);
  });

  it('reads the .xls with the flag, says so, and leaves no temporary copy behind', async () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('thidua-convert-')).length;
    const src = await openSource(xls, { ...DEFAULT_LIMITS, convert: true });
    expect(src.format).toBe('xlsx');
    expect(src.notes.map((n) => n.en).join(' ')).toMatch(/converted to a temporary \.xlsx/);
    const rows: RawRow[] = [];
    for await (const r of src.sheets[0].rows as AsyncIterable<RawRow>) rows.push(r);
    expect(rows.find((r) => r.cells[0] === '31570' || r.cells[0] === 31570)?.cells[1]).toBe('Xã Hồ Đắc Kiện');
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('thidua-convert-')).length).toBe(before);
  }, 150_000);
});
