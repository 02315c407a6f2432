// Nothing lost without a word, on fixtures/losses/ (built by fixtures/build/losses.ts): every row
// below a header lands in the ledger, every file of the folder is named, every nomination is
// proposed or left out with a reason, every district's indicators stand in its own row.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { compileInputs } from '../../src/pipeline.js';
import { buildShortlist } from '../../src/shortlist/eligibility.js';
import { validationJson } from '../../src/render/validateReport.js';
import { receivedSentence } from '../../src/render/report/intro.js';
import { ThiduaError } from '../../src/core/errors.js';
import { ROOT } from '../cli/helpers.js';

const DIR = join(ROOT, 'fixtures/losses');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);
const compiled = await compileInputs({ plan, registry, period: plan.period, lang: 'vi', paths: [join(DIR, 'ho-so')] });
const run = compiled.run;
const rel = (p: string) => relative(DIR, p).split('\\').join('/');
const fileOf = (name: string) => run.files.find((f) => rel(f.path) === name)!;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

describe('fixtures/losses: every file of the folder is accounted for', () => {
  it('names every file on disk, as read, as not a spreadsheet, or as clutter passed over', () => {
    const onDisk = walk(join(DIR, 'ho-so')).map(rel).sort();
    const named = [...run.files.map((f) => rel(f.path)), ...run.ignored.map((i) => rel(i.path))].sort();
    expect(named).toEqual(onDisk);
    expect(run.ignored.map((i) => rel(i.path)).sort()).toEqual([...manifest.ignored].sort());
  });

  it('warns of each Word, PDF or picture as not read, and hashes it for the sources sheet', () => {
    for (const m of manifest.files.filter((x: { document: boolean }) => x.document)) {
      const f = fileOf(m.file);
      expect(f.document, m.file).toBe(true);
      expect(f.issues.map((i) => i.code)).toEqual(['not-a-spreadsheet']);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      const source = compiled.sources.find((s) => s.path === f.path)!;
      expect(source.note).toContain('không phải bảng tính, chưa đọc');
    }
  });

  it('places each file in its district by the rule the manifest names', () => {
    for (const m of manifest.files) {
      const f = fileOf(m.file);
      expect([f.districtCode, f.districtBy], m.file).toEqual([m.district, m.by]);
    }
    expect(run.files.flatMap((f) => f.issues).filter((i) => i.code === 'district-not-found')).toEqual([]);
  });
});

describe('fixtures/losses: the row ledger', () => {
  it('accounts for every non-blank row below each header, and names every total and column-number row it skips', () => {
    for (const m of manifest.files.filter((x: { document: boolean }) => !x.document)) {
      const f = fileOf(m.file);
      const rowsIn = m.sheets.reduce((n: number, s: { rowsBelowHeader: number }) => n + s.rowsBelowHeader, 0);
      expect(f.rows.used + f.rows.excluded + f.rows.skipped, m.file).toBe(rowsIn);
      const planted = m.sheets.flatMap((s: { sheet: string | null; skipped: { row: number; reason: string }[] }) => s.skipped.map((k) => `${s.sheet ?? ''}!${k.row} ${k.reason}`));
      const found = f.skipped.filter((k) => k.reason !== 'superseded').map((k) => `${f.format === 'csv' ? '' : k.sheet}!${k.row} ${k.reason}`);
      expect(found.sort(), m.file).toEqual(planted.sort());
    }
  });

  it('puts the ledger and every skipped row in the JSON, and the counts in the summary', () => {
    const json = validationJson(run, registry, 'vi', false);
    expect(json.stats.rows).toEqual(run.ledger);
    expect(run.ledger.used + run.ledger.excluded + run.ledger.skipped).toBe(
      manifest.files.flatMap((m: { sheets: { rowsBelowHeader: number }[] }) => m.sheets).reduce((n: number, s: { rowsBelowHeader: number }) => n + s.rowsBelowHeader, 0),
    );
    const vc = json.files.find((f) => rel(f.path) === 'ho-so/Vinh Chau/bao-cao-vinh-chau.xlsx')!;
    expect(vc.skipped).toContainEqual({ sheet: 'Kết quả', row: 7, reason: 'total', message: 'dòng tổng cộng' });
  });

  it('reads people whose positions begin with Công, Cộng and Tổng', () => {
    const names = run.files.flatMap((f) => f.nominations).map((n) => `${n.districtCode} ${n.name} / ${n.position ?? ''}`);
    expect(names).toContain('950 Nguyễn Văn Công / Công an viên');
    expect(names).toContain('950 Trần Thị Cộng / Cộng tác viên dân số');
    expect(names).toContain('950 Lâm Văn Tổng / Tổng đài viên 1022');
  });
});

