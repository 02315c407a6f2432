// Tests for the results report: compile a small hand-checked case, render, pack, unzip and read word/document.xml back.
// Set REPORT_SAMPLE_OUT=/tmp/report.docx to also write the sample for a visual check.
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileResults } from '../../src/compile/index.js';
import type { Results } from '../../src/compile/types.js';
import { packDocument } from '../../src/docx/pack.js';
import type { ReportInput } from '../../src/render/documentInput.js';
import { formatShare, reportDocument, type ReportOptions } from '../../src/render/report/index.js';
import { assess, communeCodes, difficulty, indicator, plan, registry, submitted } from '../compile/helpers.js';

const FROM = '2021-08-15'; // the start status: on or before 16/8
const TO = '2021-08-25';

/** Every district but Trần Đề (951) submits; Mỹ Tú (944) has errors; Kế Sách (943) has one of each category. */
function sampleResults(): Results {
  const districts = [...registry.districts.keys()].filter((d) => d !== '951');
  const ks = communeCodes('943');
  const mt = communeCodes('944');
  const special: Record<string, [string, string, string?]> = {
    [ks[0]]: ['cam', 'vang'], // improved
    [ks[1]]: ['xanh', 'vang'], // worsened
    [ks[2]]: ['vang', 'xanh'], // improved, became green
    [ks[3]]: ['xanh', 'xanh', 'cam'], // green not held: orange on 20/8
    [ks[4]]: ['do', 'cam'], // improved
    [ks[5]]: ['do', 'do'], // unchanged
    [ks[6]]: ['cam', 'xanh'], // improved, became green
  };
  const assessments = districts.flatMap((d) =>
    communeCodes(d)
      .filter((c) => c !== mt[0])
      .flatMap((c) => {
        const [s, e, mid] = special[c] ?? ['xanh', 'xanh'];
        return [assess(c, FROM, s), ...(mid ? [assess(c, '2021-08-20', mid)] : []), assess(c, TO, e)];
      }),
  );
  return compileResults({
    plan,
    registry,
    period: plan.period,
    assessments,
    indicators: [indicator('943', 'van-dong', 1_500_000), indicator('943', 'tuyen-truyen', 12), indicator('941', 'van-dong', 2_000_000)],
    difficulties: [difficulty('947', 'Thiếu sinh phẩm xét nghiệm nhanh')],
    districts: districts.map((d) => (d === '944' ? submitted(d, { errorCount: 2, communesWithErrors: [mt[0]] }) : submitted(d))),
  });
}

function input(results: Results, number: string | null, date: string | null): ReportInput {
  return {
    plan, registry, results, sources: [], issues: [],
    meta: { number, date, fallbackYear: 2021, signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' } },
  };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of every paragraph, in document order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

/** Every table as rows of cell texts (paragraphs of a cell joined with a space). */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join(' '))),
  );
}

interface Packed {
  bytes: Buffer;
  zip: JSZip;
  xml: string;
  texts: string[];
}

async function render(inp: ReportInput, options: ReportOptions = {}): Promise<Packed> {
  const bytes = await packDocument(reportDocument(inp, options));
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { bytes, zip, xml, texts: paragraphs(xml) };
}

