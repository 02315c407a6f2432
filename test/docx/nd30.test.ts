// Tests for the ND30 document layer: a sample BÁO CÁO is composed from the pieces, packed,
// unzipped, and its XML inspected for page setup, header block, tables and determinism.
// Set ND30_SAMPLE_OUT=/tmp/nd30-sample.docx to also write the sample for a visual check.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ExternalHyperlink, Packer, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/types.js';
import {
  TEXT_WIDTH,
  body,
  bold,
  bullet,
  chartImage,
  closing,
  dataTable,
  docNumberLine,
  docTitle,
  endMark,
  fitWidths,
  formatNd30Date,
  formatNd30ShortDate,
  headerBlock,
  heading,
  italicBody,
  kinhGui,
  mm,
  nd30Document,
  pageA4Landscape,
  pageA4Portrait,
  placeDateLine,
  recipientsAndSignature,
  subheading,
} from '../../src/docx/nd30.js';
import { packDocument } from '../../src/docx/pack.js';
import type { DataCellSpec } from '../../src/docx/dataTable.js';

const planPath = fileURLToPath(new URL('../../templates/plans/soc-trang-vung-xanh-2021.json', import.meta.url));
const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
const zoneColor = Object.fromEntries(plan.zoneScale.zones.map((z) => [z.code, z.color]));
const zoneOrder = plan.zoneScale.zones.map((z) => z.code);

/** A 4×2 PNG (green, yellow, orange, red columns). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAGElEQVR4nGNg2BDw/z/D/wMM/xmAAIkDAJtSC3mvlzdUAAAAAElFTkSuQmCC',
  'base64',
);

interface SampleOptions {
  docNumber?: string | null;
  date?: string | null;
}

function zoneRows(): string[][] {
  return plan.zoneScale.zones.map((z, i) => [String(i + 1), z.label, String(40 - i * 9), String(60 - i * 12)]);
}

/** Appendix: one row per commune, 120 of them, the zone cells coloured. */
function appendixRows(): DataCellSpec[][] {
  return Array.from({ length: 120 }, (_, i) => {
    const start = zoneOrder[i % 4];
    const end = zoneOrder[(i * 7) % 3];
    return [
      { text: String(i + 1) },
      { text: `Huyện ${['Kế Sách', 'Mỹ Tú', 'Châu Thành', 'Long Phú'][i % 4]}` },
      { text: `Xã Thử Nghiệm Số ${i + 1}` },
      { text: start, fill: zoneColor[start], color: start === 'do' ? 'FFFFFF' : undefined },
      { text: end, fill: zoneColor[end] },
      { text: i % 5 === 0 ? 'Giữ vững vùng xanh' : '' },
    ];
  });
}

function portraitChildren(options: SampleOptions) {
  const date = options.date === undefined ? '2021-08-25' : options.date;
  return [
    headerBlock({
      agency: plan.agency,
      docNumber: options.docNumber === undefined ? '125' : options.docNumber,
      suffix: plan.agency.reportSuffix,
      date,
      fallbackYear: 2021,
    }),
    ...docTitle('BÁO CÁO', ['Kết quả đợt thi đua đặc biệt giữ vững và mở rộng “vùng xanh”', 'trong phòng, chống dịch Covid-19']),
    kinhGui(plan.province.authority + '.'),
    body(`Thực hiện ${plan.planDocument}, Sở Nội vụ báo cáo kết quả như sau:`),
    heading('I. Tình hình tiếp nhận báo cáo'),
    body([new TextRun('Đã nhận '), bold('11/11'), new TextRun(' huyện, thị xã, thành phố gửi báo cáo đúng hạn.')]),
    subheading('1. Kết quả theo vùng'),
    bullet('Số xã, phường, thị trấn vùng xanh tăng từ 40 lên 60.'),
    italicBody('(Số liệu tính đến ngày 25 tháng 8 năm 2021)'),
    dataTable({
      columns: [
        { header: 'STT', width: mm(12), align: 'center' },
        { header: 'Vùng', width: mm(50) },
        { header: 'Đầu đợt', width: mm(30), align: 'right' },
        { header: 'Cuối đợt', width: mm(30), align: 'right' },
      ],
      rows: zoneRows().map((r, i) => [r[0], { text: r[1], fill: plan.zoneScale.zones[i].color }, r[2], r[3]]),
      totalRow: [{ text: 'Tổng cộng', span: 2, align: 'center' }, '94', '94'],
      fitTo: TEXT_WIDTH.portrait,
    }),
    chartImage(PNG, 600, 300),
    endMark('Trên đây là báo cáo kết quả đợt thi đua của Sở Nội vụ'),
    recipientsAndSignature({ recipients: plan.recipients.report, signer: { ...plan.signer, name: 'Nguyễn Văn A' } }),
  ];
}

