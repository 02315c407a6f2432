// Tests for the award proposal renderers: the Tờ trình .docx is built from a shortlist made the
// real way (bundled plan and register, compileResults, buildShortlist), packed, unzipped and its
// document.xml parsed back; the clerk's workbook is read back with exceljs.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH } from '../../src/docx/nd30.js';
import { packDocument } from '../../src/docx/pack.js';
import {
  GROUP_COLLECTIVES,
  GROUP_INDIVIDUALS,
  LEFT_OUT_SHEET,
  MONEY_SHEET,
  NONE,
  TOTAL_LABEL,
  TOTAL_TEXT,
  PROPOSED_SHEET,
  leftOutBytes,
  leftOutWorkbook,
  proposalDocument,
  workbookBytes,
  type ProposalInput,
} from '../../src/render/proposal/index.js';
import { REASON_TEXT } from '../../src/shortlist/eligibility.js';
import type { LeftOutReason } from '../../src/shortlist/types.js';
import { BLANK_META, communeCodes, nomination, plan, sampleInput } from './proposalFixture.js';
import { documentXml, sectionsOf, type XmlRow, type XmlSection } from './proposalXml.js';

async function render(input: ProposalInput): Promise<XmlSection[]> {
  return sectionsOf(await documentXml(await packDocument(proposalDocument(input))));
}

/** Numbered rows under each group row of the DANH SÁCH table, and the "(Không có)" rows; the total row is not a group's. */
function groups(rows: XmlRow[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const r of rows.slice(1)) {
    const texts = r.cells.map((c) => c.text);
    if (r.cells.length === 1 && r.cells[0].span === 7) out.set(texts[0], (current = []));
    else if (texts[0].startsWith(TOTAL_LABEL)) current = null;
    else current!.push(texts);
  }
  return out;
}

const input = sampleInput();
const sections = await render(input);
const [letterSection, listSection] = sections;
const listTable = listSection.tables[0];
const numbered = groups(listTable.rows);

