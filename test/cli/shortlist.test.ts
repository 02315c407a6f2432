// `thidua shortlist` end to end on the bundled province (issue 17): the Tờ trình, the draft
// Quyết định and the clerk's workbook are written together, agree with each other (parsed back),
// are all-or-nothing without --force, and the run names the legal basis not yet checked.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thidua } from './helpers.js';
import { expectAgreement } from '../render/awardFile.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'thidua-shortlist-'));
const NAMES = {
  proposal: 'to-trinh-khen-thuong-20210816-20210825.docx',
  decision: 'du-thao-quyet-dinh-khen-thuong-20210816-20210825.docx',
  leftOut: 'danh-sach-ra-soat-khen-thuong-20210816-20210825.xlsx',
};

describe('thidua shortlist (CLI)', () => {
  const out = tmp();
  const run = thidua(['shortlist', 'fixtures/province', '--out', out, '--yes', '--number', '45', '--date', '26/08/2021']);

  it('writes the Tờ trình, the draft Quyết định and the workbook', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(Object.values(NAMES).sort());
  });

  it('states the same counts, names and sums in all of them', async () => {
    const read = (name: string) => readFileSync(join(out, name));
    const got = await expectAgreement(read(NAMES.proposal), read(NAMES.decision), read(NAMES.leftOut));
    expect(run.stdout).toContain(`${got.collectives} tập thể`);
    expect(run.stdout).toContain(`Tiền thưởng: ${got.total.toLocaleString('de-DE')} đồng`);
  });

  it('names the Căn cứ not checked against its source', () => {
    expect(run.stdout).toContain('Căn cứ chưa đối chiếu với văn bản gốc');
    expect(run.stdout).toContain('27/2018/QĐ-UBND');
  });

  it('replaces nothing without --force, and writes none of the three when one is taken', () => {
    const before = readFileSync(join(out, NAMES.decision));
    const again = thidua(['shortlist', 'fixtures/province', '--out', out, '--yes']);
    expect(again.code).toBe(2);
    expect(readFileSync(join(out, NAMES.decision)).equals(before)).toBe(true);

    const fresh = tmp();
    writeFileSync(join(fresh, NAMES.decision), 'the clerk’s own draft');
    const taken = thidua(['shortlist', 'fixtures/province', '--out', fresh, '--yes']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(NAMES.decision);
    expect(existsSync(join(fresh, NAMES.proposal))).toBe(false);
    expect(existsSync(join(fresh, NAMES.leftOut))).toBe(false);
    expect(readFileSync(join(fresh, NAMES.decision), 'utf8')).toBe('the clerk’s own draft');
  });

  it('gives the decision and the bonus in --format json', () => {
    const r = thidua(['shortlist', 'fixtures/province', '--out', tmp(), '--yes', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.outputs.decision).toMatch(/du-thao-quyet-dinh-khen-thuong-20210816-20210825\.docx$/);
    expect(json.bonus.baseSalary.amount).toBe(1_490_000);
    expect(json.bonus.total).toBe(json.collectives.length * 2_980_000 + json.individuals.length * 1_490_000);
    expect(json.unverifiedLegalBases).toHaveLength(1);
  });
});
