// Annotated copies (validate --annotate) checked against their inputs: the raw XML of every
// sheet (always), and a second reader, openpyxl (when python3 has it): exactly the offending
// cells gain a fill and a note, every other cell keeps its style; "Lỗi" is the first tab with a
// link per issue; the copy opens on the first sheet with an issue; inputs of the same name in
// two folders get two copies and the report still prints.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { thidua, ROOT } from '../cli/helpers.js';

const BROKEN = join(ROOT, 'fixtures/broken');
const PROVINCE = join(ROOT, 'fixtures/province');

/** The parts of a zip, inflated, by name (central directory). */
function unzip(path: string): Map<string, string> {
  const buf = readFileSync(path);
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const parts = new Map<string, string>();
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const n = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 46, p + 46 + n).toString('utf8');
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
    parts.set(name, (buf.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return parts;
}

/** Every <c …> start tag of a sheet by its address. */
function cellTags(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>/g)) out.set(m[1], m[0]);
  return out;
}

const styleOf = (tag: string) => Number(/ s="(\d+)"/.exec(tag)?.[1] ?? 0);
const xfs = (styles: string) => [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);

function annotate(inputs: string[], extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), '13-annotate-'));
  const r = thidua(['validate', ...inputs, '--annotate', out, '--format', 'json', ...extra]);
  return { out, r, report: JSON.parse(r.stdout) as { files: { path: string; issues: { sheet: string | null; cell: string | null; severity: string }[] }[] } };
}

const python = spawnSync('python3', ['-c', 'import openpyxl'], { encoding: 'utf8' });
const hasOpenpyxl = python.status === 0;
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (!hasOpenpyxl) console.warn('test/annotate: python3 with openpyxl not found — the second-reader checks are skipped');
if (!hasSoffice) console.warn('test/annotate: soffice not found — the LibreOffice-saved workbook check is skipped');