describe('fixtures/losses: nominees, districts and duplicates', () => {
  const shortlist = buildShortlist(plan, registry, compiled.results, run.files.flatMap((f) => f.nominations));

  it('proposes or leaves out, with a reason, every nomination; the same name in two towns is two nominees', () => {
    for (const n of manifest.nominations) {
      const list = n.kind === 'collective' ? shortlist.collectives : shortlist.individuals;
      const proposed = list.filter((p) => p.districtCode === n.district && p.name.startsWith(n.name));
      const left = shortlist.leftOut.filter((l) => l.districtCode === n.district && l.name === n.name);
      expect(proposed.length + left.length, `${n.district} ${n.name}`).toBe(1);
      for (const l of left) expect(l.reason).not.toBe('duplicate');
    }
    const bcd = shortlist.collectives.filter((c) => c.name.startsWith('Ban Chỉ đạo phòng, chống dịch Covid-19 Phường 1')).map((c) => c.name).sort();
    expect(bcd).toEqual(['Ban Chỉ đạo phòng, chống dịch Covid-19 Phường 1, thị xã Ngã Năm', 'Ban Chỉ đạo phòng, chống dịch Covid-19 Phường 1, thị xã Vĩnh Châu']);
    const cong = shortlist.individuals.filter((p) => p.name === 'Nguyễn Văn Công').map((p) => `${p.districtCode} ${p.unit}`).sort();
    expect(cong).toEqual(['948 UBND Phường 1, thị xã Ngã Năm', '950 UBND Phường 1, thị xã Vĩnh Châu']);
  });

  it('shows every district’s indicators in its own row', () => {
    for (const code of manifest.expect.indicatorDistricts) {
      const d = compiled.results.districts.find((x) => x.code === code)!;
      expect(d.indicators.length, code).toBeGreaterThan(0);
    }
    const province = compiled.results.province.indicators.find((i) => i.code === 'tuyen-truyen')!;
    expect(province.districts).toBe(manifest.expect.indicatorDistricts.length);
  });

  it('says a district that sent only documents sent no data sheet, not that it did not report', () => {
    expect(compiled.results.submissions.submitted).toEqual(manifest.expect.submitted);
    expect(compiled.results.submissions.documentsOnly).toEqual(manifest.expect.documentsOnly);
    expect(compiled.results.submissions.notSubmitted).not.toContain('951');
    const sentence = receivedSentence({ plan, registry, results: compiled.results, sources: compiled.sources, issues: compiled.issues, meta: { number: null, date: null, fallbackYear: 2021, signer: plan.signer } });
    expect(sentence).toContain('huyện Trần Đề (Bao cao Tran De.pdf, anh chup bieu.jpg) đã gửi văn bản nhưng chưa gửi biểu số liệu');
    expect(sentence).toContain(`đã nhận báo cáo của ${manifest.expect.submitted.length}/11`);
  });

  it('says once that Long Phú sent its file twice, naming the newer, with no conflict per row', () => {
    const issues = run.files.flatMap((f) => f.issues);
    const twice = issues.filter((i) => i.code === 'district-sent-twice');
    expect(twice).toHaveLength(1);
    expect(twice[0].params).toMatchObject({ newest: manifest.expect.sentTwice.newer, older: manifest.expect.sentTwice.older });
    expect(issues.filter((i) => i.code === 'conflicting-assessment')).toEqual([]);
    const lp = compiled.results.communes.filter((c) => c.districtCode === '946');
    expect(lp.every((c) => c.end?.date === '2021-08-25')).toBe(true);
  });

  it('warns of an exact duplicate row (counted once) and of a commune name right only without diacritics', () => {
    const ks = fileOf(manifest.expect.duplicateRow.file);
    const dup = ks.issues.filter((i) => i.code === 'duplicate-row');
    expect(dup).toHaveLength(1);
    expect(dup[0].params.first).toBe(Number(dup[0].params.row) - 1);
    const tones = ks.issues.filter((i) => i.code === 'commune-name-without-tones');
    expect(tones.length).toBeGreaterThan(0);
    for (const t of tones) expect([t.value, t.params.registered]).toEqual([manifest.expect.withoutTones.typed, manifest.expect.withoutTones.registered]);
    expect(compiled.results.communes.find((c) => c.code === '31537')!.category).not.toBe('no-data');
  });
});

describe('a file named on the command line that is not a spreadsheet', () => {
  it('refuses to compile (exit 3) rather than write an empty report', async () => {
    const docx = join(DIR, 'ho-so/Vinh Chau/To trinh khen thuong.docx');
    const attempt = compileInputs({ plan, registry, period: plan.period, lang: 'vi', paths: [docx] });
    await expect(attempt).rejects.toBeInstanceOf(ThiduaError);
    await expect(attempt).rejects.toMatchObject({ exitCode: 3 });
  });
});