describe('report .docx', () => {
  let results: Results;
  let numbered: Packed;
  let blank: Packed;
  beforeAll(async () => {
    results = sampleResults();
    numbered = await render(input(results, '125', '2021-08-25'));
    blank = await render(input(results, null, null));
    if (process.env.REPORT_SAMPLE_OUT) writeFileSync(process.env.REPORT_SAMPLE_OUT, numbered.bytes);
  });
  const find = (p: Packed, pattern: RegExp) => p.texts.filter((t) => pattern.test(t));

  it('has the header block, number and date, title and summary line', () => {
    expect(numbered.texts).toContain('Số: 125/BC-SNV');
    expect(numbered.texts).toContain('Sóc Trăng, ngày 25 tháng 8 năm 2021');
    expect(blank.texts).toContain('Số:      /BC-SNV');
    expect(blank.texts).toContain('Sóc Trăng, ngày      tháng      năm 2021');
    expect(numbered.texts).toContain('UBND TỈNH SÓC TRĂNG');
    const i = numbered.texts.indexOf('BÁO CÁO');
    expect(i).toBeGreaterThan(0);
    expect(numbered.texts.slice(i + 1, i + 3).join(' ')).toBe(`Kết quả ${plan.shortTitle} (từ ngày 16/8/2021 đến ngày 25/8/2021)`);
  });

  it('says what was received: 10/11, the missing district, the errors and the communes left without status', () => {
    const [sentence] = find(numbered, /đã nhận báo cáo của/);
    expect(sentence).toContain('10/11 huyện, thị xã, thành phố');
    expect(sentence).toContain('huyện Trần Đề chưa gửi báo cáo');
    const [errors] = find(numbered, /^Báo cáo của huyện Mỹ Tú có 2 lỗi/);
    const mt0 = registry.communes.get(communeCodes('944')[0])!.name.toLocaleLowerCase('vi');
    expect(errors.toLocaleLowerCase('vi')).toContain(mt0);
    expect(errors).toContain('không được đưa vào số liệu tổng hợp');
  });

  it('gives the province table the compiled counts, in rank order, with zone shading', () => {
    const table = tables(numbered.xml).find((t) => t[0].includes('Đầu kỳ (16/8)'))!;
    expect(table[0]).toEqual(['Vùng', 'Mức độ nguy cơ', 'Đầu kỳ (16/8)', 'Cuối kỳ (25/8)', 'Tăng (+), giảm (-)']);
    const labels = plan.zoneScale.zones.map((z) => z.label);
    expect(table.slice(1).map((r) => r[0])).toEqual([...labels, 'Chưa có số liệu', 'Tổng cộng']);
    plan.zoneScale.zones.forEach((z, i) => {
      const a = results.province.start.byZone.find((x) => x.zone === z.code)!.count;
      const b = results.province.end.byZone.find((x) => x.zone === z.code)!.count;
      expect(table[i + 1].slice(2, 4)).toEqual([String(a), String(b)]);
    });
    expect(table[5].slice(2, 4)).toEqual([String(results.province.start.noData), String(results.province.end.noData)]);
    expect(table[6][2]).toBe(String(results.communes.length));
    expect(results.province.start.noData).toBe(12); // 11 of Trần Đề and 1 with errors: the table is not trivially zero
    expect(numbered.xml).toMatch(/<w:shd [^>]*w:fill="[0-9A-F]{6}"[^>]*\/>[\s\S]{0,400}?Vùng xanh/);
  });

  it('writes the green share with a decimal comma and the zone movements', () => {
    // By hand: 109 communes; 11 (Trần Đề) + 1 (error) without data; Kế Sách has 5 non-green at the start, 4 at the end.
    expect(formatShare(results.province.greenShare.end.ofAll)).toBe('85,3%');
    const [sentence] = find(numbered, /^Toàn tỉnh có/);
    expect(sentence).toContain('có 92 xã, phường, thị trấn thuộc vùng xanh, chiếm 84,4%;');
    expect(sentence).toContain('vùng xanh tăng từ 92 lên 93 xã, phường, thị trấn, chiếm 85,3% tổng số');
    const [others] = find(numbered, /^Số xã, phường, thị trấn thuộc vùng vàng/);
    expect(others).toBe('Số xã, phường, thị trấn thuộc vùng vàng tăng từ 1 lên 2; vùng cam giảm từ 2 xuống 1; vùng đỏ giảm từ 2 xuống 1.');
  });

  it('names the localities by category, with the worsened commune under its transition', () => {
    const ks = communeCodes('943').map((c) => registry.communes.get(c)!.name.toLocaleLowerCase('vi'));
    const at = (label: RegExp) => numbered.texts.findIndex((t) => label.test(t));
    const worsenedAt = at(/^a\) Chuyển sang vùng có nguy cơ cao hơn: 1 xã/);
    expect(worsenedAt).toBeGreaterThan(0);
    const next = numbered.texts[worsenedAt + 1];
    expect(next).toMatch(/^- Từ vùng xanh sang vùng vàng \(1\): /);
    expect(next.toLocaleLowerCase('vi')).toContain(`${ks[1]} (huyện kế sách)`);
    const improvedAt = at(/^b\) Chuyển sang vùng có nguy cơ thấp hơn: 4 xã/);
    expect(numbered.texts.slice(improvedAt + 1, improvedAt + 5).map((t) => t.replace(/ \(1\): .*$/, ''))).toEqual([
      '- Từ vùng đỏ sang vùng cam',
      '- Từ vùng cam sang vùng xanh',
      '- Từ vùng cam sang vùng vàng',
      '- Từ vùng vàng sang vùng xanh',
    ]);
    expect(find(numbered, /^c\) Trong đó, chuyển sang vùng xanh: 2 xã/)).toHaveLength(1);
    expect(find(numbered, /^- Huyện Trần Đề: 11 xã, phường, thị trấn \(đơn vị chưa gửi báo cáo\)/)).toHaveLength(1);
    expect(find(numbered, /chưa giữ vững vùng xanh\): 1 xã/)).toHaveLength(1);
  });

  it('totals the indicators with the Vietnamese grouping dot', () => {
    expect(find(numbered, /^- Số tiền vận động ủng hộ: 3\.500\.000 đồng \(2 đơn vị báo cáo\);$/)).toHaveLength(1);
    const table = tables(numbered.xml).find((t) => t[0][1] === 'Đơn vị' && t[0].some((h) => h.startsWith('Số tiền')))!;
    const ks = table.find((r) => r[1] === 'Huyện Kế Sách')!;
    expect(ks).toContain('1.500.000');
    expect(table[table.length - 1]).toContain('3.500.000');
  });

  it('proposes awards, lists difficulties, ends with ./., Nơi nhận and the signature', () => {
    const eligible = results.lists.heldGreen.length + results.lists.improved.length;
    expect(find(numbered, new RegExp(`có ${eligible} xã, phường, thị trấn đạt điều kiện`))).toHaveLength(1);
    expect(find(numbered, /Tờ trình riêng \(có danh sách kèm theo\)/)).toHaveLength(1);
    expect(find(numbered, /^- Huyện Mỹ Xuyên: Thiếu sinh phẩm xét nghiệm nhanh\.$/)).toHaveLength(1);
    expect(find(numbered, /chỉ đạo\.\/\.$/)).toHaveLength(1);
    expect(numbered.texts).toContain('Nơi nhận:');
    expect(numbered.texts).toContain('KT. GIÁM ĐỐC');
    expect(numbered.texts).toContain('Nguyễn Văn A');
  });

  it('has a landscape appendix with one row per commune and the zone cells shaded', () => {
    const sections = numbered.xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain('w:orient="landscape"');
    expect(sections[1]).toContain('w:orient="landscape"');
    expect(numbered.texts).toContain('(Kèm theo Báo cáo số 125/BC-SNV ngày 25/8/2021 của Sở Nội vụ)');
    const appendix = tables(numbered.xml).at(-1)!;
    expect(appendix[0]).toEqual(['STT', 'Mã', 'Xã, phường, thị trấn', 'Huyện, thị xã, thành phố', 'Vùng đầu kỳ (16/8/2021)', 'Vùng cuối kỳ (25/8/2021)', 'Kết quả']);
    const rows = appendix.filter((r) => registry.communes.has(r[1]));
    expect(rows).toHaveLength(results.communes.length);
    expect(appendix.filter((r) => r.length === 1)).toHaveLength(11); // a sub-heading row per district
    const ks1 = rows.find((r) => r[1] === communeCodes('943')[1])!;
    expect(ks1.slice(4)).toEqual(['Vùng xanh', 'Vùng vàng', 'Xấu đi: từ vùng xanh sang vùng vàng']);
    expect(rows.find((r) => r[1] === communeCodes('943')[0])![6]).toBe('Chuyển từ vùng cam sang vùng vàng');
    expect(numbered.xml.match(/<w:tblHeader\/>/g)!.length).toBeGreaterThanOrEqual(4);
  });

  it('summarises the appendix by district above maxAppendixCommunes', async () => {
    const small = await render(input(results, '125', '2021-08-25'), { maxAppendixCommunes: 50 });
    const appendix = tables(small.xml).at(-1)!;
    expect(appendix).toHaveLength(1 + 11 + 1);
    expect(find(small, /danh sách đầy đủ từng xã, phường, thị trấn tại Phụ lục Excel/)).toHaveLength(1);
  });

  it('embeds the chart as SVG with a PNG fallback', async () => {
    const media = Object.keys(numbered.zip.files).filter((n) => n.startsWith('word/media/'));
    // Two charts as SVG with their PNG fallbacks, and the course chart as a PNG (no map: no boundaries given).
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(3);
    expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(2);
    expect(numbered.xml).toContain('svgBlip');
  });

  it('gives byte-identical files for the same input', async () => {
    const again = await render(input(sampleResults(), '125', '2021-08-25'));
    expect(again.bytes.equals(numbered.bytes)).toBe(true);
    expect(again.bytes.equals(blank.bytes)).toBe(false);
  });
});