describe('the Tờ trình (portrait section)', () => {
  it('has two sections, the first portrait, the second landscape', () => {
    expect(sections).toHaveLength(2);
    expect(letterSection.landscape).toBe(false);
    expect(listSection.landscape).toBe(true);
    expect(listSection.sectPr).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
  });

  it('leaves the number and date blank for the clerk', () => {
    const header = letterSection.tables[0].rows.map((r) => r.cells.map((c) => c.text).join(' | ')).join('\n');
    expect(header).toContain('Số:      /TTr-SNV');
    expect(header).toContain('Sóc Trăng, ngày      tháng      năm 2021');
    expect(header).toContain('SỞ NỘI VỤ');
  });

  it('prints the number and date when known', async () => {
    const [letter, list] = await render(sampleInput({ meta: { ...BLANK_META, number: '45', date: '2021-08-26' } }));
    const header = letter.tables[0].rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ');
    expect(header).toContain('Số: 45/TTr-SNV');
    expect(header).toContain('Sóc Trăng, ngày 26 tháng 8 năm 2021');
    expect(list.paragraphs).toContain('(Kèm theo Tờ trình số 45/TTr-SNV ngày 26 tháng 8 năm 2021 của Sở Nội vụ)');
  });

  it('has the title, the summary and Kính gửi', () => {
    const p = letterSection.paragraphs;
    expect(p).toContain('TỜ TRÌNH');
    expect(p).toContain('Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(p).toContain('Kính gửi: Ủy ban nhân dân tỉnh Sóc Trăng.');
  });

  it('cites every legal basis of the plan, in italic', () => {
    expect(plan.legalBases).toHaveLength(4);
    for (const basis of plan.legalBases) {
      expect(letterSection.paragraphs).toContain(basis);
      const at = letterSection.xml.indexOf(basis.slice(0, 40));
      const run = letterSection.xml.slice(letterSection.xml.lastIndexOf('<w:r>', at), at);
      expect(run).toContain('<w:i/>');
    }
  });

  it('states the period and the results counted from the compiled figures', () => {
    const c = input.results.province.categories;
    const text = letterSection.paragraphs.find((p) => p.startsWith('Thực hiện'))!;
    expect(text).toContain('từ ngày 16/8/2021 đến ngày 25/8/2021');
    expect(text).toContain(`có ${c['held-green']} xã, phường, thị trấn giữ vững vùng xanh`);
    expect(text).toContain(`${c.improved} xã, phường, thị trấn chuyển sang vùng nguy cơ thấp hơn (trong đó ${c.becameGreen} đơn vị chuyển sang vùng xanh)`);
    expect(text).toContain('Theo báo cáo của Ủy ban nhân dân 2/11 huyện, thị xã, thành phố');
  });

  it('asks for as many awards as the DANH SÁCH numbers', () => {
    const request = letterSection.paragraphs.find((p) => p.startsWith('Sở Nội vụ kính trình'))!;
    const m = /tặng Bằng khen cho (\d+) tập thể và (\d+) cá nhân đã có thành tích xuất sắc trong đợt thi đua đặc biệt .*\(có danh sách kèm theo\)\.$/.exec(request);
    expect(m).not.toBeNull();
    const [collectives, individuals] = [Number(m![1]), Number(m![2])];
    expect(collectives).toBe(numbered.get(GROUP_COLLECTIVES)!.length);
    expect(individuals).toBe(numbered.get(GROUP_INDIVIDUALS)!.length);
    expect([collectives, individuals]).toEqual([input.shortlist.collectives.length, input.shortlist.individuals.length]);
    expect(request).toContain('xem xét, trình Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen');
  });

  it('closes with "Kính trình …./.", Nơi nhận and the signature', () => {
    const p = letterSection.paragraphs;
    expect(p).toContain('Kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.');
    const closing = letterSection.tables.at(-1)!.rows[0].cells.map((c) => c.text);
    expect(closing[0].split('\n')).toEqual(['Nơi nhận:', '- Như trên;', '- Ban Thi đua - Khen thưởng tỉnh;', '- Lưu: VT, TĐKT.']);
    expect(closing[1].split('\n')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Thành']);
  });
});

describe('the DANH SÁCH (landscape section)', () => {
  it('has its title and the reference to the Tờ trình, with blanks', () => {
    expect(listSection.paragraphs).toContain('DANH SÁCH');
    expect(listSection.paragraphs).toContain('Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(listSection.paragraphs).toContain('(Kèm theo Tờ trình số      /TTr-SNV ngày      tháng      năm 2021 của Sở Nội vụ)');
  });

  it('repeats the header row on every page, and only the header row', () => {
    expect(listTable.rows[0].isHeader).toBe(true);
    expect(listTable.rows.slice(1).some((r) => r.isHeader)).toBe(false);
    expect(listTable.rows[0].cells.map((c) => c.text)).toEqual([
      'STT', 'Tên tập thể / Họ và tên', 'Chức vụ, đơn vị', 'Tóm tắt thành tích', 'Hình thức khen thưởng', 'Số tiền (đồng)', 'Ghi chú',
    ]);
  });

  it('gives explicit column widths that fill the landscape text width', () => {
    expect(listTable.gridCols).toHaveLength(7);
    expect(listTable.gridCols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.landscape);
    expect(listTable.xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('numbers collectives and individuals from 1 under I. and II., in the shortlist order', () => {
    expect([...numbered.keys()]).toEqual([GROUP_COLLECTIVES, GROUP_INDIVIDUALS]);
    const col = numbered.get(GROUP_COLLECTIVES)!;
    const ind = numbered.get(GROUP_INDIVIDUALS)!;
    expect(col.map((r) => r[0])).toEqual(col.map((_r, i) => String(i + 1)));
    expect(ind.map((r) => r[0])).toEqual(ind.map((_r, i) => String(i + 1)));
    expect(col.map((r) => r[1])).toEqual(input.shortlist.collectives.map((c) => c.name));
    expect(ind.map((r) => r[1])).toEqual(input.shortlist.individuals.map((p) => p.name));
  });

  it('fills Chức vụ, đơn vị and Ghi chú by source', () => {
    const col = numbered.get(GROUP_COLLECTIVES)!;
    const row = (name: string) => col.find((r) => r[1] === name)!;
    const district = row('Ủy ban nhân dân huyện Châu Thành');
    expect([district[2], district[4], district[6]]).toEqual(['', 'Bằng khen của Chủ tịch UBND tỉnh', '']);
    expect(row('Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành')[2]).toBe(''); // the name already carries the district
    expect(row('Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành')[6]).toBe('');
    const bcd = row('Ban Chỉ đạo phòng, chống dịch Covid-19 xã Phú Tâm');
    expect([bcd[2], bcd[6]]).toEqual(['Huyện Châu Thành', 'Huyện đề nghị']);
    const an = numbered.get(GROUP_INDIVIDUALS)!.find((r) => r[1] === 'Nguyễn Văn An')!;
    expect(an[2]).toBe('Chủ tịch UBND xã, xã Phú Tâm');
    expect(an[3]).toContain('góp phần giúp xã Phú Tâm giữ vững vùng xanh');
    expect(an[6]).toBe('Huyện đề nghị');
  });

  it('writes II. CÁ NHÂN and "(Không có)" when nobody is proposed by name', async () => {
    const base = sampleInput();
    const shortlist = { ...base.shortlist, individuals: [] };
    const [letter, list] = await render({ ...base, shortlist });
    const g = groups(list.tables[0].rows);
    expect(g.get(GROUP_INDIVIDUALS)).toEqual([['', NONE]]);
    const request = letter.paragraphs.find((p) => p.startsWith('Sở Nội vụ kính trình'))!;
    expect(request).toContain(`tặng Bằng khen cho ${shortlist.collectives.length} tập thể đã có thành tích xuất sắc`);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same input', async () => {
    const a = await packDocument(proposalDocument(sampleInput()));
    const b = await packDocument(proposalDocument(sampleInput()));
    expect(a.equals(b)).toBe(true);
  });
});

describe('the clerk’s workbook', () => {
  const k = communeCodes('943');
  const risky = nomination({ kind: 'individual', name: '=HYPERLINK("http://x","y")', position: '@chuc vu', unit: '+84 912 345 678', communeCode: k[0] });
  const wbInput = sampleInput({ extra: [risky] });

  async function readBack(): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
    const bytes = await leftOutBytes(leftOutWorkbook(wbInput));
    const wb = new ExcelJS.Workbook();
    // exceljs's load() is typed for its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return { wb, bytes };
  }

  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const out: string[][] = [];
    ws.eachRow((r, n) => {
      if (n > 2 && r.getCell(3).value !== TOTAL_TEXT) out.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return out;
  };

  it('has the three sheets, the first two with a frozen bold header under the internal-use title', async () => {
    const { wb } = await readBack();
    expect(wb.worksheets.map((w) => w.name)).toEqual([PROPOSED_SHEET, LEFT_OUT_SHEET, MONEY_SHEET]);
    for (const ws of wb.worksheets.slice(0, 2)) {
      expect(String(ws.getCell('A1').value)).toContain('Danh sách nội bộ, không gửi UBND tỉnh');
      expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(3).width).toBeGreaterThan(20);
    }
    expect(wb.getWorksheet(PROPOSED_SHEET)!.getRow(2).values).toEqual([
      undefined, 'STT', 'Loại', 'Tên', 'Chức vụ, đơn vị', 'Huyện', 'Xã', 'Nguồn', 'Thành tích', 'Hình thức', 'Số tiền (đồng)', 'Tệp', 'Ô',
    ]);
    expect(wb.getWorksheet(LEFT_OUT_SHEET)!.getRow(2).values).toEqual([
      undefined, 'STT', 'Loại', 'Tên', 'Huyện', 'Xã', 'Lý do', 'Mã lý do', 'Tệp', 'Ô',
    ]);
  });

  it('lists everyone proposed, collectives first', async () => {
    const { wb } = await readBack();
    const rows = rowsOf(wb.getWorksheet(PROPOSED_SHEET)!);
    const s = wbInput.shortlist;
    expect(rows).toHaveLength(s.collectives.length + s.individuals.length);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_r, i) => String(i + 1)));
    expect(rows.slice(0, s.collectives.length).every((r) => r[1] === 'Tập thể')).toBe(true);
    expect(rows.slice(s.collectives.length).every((r) => r[1] === 'Cá nhân' && r[6] === 'Huyện đề nghị')).toBe(true);
    const auto = rows.find((r) => r[2] === 'Ủy ban nhân dân xã Phú Tâm, huyện Châu Thành')!;
    expect([auto[4], auto[5], auto[6]]).toEqual(['Huyện Châu Thành', 'Xã Phú Tâm', 'Tự động']);
  });

  it('lists every nomination left out with its reason, code and cell', async () => {
    const { wb } = await readBack();
    const rows = rowsOf(wb.getWorksheet(LEFT_OUT_SHEET)!);
    const left = wbInput.shortlist.leftOut;
    expect(rows).toHaveLength(left.length);
    const reasons: LeftOutReason[] = [
      'duplicate', 'type-not-rewarded', 'award-not-provincial', 'missing-unit',
      'locality-worsened', 'green-not-held', 'locality-unchanged', 'locality-no-data',
    ];
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(reasons));
    for (const r of rows) expect(r[5]).toBe(REASON_TEXT[r[6] as LeftOutReason]);
    const dung = rows.find((r) => r[2] === 'Phạm Thị Dung')!;
    expect(dung.slice(1, 7)).toEqual(['Cá nhân', 'Phạm Thị Dung', 'Huyện Kế Sách', 'Thị trấn An Lạc Thôn', REASON_TEXT['missing-unit'], 'missing-unit']);
    expect(dung[7]).toBe('943_de_nghi.xlsx');
    expect(dung[8]).toMatch(/^Đề nghị khen thưởng!B\d+$/);
  });

  it('keeps text that looks like a formula as text', async () => {
    const { wb, bytes } = await readBack();
    const ws = wb.getWorksheet(PROPOSED_SHEET)!;
    let found = 0;
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) {
          found += 1;
          expect(c.type).toBe(ExcelJS.ValueType.String);
        }
      }),
    );
    expect(found).toBe(2);
    const sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
  });

  it('gives the same bytes for the same input', async () => {
    const a = await workbookBytes(leftOutWorkbook(sampleInput()));
    const b = await workbookBytes(leftOutWorkbook(sampleInput()));
    expect(a.equals(b)).toBe(true);
  });
});
