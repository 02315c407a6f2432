// Spreadsheets written by other tools, from calamine's test suite (fixtures/public/calamine/,
// MIT): each is read (or refused) as its README says, and the same workbook saved in several
// formats gives the same rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource, type RawRow } from '../../src/read/source.js';
import { cellText } from '../../src/read/cells.js';

const DIR = new URL('../../fixtures/public/calamine/', import.meta.url).pathname;

async function read(file: string): Promise<{ format: string; sheets: { name: string; rows: string[][] }[] }> {
  const src = await openSource(join(DIR, file));
  const sheets: { name: string; rows: string[][] }[] = [];
  for (const s of src.sheets) {
    const rows: string[][] = [];
    for await (const r of s.rows as AsyncIterable<RawRow>) if (r.cells.length) rows.push(r.cells.map(cellText));
    sheets.push({ name: s.name, rows });
  }
  return { format: src.format, sheets };
}

describe('calamine test files', () => {
  for (const [file, format] of [['issue_530.xlsx', 'xlsx'], ['minimal_package.xlsx', 'xlsx'], ['nonstandard-xml-ns-prefix.xlsx', 'xlsx'], ['biff5-rich-text-string.xls', 'xls']] as const) {
    it(`${file} is read as ${format}, with rows`, async () => {
      const r = await read(file);
      expect(r.format).toBe(format);
      expect(r.sheets.reduce((a, s) => a + s.rows.length, 0)).toBeGreaterThan(0);
    });
  }

  it('date_1904 gives the same rows as .xls, .xlsx and .xlsb (1904 date system)', async () => {
    const [xls, xlsx, xlsb] = await Promise.all(['date_1904.xls', 'date_1904.xlsx', 'date_1904.xlsb'].map(read));
    expect(xlsx.sheets[0].rows.length).toBeGreaterThan(0);
    expect(xls.sheets[0].rows).toEqual(xlsx.sheets[0].rows);
    expect(xlsb.sheets[0].rows).toEqual(xlsx.sheets[0].rows);
  });

  it('merged_range gives the same rows as .xls and .xlsx', async () => {
    const [xls, xlsx] = await Promise.all(['merged_range.xls', 'merged_range.xlsx'].map(read));
    expect(xls.sheets.map((s) => s.rows)).toEqual(xlsx.sheets.map((s) => s.rows));
  });

  it('pass_protected.ods is refused as password-protected', async () => {
    await expect(read('pass_protected.ods')).rejects.toThrow(/password-protected spreadsheet/);
  });

  it('issue252.xlsx (data not matching its CRC and size) is refused as corrupt, not as a zip bomb', async () => {
    await expect(read('issue252.xlsx')).rejects.toThrow(/^issue252\.xlsx is corrupt or incompletely downloaded/);
  });
});