describe('annotated copies, raw XML', () => {
  it('changes only the offending cells: their style is their own cloned with the fill; every other cell tag and untouched part keeps its bytes', () => {
    const input = join(PROVINCE, 'Ke Sach - Phan vung 25-8.xlsx');
    const { out, r, report } = annotate([input]);
    expect(r.code).toBe(1);
    const offending = new Set(report.files[0].issues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`));
    expect(offending.size).toBeGreaterThan(0);
    const a = unzip(input);
    const b = unzip(join(out, 'Ke Sach - Phan vung 25-8.kiem-tra.xlsx'));
    const names = (wb: string) => [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names(b.get('xl/workbook.xml')!)).toEqual(['Lỗi', ...names(a.get('xl/workbook.xml')!)]);
    const aXfs = xfs(a.get('xl/styles.xml')!);
    const bXfs = xfs(b.get('xl/styles.xml')!);
    expect(bXfs.slice(0, aXfs.length)).toEqual(aXfs); // existing formats untouched, new ones appended
    let checked = 0;
    names(a.get('xl/workbook.xml')!).forEach((sheet, i) => {
      const path = `xl/worksheets/sheet${i + 1}.xml`;
      const before = cellTags(a.get(path)!);
      const after = cellTags(b.get(path)!);
      for (const [addr, tag] of after) {
        if (offending.has(`${sheet}!${addr}`)) {
          const orig = before.get(addr) ?? `<c r="${addr}">`;
          const clone = bXfs[styleOf(tag)];
          expect(styleOf(tag)).toBeGreaterThanOrEqual(aXfs.length);
          // the clone is the original format with only the fill changed
          expect(clone.replace(/ fillId="\d+"| applyFill="1"/g, '')).toBe(aXfs[styleOf(orig)].replace(/ fillId="\d+"| applyFill="\d"/g, ''));
          checked++;
        } else expect(tag).toBe(before.get(addr));
      }
      expect([...before.keys()].every((k) => after.has(k))).toBe(true);
      // a sheet with notes refers to their drawing; one without is the same bytes as before
      if ([...offending].some((o) => o.startsWith(`${sheet}!`))) expect(b.get(path)).toMatch(/<legacyDrawing r:id="[^"]+"\/><\/worksheet>$|<legacyDrawing r:id="[^"]+"\/>/);
      else expect(b.get(path)).toBe(a.get(path));
    });
    expect(checked).toBe(offending.size);
    // parts nobody had to touch are the same bytes
    for (const [name, text] of a) if (name.startsWith('xl/theme/') || name === 'xl/sharedStrings.xml') expect(b.get(name)).toBe(text);
  });

  it('mirrors input folders: the same file name in two folders gives two copies, and the report prints', () => {
    const src = mkdtempSync(join(tmpdir(), '13-same-name-'));
    for (const d of ['Ke Sach', 'My Tu']) {
      mkdirSync(join(src, d));
      copyFileSync(join(PROVINCE, 'Ke Sach - Phan vung 25-8.xlsx'), join(src, d, 'bao cao.xlsx'));
    }
    const out = mkdtempSync(join(tmpdir(), '13-same-out-'));
    const r = thidua(['validate', src, '--annotate', out]);
    expect(r.stdout).toContain('bao cao.xlsx');
    expect(r.code).toBe(1);
    expect(existsSync(join(out, 'Ke Sach', 'bao cao.kiem-tra.xlsx'))).toBe(true);
    expect(existsSync(join(out, 'My Tu', 'bao cao.kiem-tra.xlsx'))).toBe(true);
    // refused without --force, the report still printed first
    const again = thidua(['validate', src, '--annotate', out]);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('bao cao.xlsx');
    expect(again.stderr).toContain('--force');
  });

  it('a CSV becomes a workbook with the offending cells filled and noted, and the Lỗi sheet laid out for A4', () => {
    const input = join(BROKEN, '04-zone-invalid/ChauThanh_PhanVung.csv');
    const { out, report } = annotate([input]);
    const b = unzip(join(out, 'ChauThanh_PhanVung.kiem-tra.xlsx'));
    const sheetXml = b.get('xl/worksheets/sheet1.xml')!;
    const filled = [...cellTags(sheetXml)].filter(([, t]) => / s="\d+"/.test(t)).map(([a]) => a).sort();
    expect(filled).toEqual(report.files[0].issues.filter((i) => i.cell).map((i) => i.cell!).sort());
    const loi = [...b.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k) && k !== 'xl/worksheets/sheet1.xml')!;
    expect(b.get(loi)).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(b.get(loi)).toContain('state="frozen"');
    expect(b.get('xl/workbook.xml')).toMatch(/_xlnm.Print_Titles" localSheetId="0">'Lỗi'!\$1:\$1/);
    expect([...b.keys()].some((k) => /^xl\/comments\d+\.xml$/.test(k))).toBe(true);
  });
});

/** openpyxl's view of a copy against its input. */
function compare(input: string, copy: string) {
  const r = spawnSync('python3', [join(ROOT, 'test/annotate/compare.py'), input, copy], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { sheets: string[]; active: string; changed: Record<string, string[]>; notes: Record<string, Record<string, string>>; fills: Record<string, Record<string, string>>; links: [string, string][] };
}

function expectOnlyOffending(input: string, copy: string, issues: { sheet: string | null; cell: string | null }[]) {
  const v = compare(input, copy);
  expect(v.sheets[0]).toBe('Lỗi');
  const bySheet = new Map<string, string[]>();
  for (const i of issues) if (i.sheet && i.cell) bySheet.set(i.sheet, [...new Set([...(bySheet.get(i.sheet) ?? []), i.cell])].sort());
  for (const sheet of v.sheets.slice(1)) {
    const want = bySheet.get(sheet) ?? [];
    expect(v.changed[sheet] ?? [], sheet).toEqual(want);
    expect(Object.keys(v.notes[sheet] ?? {}).sort(), sheet).toEqual(want);
    expect(Object.keys(v.fills[sheet] ?? {}).filter((k) => want.includes(k) || !v.changed[sheet]?.includes(k)).filter((k) => want.includes(k)).sort()).toEqual(want);
  }
  const first = v.sheets.slice(1).find((s) => bySheet.has(s));
  expect(v.active).toBe(first ?? 'Lỗi');
  expect(v.links.length).toBe(issues.filter((i) => i.cell).length);
}

describe.skipIf(!hasOpenpyxl)('annotated copies, read with openpyxl', () => {
  it('every annotated fixture: exactly the offending cells have a fill and a note, every other cell keeps its style', () => {
    const dirs = ['01-unknown-commune-code', '05-not-a-date', '08-conflicting-assessment', '18-award-form-invalid', '19-individual-without-unit'];
    const { out, report } = annotate(dirs.map((d) => join(BROKEN, d)));
    for (const f of report.files) {
      if (!f.path.endsWith('.xlsx')) continue;
      const rel = f.path.slice(f.path.indexOf('fixtures/broken/') + 'fixtures/broken/'.length);
      const copy = join(out, rel.replace(/\.xlsx$/, '.kiem-tra.xlsx'));
      expectOnlyOffending(f.path, copy, f.issues);
    }
    expect(readdirSync(out).sort()).toEqual(dirs);
  });

  it.skipIf(!hasSoffice)('a workbook saved by LibreOffice (shared styles, its own XML) changes only its offending cells', () => {
    const dir = mkdtempSync(join(tmpdir(), '13-lo-'));
    const src = join(BROKEN, '01-unknown-commune-code/Chau Thanh - phan vung.xlsx');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'in'), src], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const input = join(dir, 'in', 'Chau Thanh - phan vung.xlsx');
    const { out, report } = annotate([input]);
    expect(report.files[0].issues.some((i) => i.cell)).toBe(true);
    expectOnlyOffending(input, join(out, 'Chau Thanh - phan vung.kiem-tra.xlsx'), report.files[0].issues);
  }, 180_000);

  it.skipIf(!hasSoffice)("keeps the district's own notes: a noted offending cell gets ours first, other notes stay as they were", () => {
    const dir = mkdtempSync(join(tmpdir(), '13-notes-'));
    const made = join(dir, 'made.xlsx');
    const py = `import openpyxl\nfrom openpyxl.comments import Comment\nwb=openpyxl.load_workbook(${JSON.stringify(join(BROKEN, '01-unknown-commune-code/Chau Thanh - phan vung.xlsx'))})\nws=wb.worksheets[0]\nws['C10'].comment=Comment('ghi chú cũ','Huyện')\nws['B15'].comment=Comment('ghi chú trên ô lỗi','Huyện')\nwb.save(${JSON.stringify(made)})`;
    expect(spawnSync('python3', ['-c', py], { encoding: 'utf8' }).status).toBe(0);
    // saved again by LibreOffice: its own comments and VML parts, as a district's office would send
    expect(spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'in'), made], { encoding: 'utf8', timeout: 120_000 }).status).toBe(0);
    const input = join(dir, 'in', 'made.xlsx');
    const { out } = annotate([input]);
    const v = compare(input, join(out, 'made.kiem-tra.xlsx'));
    const sheet = v.sheets[1];
    expect(v.changed[sheet]).toEqual(['B15']);
    expect(v.notes[sheet].C10).toBe('ghi chú cũ');
    expect(v.notes[sheet].B15).toMatch(/^\[unknown-commune\][\s\S]*\nghi chú trên ô lỗi$/);
  }, 180_000);
});