function sampleDocument(options: SampleOptions = {}) {
  return nd30Document({
    title: 'Báo cáo kết quả đợt thi đua',
    sections: [
      { ...pageA4Portrait(), children: portraitChildren(options) },
      {
        ...pageA4Landscape(),
        children: [
          ...docTitle('PHỤ LỤC', 'Kết quả theo từng xã, phường, thị trấn', { width: TEXT_WIDTH.landscape }),
          dataTable({
            columns: [
              { header: 'STT', width: 700, align: 'center' },
              { header: 'Huyện', width: 3000 },
              { header: 'Xã, phường, thị trấn', width: 4000 },
              { header: 'Đầu đợt', width: 1600, align: 'center' },
              { header: 'Cuối đợt', width: 1600, align: 'center' },
              { header: 'Ghi chú', width: 3000 },
            ],
            rows: appendixRows(),
            fitTo: TEXT_WIDTH.landscape,
          }),
          closing(),
        ],
      },
    ],
  });
}

async function unzip(buf: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir && /\.(xml|rels)$/.test(name)) out[name] = await entry.async('string');
  }
  return out;
}

/** The visible text of a part: its <w:t> contents joined per paragraph. */
function paragraphsText(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...p[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

function sectPrs(xml: string): string[] {
  return [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

function attr(xml: string, element: string, name: string): string | undefined {
  const el = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}

describe('ND30 dates', () => {
  it('adds a leading zero to days 1–9 and months 1–2 only', () => {
    expect(formatNd30Date('2021-08-25')).toBe('ngày 25 tháng 8 năm 2021');
    expect(formatNd30Date('2021-02-05')).toBe('ngày 05 tháng 02 năm 2021');
    expect(formatNd30Date('2021-01-10')).toBe('ngày 10 tháng 01 năm 2021');
    expect(formatNd30Date('2021-12-09')).toBe('ngày 09 tháng 12 năm 2021');
    expect(formatNd30Date('2021-03-01')).toBe('ngày 01 tháng 3 năm 2021');
    expect(formatNd30ShortDate('2021-08-05')).toBe('05/8/2021');
  });

  it('rejects what is not a date', () => {
    expect(() => formatNd30Date('2021-02-30')).toThrow();
    expect(() => formatNd30Date('25/08/2021')).toThrow();
  });

  it('leaves blanks for the clerk when the date or number is missing', () => {
    expect(placeDateLine('Sóc Trăng', null, 2021)).toBe('Sóc Trăng, ngày      tháng      năm 2021');
    expect(placeDateLine('Sóc Trăng', '2021-08-25', 2020)).toBe('Sóc Trăng, ngày 25 tháng 8 năm 2021');
    expect(docNumberLine(null, 'BC-SNV')).toBe('Số:      /BC-SNV');
    expect(docNumberLine('  ', 'TTr-SNV')).toBe('Số:      /TTr-SNV');
    expect(docNumberLine(125, 'BC-SNV')).toBe('Số: 125/BC-SNV');
  });
});

describe('fitWidths', () => {
  it('scales to the exact total', () => {
    const w = fitWidths([1, 2, 3], 9355);
    expect(w.reduce((a, b) => a + b, 0)).toBe(9355);
    expect(w[2]).toBeGreaterThan(w[1]);
  });
});

describe('sample BÁO CÁO', async () => {
  const buf = await packDocument(sampleDocument());
  if (process.env.ND30_SAMPLE_OUT) writeFileSync(process.env.ND30_SAMPLE_OUT, buf);
  const parts = await unzip(buf);
  const doc = parts['word/document.xml'];
  const text = paragraphsText(doc);

  it('is A4 with ND30 margins, portrait then landscape', () => {
    const [portrait, landscape] = sectPrs(doc);
    expect(sectPrs(doc)).toHaveLength(2);
    expect(attr(portrait, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(portrait, 'w:pgSz', 'w:h')).toBe('16838');
    for (const s of [portrait, landscape]) {
      expect(attr(s, 'w:pgMar', 'w:top')).toBe('1134');
      expect(attr(s, 'w:pgMar', 'w:bottom')).toBe('1134');
      expect(attr(s, 'w:pgMar', 'w:left')).toBe('1701');
      expect(attr(s, 'w:pgMar', 'w:right')).toBe('850');
    }
    expect(attr(landscape, 'w:pgSz', 'w:w')).toBe('16838');
    expect(attr(landscape, 'w:pgSz', 'w:h')).toBe('11906');
    expect(attr(landscape, 'w:pgSz', 'w:orient')).toBe('landscape');
  });

  it('numbers pages from page 2: empty first-page header, PAGE field in the default one', () => {
    const [portrait, landscape] = sectPrs(doc);
    expect(portrait).toMatch(/<w:titlePg\s*\/>|<w:titlePg w:val="(true|1|on)"\s*\/>/);
    expect(landscape).not.toMatch(/<w:titlePg(?![^>]*w:val="(false|0|off)")/);
    const rels = parts['word/_rels/document.xml.rels'];
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference[^>]*w:type="${type}"[^>]*r:id="([^"]+)"`).exec(portrait)?.[1] ??
        new RegExp(`<w:headerReference[^>]*r:id="([^"]+)"[^>]*w:type="${type}"`).exec(portrait)?.[1];
      expect(id).toBeDefined();
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    };
    const first = parts[`word/${target('first')}`];
    const dflt = parts[`word/${target('default')}`];
    expect(first).not.toMatch(/PAGE/);
    expect(paragraphsText(first).join('')).toBe('');
    expect(dflt).toMatch(/PAGE/);
  });

  it('declares Times New Roman and the ND30 styles', () => {
    const styles = parts['word/styles.xml'];
    expect(styles).toContain('w:ascii="Times New Roman"');
    for (const id of ['Normal', 'Heading1', 'TableText', 'Small']) expect(styles).toContain(`w:styleId="${id}"`);
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(normal).toMatch(/<w:jc w:val="both"\/>/);
    expect(normal).toMatch(/w:firstLine="567"/);
    expect(normal).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('prints the header block, title, body and closing', () => {
    expect(text).toContain('UBND TỈNH SÓC TRĂNG');
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 125/BC-SNV');
    expect(text).toContain('Sóc Trăng, ngày 25 tháng 8 năm 2021');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Sóc Trăng.');
    expect(text).toContain('I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO');
    expect(text).toContain('- Số xã, phường, thị trấn vùng xanh tăng từ 40 lên 60.');
    expect(text).toContain('Trên đây là báo cáo kết quả đợt thi đua của Sở Nội vụ./.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- UBND tỉnh (b/c);');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('PHÓ GIÁM ĐỐC');
    expect(text).toContain('Nguyễn Văn A');
    // The header block is the first thing in the body and has no borders.
    const firstTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)?.[0] ?? '';
    expect(firstTable).toContain('UBND TỈNH SÓC TRĂNG');
    expect(firstTable).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="(none|nil)"/);
  });

  it('gives every table a grid and every cell a width', () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBe(4);
    for (const t of tables) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.length).toBeGreaterThan(1);
      const cells = [...t.matchAll(/<w:tc>[\s\S]*?<w:tcW ([^>]*)\/>/g)];
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c[1]).toMatch(/w:type="dxa"/);
      expect(t).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    }
    const zoneTable = tables[1];
    expect([...zoneTable.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((a, m) => a + Number(m[1]), 0)).toBe(
      TEXT_WIDTH.portrait,
    );
    expect(zoneTable).toMatch(/<w:shd [^>]*w:fill="00B050"/);
    expect(zoneTable).toMatch(/<w:gridSpan w:val="2"\/>/);
  });

  it('repeats the header row of data tables, including the 120-row appendix', () => {
    const appendix = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])[3];
    const rows = [...appendix.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(121);
    expect(rows[0]).toMatch(/<w:tblHeader\s*\/>|<w:tblHeader w:val="(true|1|on)"\s*\/>/);
    expect(rows[1]).not.toMatch(/<w:tblHeader/);
    expect(paragraphsText(rows[120])).toContain('Xã Thử Nghiệm Số 120');
  });

  it('embeds the chart as a PNG', () => {
    expect(doc).toMatch(/<a:blip r:embed="[^"]+"/);
    expect(doc).toMatch(/<wp:docPr id="1"/);
  });

  it('has no clock time in core.xml', () => {
    expect(parts['docProps/core.xml']).not.toMatch(/dcterms:created|dcterms:modified/);
  });
});

