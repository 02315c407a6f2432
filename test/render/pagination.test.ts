// The Word documents' pagination details, read from their XML: a district's heading row in the
// report's appendix keeps with its first communes; the Danh sách's group headings keep with
// their first rows and its last rows stay together; the Tờ trình's request paragraph keeps
// with the closing sentence and the signature; individuals as "Ông/Bà" from the gender column;
// the template's instructions name the recipient as "Sở Nội vụ tỉnh Sóc Trăng".
import { describe, expect, it } from 'vitest';
import { packDocument } from '../../src/docx/pack.js';
import { keepGroupsAndTail } from '../../src/docx/dataTable.js';
import { proposalDocument } from '../../src/render/proposal/index.js';
import { withHonorific } from '../../src/render/proposal/words.js';
import { communeAppendixTable } from '../../src/render/report/appendix.js';
import { zoneBook } from '../../src/render/report/format.js';
import { nd30Document } from '../../src/docx/nd30.js';
import { guideLines } from '../../src/render/templateGuide.js';
import { compileResults } from '../../src/compile/index.js';
import { assess, communeCodes, plan, registry, submitted } from '../compile/helpers.js';
import { sampleInput } from './proposalFixture.js';
import { documentXml, sectionsOf, textOf } from './proposalXml.js';

/** Whether every paragraph of a table row is kept with the next. */
const rowKeptWithNext = (rowXml: string) => {
  const ps = [...rowXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  return ps.length > 0 && ps.every((p) => /<w:keepNext\s*\/>|<w:keepNext w:val="(true|1|on)"\s*\/>/.test(p));
};

describe('keepGroupsAndTail', () => {
  it('keeps each heading with the next two rows and the last three rows together, never the last row', () => {
    const keep = keepGroupsAndTail(10, new Set([0, 5]));
    expect([...Array(10).keys()].filter(keep)).toEqual([0, 1, 5, 6, 7, 8]);
  });
});

describe("the report's appendix table", () => {
  it('keeps every district heading row with its first communes', async () => {
    const districts = ['941', '942', '943'];
    const assessments = districts.flatMap((d) => communeCodes(d).flatMap((c) => [assess(c, '2021-08-15', 'xanh'), assess(c, '2021-08-25', 'xanh')]));
    const results = compileResults({ plan, registry, period: plan.period, assessments, indicators: [], difficulties: [], districts: districts.map((d) => submitted(d)) });
    const input = { plan, registry, results, sources: [], issues: [], meta: { number: null, date: null, fallbackYear: 2021, signer: { authority: '', title: '', name: '' } } };
    const table = communeAppendixTable(input, zoneBook(plan));
    const [section] = sectionsOf(await documentXml(await packDocument(nd30Document({ sections: [{ children: [table] }] }))));
    const rows = section.tables[0].rows.slice(1);
    const headings = rows.map((r, i) => (r.cells.length === 1 ? i : -1)).filter((i) => i >= 0);
    expect(headings.length).toBe(registry.districts.size); // districts without a submission are listed too
    for (const h of headings) {
      expect(rowKeptWithNext(rows[h].xml), rows[h].cells[0].text).toBe(true);
      expect(rowKeptWithNext(rows[h + 1].xml)).toBe(true);
    }
    const middle = rows.findIndex((r, i) => i > headings[1] + 3 && r.cells.length > 1);
    expect(rowKeptWithNext(rows[middle].xml)).toBe(false); // the rest may break anywhere
    expect(rowKeptWithNext(rows[rows.length - 2].xml)).toBe(true);
    expect(rowKeptWithNext(rows[rows.length - 1].xml)).toBe(false);
  });
});

describe('the Tờ trình and its Danh sách', () => {
  const input = sampleInput();
  const genders = ['Nam', 'Nữ', null];
  const individuals = input.shortlist.individuals.map((p, i) => ({ ...p, gender: genders[i % 3] }));
  const withGender = { ...input, shortlist: { ...input.shortlist, individuals } };

  it('keeps the paragraph before the closing sentence with it and the signature', async () => {
    const xml = await documentXml(await packDocument(proposalDocument(withGender)));
    const body = xml.slice(0, xml.indexOf('<w:sectPr'));
    const ps = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const at = ps.findIndex((p) => textOf(p).startsWith('Kính trình'));
    expect(textOf(ps.slice(0, at).join('')).includes('Sở Nội vụ kính trình')).toBe(true);
    // the paragraph before the closing (the request, or the bonus when there is one) and the closing
    expect(ps[at - 1]).toMatch(/<w:keepNext\s*\/>/);
    expect(ps[at]).toMatch(/<w:keepNext\s*\/>/);
  });

  it('keeps group headings with their first rows and the last rows together', async () => {
    const [, list] = sectionsOf(await documentXml(await packDocument(proposalDocument(withGender))));
    const rows = list.tables[0].rows.slice(1);
    const groups = rows.map((r, i) => (r.cells.length === 1 ? i : -1)).filter((i) => i >= 0);
    expect(groups.length).toBe(2);
    for (const g of groups) expect(rowKeptWithNext(rows[g].xml)).toBe(true);
    expect(rows.slice(-3).map((r) => rowKeptWithNext(r.xml))).toEqual([true, true, false]);
  });

  it('writes individuals as Ông/Bà from the gender column, the bare name without one', async () => {
    const [, list] = sectionsOf(await documentXml(await packDocument(proposalDocument(withGender))));
    const rows = list.tables[0].rows.slice(1);
    const second = rows.findIndex((r, i) => i > 0 && r.cells.length === 1);
    const names = rows.slice(second + 1, second + 1 + individuals.length).map((r) => r.cells[1].text);
    expect(names).toEqual(individuals.map((p) => (p.gender === 'Nam' ? `Ông ${p.name}` : p.gender === 'Nữ' ? `Bà ${p.name}` : p.name)));
    expect(withHonorific('Bà Lê Thị C', 'Nữ')).toBe('Bà Lê Thị C');
    expect(withHonorific('Lê Văn D', 'nam ')).toBe('Ông Lê Văn D');
  });
});

describe("the template's instructions", () => {
  it('name the recipient as the agency of the province: "Sở Nội vụ tỉnh Sóc Trăng"', () => {
    const district = registry.districts.get('942')!;
    const lines = guideLines({ plan, district, lookback: '2021-08-02', sheets: { zones: 'Phân vùng', nominations: 'Đề nghị', indicators: 'Kết quả', difficulties: 'Khó khăn' } });
    const send = lines.find((l) => l.text.startsWith('Lưu tệp'))!.text;
    expect(send).toContain('gửi về Sở Nội vụ tỉnh Sóc Trăng.');
    expect(send).not.toContain('UBND TỈNH');
  });
});
