// The report's map and course chart: the pictures in the packed .docx (document.xml, its relationships
// and media parsed back) with their captions and the sentence on green passing half; the map in the
// appendix workbook's summary sheet, read back with exceljs.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileResults } from '../../src/compile/index.js';
import type { Results } from '../../src/compile/types.js';
import { loadBoundaries } from '../../src/data/boundaries.js';
import { packDocument } from '../../src/docx/pack.js';
import { appendixWorkbook, SUMMARY_SHEET, workbookBytes } from '../../src/render/appendix.js';
import type { ReportInput } from '../../src/render/documentInput.js';
import { reportFigures, type ReportFigures } from '../../src/render/report/figures.js';
import { reportDocument } from '../../src/render/report/index.js';
import { assess, plan, registry, submitted } from '../compile/helpers.js';

/** 60 communes vàng at the baseline and green from 20/8, the others green throughout: green passes half on 20/8. */
function results(): Results {
  const codes = [...registry.communes.keys()].sort();
  const assessments = codes.flatMap((c, i) =>
    i < 60
      ? [assess(c, '2021-08-15', 'vang'), assess(c, '2021-08-20', 'xanh'), assess(c, '2021-08-25', 'xanh')]
      : [assess(c, '2021-08-15', 'xanh'), assess(c, '2021-08-25', 'xanh')],
  );
  return compileResults({
    plan, registry, period: plan.period, assessments, indicators: [], difficulties: [],
    districts: [...registry.districts.keys()].map((d) => submitted(d)),
  });
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

interface Para {
  text: string;
  /** The media part a picture in the paragraph points to. */
  image: string | null;
}

async function docParagraphs(bytes: Buffer): Promise<{ paras: Para[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const paras = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => {
    const text = unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    // A PNG-only picture has one blip; an SVG chart has its PNG fallback in a:blip and the SVG in asvg:svgBlip.
    const embed = /<a:blip [^>]*r:embed="([^"]+)"/.exec(m[0])?.[1];
    return { text, image: embed ? `word/${target.get(embed)}` : null };
  });
  return { paras, zip };
}

async function imageBytes(zip: JSZip, part: string): Promise<Buffer> {
  return zip.file(part)!.async('nodebuffer');
}

describe('the map and the course in the report', () => {
  const r = results();
  const boundaries = loadBoundaries(plan.boundaries!, registry);
  const base: ReportInput = {
    plan, registry, results: r, sources: [], issues: [],
    meta: { number: '125', date: '2021-08-25', fallbackYear: 2021, signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' } },
  };
  let figures: ReportFigures;
  let withMap: { paras: Para[]; zip: JSZip };
  let withoutMap: { paras: Para[]; zip: JSZip };
  beforeAll(async () => {
    figures = reportFigures(plan, r, boundaries);
    withMap = await docParagraphs(await packDocument(reportDocument({ ...base, boundaries, figures })));
    withoutMap = await docParagraphs(await packDocument(reportDocument(base)));
  });

  it('places the map after the province table in section I, with its caption under it', async () => {
    const { paras, zip } = withMap;
    const caption = paras.findIndex((p) => p.text.startsWith('Bản đồ 1. Phân vùng các xã, phường, thị trấn đầu kỳ (16/8/2021) và cuối kỳ (25/8/2021)'));
    expect(caption).toBeGreaterThan(0);
    const picture = paras[caption - 1];
    expect(picture.image).toMatch(/\.png$/);
    expect((await imageBytes(zip, picture.image!)).equals(figures.map!.png)).toBe(true);
    const section1 = paras.findIndex((p) => p.text === '1. Kết quả phân vùng trên địa bàn tỉnh');
    const section2 = paras.findIndex((p) => p.text === '2. Kết quả phân vùng theo đơn vị cấp huyện');
    const tableEnd = paras.findIndex((p) => p.text === 'Tổng cộng');
    expect(section1).toBeLessThan(tableEnd);
    expect(tableEnd).toBeLessThan(caption);
    expect(caption).toBeLessThan(section2);
  });

  it('draws the course, captioned, with the sentence saying when green passed half', async () => {
    const { paras, zip } = withMap;
    const caption = paras.findIndex((p) => p.text.startsWith('Biểu đồ 2. Diễn biến số xã, phường, thị trấn theo vùng'));
    expect(caption).toBeGreaterThan(0);
    expect((await imageBytes(zip, paras[caption - 1].image!)).equals(figures.course.png)).toBe(true);
    expect(paras[caption - 2].text).toContain('qua 3 mốc đánh giá từ ngày 16/8/2021 đến ngày 25/8/2021');
    // 49 green at the start (not half of 109), all 109 from 20/8.
    expect(r.course.days.map((d) => d.byZone[0])).toEqual([49, 109, 109]);
    expect(paras[caption + 1].text).toBe('Từ ngày 20/8/2021, vùng xanh chiếm hơn một nửa số xã, phường, thị trấn của tỉnh (109/109 xã, phường, thị trấn).');
    expect(paras.findIndex((p) => p.text.startsWith('Biểu đồ 3. Phân vùng xã, phường, thị trấn theo từng đơn vị cấp huyện'))).toBeGreaterThan(caption);
  });

  it('has no map, and the course still, when no boundaries are given', () => {
    const { paras } = withoutMap;
    expect(paras.some((p) => p.text.startsWith('Bản đồ 1.'))).toBe(false);
    expect(paras.some((p) => p.text.startsWith('Biểu đồ 2. Diễn biến'))).toBe(true);
  });

  it('puts the same map into the appendix workbook under the summary table', async () => {
    const bytes = await workbookBytes(appendixWorkbook({ ...base, boundaries, figures }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    const media = wb.getImage(Number(images[0].imageId));
    expect(Buffer.from(media.buffer as unknown as Uint8Array).equals(figures.map!.png)).toBe(true);
    // Under the table: the province row and the 11 districts come first.
    const lastUsed = ws.getColumn(2).values.filter((v) => v !== undefined && v !== null).length;
    expect(images[0].range.tl.nativeRow).toBeGreaterThan(lastUsed);
    const none = new ExcelJS.Workbook();
    await none.xlsx.load((await workbookBytes(appendixWorkbook(base))) as unknown as ExcelJS.Buffer);
    expect(none.getWorksheet(SUMMARY_SHEET)!.getImages()).toHaveLength(0);
  });
});
