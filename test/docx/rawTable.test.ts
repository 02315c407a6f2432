// The appendix's long tables are written as XML text (rawDataTable) rather than docx objects:
// packed, the document must be the very one dataTable gives, byte for byte, for every kind of
// cell (spans, fills, colours, bold and italic, line breaks, keep-with-next, totals).
import JSZip from 'jszip';
import { Document, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { dataTable, type DataTableOptions } from '../../src/docx/dataTable.js';
import { rawDataTable } from '../../src/docx/rawTable.js';
import { packDocument } from '../../src/docx/pack.js';
import { mm } from '../../src/docx/layout.js';

const columns: DataTableOptions['columns'] = [
  { header: 'STT', width: mm(12), align: 'center' },
  { header: 'Xã, phường & "thị trấn" <tên>', width: mm(44) },
  { header: 'Vùng', width: mm(30), align: 'center' },
  { header: 'Số', width: mm(20), align: 'right' },
];

const CASES: Record<string, DataTableOptions> = {
  'group headings, fills, colours, breaks and a total': {
    columns,
    fitTo: 14000,
    rows: [
      [{ text: 'Huyện Kế Sách (13 xã)', bold: true, span: 4, keepNext: true }],
      ['1', 'Xã An Lạc Tây', { text: 'Vùng đỏ', fill: 'FF0000', color: 'FFFFFF' }, '1.234'],
      ['2', { text: 'Thị trấn\nKế Sách', italic: true }, { text: 'Chưa có số liệu', italic: true }, { text: '0', bold: false, align: 'justify' }],
      ['3', "O'Neil & <Co>"],
      [{ text: 'Huyện Mỹ Tú', bold: true, span: 9, keepNext: true }],
      ['4', '', { text: 'Vùng xanh', fill: '00B050' }, ''],
    ],
    totalRow: ['', 'Tổng cộng', '', '4'],
  },
  'kept together, no total, header not repeated, header filled': {
    columns,
    keepTogether: true,
    headerRepeat: false,
    headerFill: 'D9E1F2',
    rows: [['1', 'a', 'b', 'c'], ['2', 'd']],
  },
};

async function documentXml(table: unknown): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph('trước'), table as Paragraph, new Paragraph('sau')] }] });
  const zip = await JSZip.loadAsync(await packDocument(doc));
  return zip.file('word/document.xml')!.async('string');
}

describe('rawDataTable', () => {
  for (const [name, options] of Object.entries(CASES)) {
    it(`writes the XML dataTable writes: ${name}`, async () => {
      const fromObjects = await documentXml(dataTable(options));
      const fromText = await documentXml(rawDataTable(options));
      expect(fromObjects).toContain('<w:tbl>');
      expect(fromText).toBe(fromObjects);
    });
  }

  it('marks a group heading keep-with-next on every paragraph of its row, and nothing else', async () => {
    const xml = await documentXml(rawDataTable(CASES['group headings, fills, colours, breaks and a total']));
    const rows = xml.split('<w:tr>').slice(1);
    const kept = rows.map((r) => r.includes('<w:keepNext/>'));
    expect(kept).toEqual([false, true, false, false, false, true, false, false]);
    expect(rows[1]).toContain('Huyện Kế Sách (13 xã)');
  });

  it('drops characters XML forbids instead of writing a broken file', async () => {
    const xml = await documentXml(rawDataTable({ columns, rows: [['1', 'tab\there\u0001\u001f ok']] }));
    expect(xml).toContain('tab\there ok');
    expect(xml).not.toMatch(/[\u0001\u001f]/);
  });

  it('leaves no placeholder behind', async () => {
    const xml = await documentXml(rawDataTable({ columns, rows: [['1', 'x']] }));
    expect(xml).not.toContain('thidua-raw-xml');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
  });
});