describe('blank number and date', async () => {
  const buf = await packDocument(sampleDocument({ docNumber: null, date: null }));
  if (process.env.ND30_SAMPLE_OUT) writeFileSync(process.env.ND30_SAMPLE_OUT.replace(/\.docx$/, '-blank.docx'), buf);
  const parts = await unzip(buf);
  const text = paragraphsText(parts['word/document.xml']);
  it('prints spaces for the clerk', () => {
    expect(text).toContain('Số:      /BC-SNV');
    expect(text).toContain('Sóc Trăng, ngày      tháng      năm 2021');
    expect(parts['word/document.xml']).toContain('xml:space="preserve">Số:      /BC-SNV<');
  });
});

describe('deterministic packing', () => {
  it('gives identical bytes for the same document, rebuilt, and later in time', async () => {
    const doc = sampleDocument();
    const a = await packDocument(doc);
    const b = await packDocument(doc);
    const rebuilt = await packDocument(sampleDocument());
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const later = await packDocument(sampleDocument());
    expect(b.equals(a)).toBe(true);
    expect(rebuilt.equals(a)).toBe(true);
    expect(later.equals(a)).toBe(true);
    // The raw Packer output really does change, or this test would prove nothing.
    const raw1 = await Packer.toBuffer(sampleDocument());
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const raw2 = await Packer.toBuffer(sampleDocument());
    expect(raw1.equals(raw2)).toBe(false);
  }, 15000);

  it('dates every zip entry 1980-01-01 and renames random relationship ids', async () => {
    const buf = await packDocument(sampleDocument());
    const zip = await JSZip.loadAsync(buf);
    const names = Object.keys(zip.files);
    expect(names).toEqual([...names].sort());
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    for (const m of rels.matchAll(/\bId="([^"]+)"/g)) expect(m[1]).toMatch(/^rId(X)?\d+$/);
  });

  it('gives identical bytes for documents whose hyperlinks get random relationship ids', async () => {
    const linked = () =>
      nd30Document({
        sections: [
          {
            ...pageA4Portrait(),
            children: [body([new ExternalHyperlink({ link: 'https://thuvienphapluat.vn', children: [new TextRun('ND30')] })])],
          },
        ],
      });
    const [a, b] = [await packDocument(linked()), await packDocument(linked())];
    expect(b.equals(a)).toBe(true);
    const rels = await (await JSZip.loadAsync(a)).file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(/Id="rIdX1"[^>]*TargetMode="External"|TargetMode="External"[^>]*Id="rIdX1"/);
  });

  it('writes a timestamp only when asked', async () => {
    const parts = await unzip(await packDocument(sampleDocument(), { timestamp: new Date('2021-08-25T08:00:00Z') }));
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-08-25T08:00:00Z');
  });
});
