// Every workbook thidua writes prints on A4: the page setup, print titles, print area, frozen
// panes and footer are read from the sheet XML of the real outputs (appendix, clerk's list,
// district template, an annotated copy's "Lỗi" sheet). With LibreOffice installed, each is
// also rendered to PDF and every page checked to be A4 (skipped with a note otherwise).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { thidua, ROOT } from '../cli/helpers.js';
import { orientationFor } from '../../src/render/print.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice && command -v pdfinfo'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('test/render/print: soffice or pdfinfo not found — the PDF rendering check is skipped');

interface SheetPrint {
  name: string;
  hidden: boolean;
  xml: string;
  titles: string | null;
  area: string | null;
}

async function sheets(path: string): Promise<SheetPrint[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out: SheetPrint[] = [];
  for (const [i, m] of [...wb.matchAll(/<sheet ([^>]*)\/>/g)].entries()) {
    const name = /name="([^"]*)"/.exec(m[1])![1].replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const rid = /r:id="([^"]*)"/.exec(m[1])![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${rid}"`).exec(rels)!;
    const t = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, '');
    const defined = (kind: string) => new RegExp(`name="_xlnm.${kind}" localSheetId="${i}">([^<]*)<`).exec(wb)?.[1] ?? null;
    out.push({ name, hidden: /state="(hidden|veryHidden)"/.test(m[1]), xml: await zip.file(`xl/${t}`)!.async('string'), titles: defined('Print_Titles'), area: defined('Print_Area') });
  }
  return out;
}

function expectA4(s: SheetPrint, opts: { titles: boolean; frozen: boolean }) {
  expect(s.xml, s.name).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
  expect(s.xml, s.name).toMatch(/<pageSetup [^>]*paperSize="9"/);
  expect(s.xml, s.name).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
  expect(s.xml, s.name).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
  expect(s.xml, s.name).toMatch(/<pageMargins left="0.59"/);
  expect(s.xml, s.name).toMatch(/<oddFooter>[^<]*&amp;P[^<]*&amp;N/);
  expect(s.area, s.name).toMatch(/!\$?A\$?1:\$?[A-Z]+\$?\d+$/);
  if (opts.titles) expect(s.titles, s.name).toMatch(/!\$\d+:\$\d+$/);
  if (opts.frozen) expect(s.xml, s.name).toMatch(/<pane [^>]*state="frozen"/);
  const widths = [...s.xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].flatMap((m) => Array<number>(Number(m[2]) - Number(m[1]) + 1).fill(Number(m[3])));
  const columns = s.area ? s.area.split(':')[1].replace(/[$\d]/g, '') : 'A';
  const n = [...columns].reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
  expect(s.xml, s.name).toContain(`orientation="${orientationFor(widths.slice(0, n))}"`);
}

describe('workbooks print on A4', () => {
  const out = mkdtempSync(join(tmpdir(), '13-print-'));
  beforeAll(() => {
    expect(thidua(['compile', 'fixtures/province', '--out', out, '--force']).code).toBe(0);
    expect(thidua(['shortlist', 'fixtures/province', '--out', out, '--force']).code).toBe(0);
    expect(thidua(['template', '--district', '943', '--out', out, '--force']).code).toBe(0);
    thidua(['validate', 'fixtures/province/Ke Sach - Phan vung 25-8.xlsx', '--annotate', out, '--force']);
  }, 120_000);
  const file = (re: RegExp) => join(out, readdirSync(out).find((f) => re.test(f))!);

  it('the appendix: every sheet A4, one page wide, header repeated and frozen, footer with page numbers, title merged over the table', async () => {
    const all = await sheets(file(/^phu-luc-ket-qua-.*\.xlsx$/));
    expect(all.length).toBeGreaterThan(5);
    for (const s of all) {
      expectA4(s, { titles: true, frozen: true });
      expect(s.titles).toMatch(/!\$2:\$2$/);
      expect(s.xml, s.name).toMatch(/<mergeCell ref="A1:[A-Z]+1"\/>/);
    }
    // the wide summary prints landscape; a table as narrow as the indicators' could be portrait
    expect(all[0].xml).toContain('orientation="landscape"');
  });

  it("the clerk's list and the district template: the same layout; the template's hidden list sheet is not laid out", async () => {
    for (const s of await sheets(file(/^danh-sach-ra-soat-.*\.xlsx$/))) expectA4(s, { titles: true, frozen: true });
    const template = await sheets(file(/^943-.*\.xlsx$/));
    const [guide, ...rest] = template.filter((s) => !s.hidden);
    expectA4(guide, { titles: false, frozen: false });
    for (const s of rest) {
      expectA4(s, { titles: true, frozen: true });
      expect(s.titles).toMatch(/!\$5:\$5$/);
    }
  });

  it("the annotated copy's Lỗi sheet comes first, laid out the same way", async () => {
    const [loi] = await sheets(file(/\.kiem-tra\.xlsx$/));
    expect(loi.name).toBe('Lỗi');
    expectA4(loi, { titles: true, frozen: true });
  });

  it.skipIf(!hasSoffice)('rendered by LibreOffice, every page of every workbook is A4', () => {
    const pdf = join(out, 'pdf');
    const files = readdirSync(out).filter((f) => f.endsWith('.xlsx')).map((f) => join(out, f));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', pdf, ...files], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status).toBe(0);
    for (const f of readdirSync(pdf)) {
      const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', join(pdf, f)], { encoding: 'utf8' }).stdout;
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])].sort((a, b) => a - b).map(Math.round).join('x'));
      expect(sizes.length, f).toBeGreaterThan(0);
      expect(new Set(sizes), f).toEqual(new Set(['595x842']));
    }
  }, 300_000);
});
