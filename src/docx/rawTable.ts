// Long data tables as WordprocessingML text instead of docx objects: a country's appendix is
// thousands of rows, and docx builds ~10 objects per cell and walks them all again to write
// them. rawDataTable writes the very XML dataTable's Table gives (the test compares them), and
// hands the document a placeholder paragraph that packDocument swaps for the table.
import { Paragraph, TextRun } from 'docx';
import { fitWidths, spec, type CellAlign, type CellContext, type DataCell, type DataColumn, type DataTableOptions } from './dataTable.js';
import { STYLE } from './layout.js';

const JC: Record<CellAlign, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

// What the XML writer behind docx escapes; characters XML forbids are dropped (docx would
// write them through and break the file).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const BAD_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const escapeXml = (s: string): string => s.replace(BAD_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const LINE = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${LINE}/>`).join('');
const CELL_MARGINS = '<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="70"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="70"/></w:tblCellMar>';

function flag(tag: string, value: boolean | undefined): string {
  if (value === undefined) return '';
  return value ? `<w:${tag}/><w:${tag}Cs/>` : `<w:${tag} w:val="false"/><w:${tag}Cs w:val="false"/>`;
}

function cellXml(value: DataCell, ctx: CellContext): string {
  const s = spec(value);
  const tcPr = [
    `<w:tcW w:type="dxa" w:w="${ctx.width}"/>`,
    s.span && s.span > 1 ? `<w:gridSpan w:val="${s.span}"/>` : '',
    s.fill ? `<w:shd w:fill="${s.fill}" w:color="auto" w:val="clear"/>` : '',
    '<w:vAlign w:val="center"/>',
  ].join('');
  const keepNext = s.keepNext ? true : ctx.keepNext;
  const keep = keepNext === undefined ? '' : keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  const pPr = `<w:pPr><w:pStyle w:val="${ctx.style}"/>${keep}<w:jc w:val="${JC[s.align ?? ctx.align]}"/></w:pPr>`;
  const rPrInner = `${flag('b', s.bold ?? ctx.bold)}${flag('i', s.italic)}${s.color ? `<w:color w:val="${s.color}"/>` : ''}`;
  const rPr = rPrInner ? `<w:rPr>${rPrInner}</w:rPr>` : '';
  const paragraphs = s.text
    .split('\n')
    .map((line) => `<w:p>${pPr}${line === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`}</w:p>`)
    .join('');
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paragraphs}</w:tc>`;
}

function rowXml(values: DataCell[], columns: DataColumn[], widths: number[], style: string, trPr: string, bold?: boolean, keepNext?: boolean): string {
  const out: string[] = [`<w:tr><w:trPr>${trPr}</w:trPr>`];
  let col = 0;
  for (const value of values) {
    if (col >= columns.length) break;
    const span = Math.min(spec(value).span ?? 1, columns.length - col);
    let width = 0;
    for (let k = col; k < col + span; k++) width += widths[k];
    out.push(cellXml(value, { width, align: columns[col].align ?? 'left', style, bold, keepNext }));
    col += span;
  }
  for (; col < columns.length; col++) out.push(cellXml('', { width: widths[col], align: 'left', style }));
  out.push('</w:tr>');
  return out.join('');
}

/** The <w:tbl> element dataTable(options) would give, as text. */
export function dataTableXml(options: DataTableOptions): string {
  const { columns } = options;
  if (columns.length === 0) throw new Error('A table needs at least one column');
  const raw = columns.map((c) => c.width);
  const widths = options.fitTo === undefined ? raw : fitWidths(raw, options.fitTo);
  const total = widths.reduce((a, b) => a + b, 0);
  const repeat = options.headerRepeat ?? true;
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${TABLE_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    rowXml(
      columns.map((c) => ({ text: c.header, fill: options.headerFill, align: 'center' as const })),
      columns.map((c) => ({ ...c, align: 'center' as const })),
      widths,
      STYLE.tableHeader,
      `<w:cantSplit/>${repeat ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}`,
    ),
  ];
  const last = options.rows.length - (options.totalRow ? 0 : 1);
  options.rows.forEach((values, i) => out.push(rowXml(values, columns, widths, STYLE.tableText, '<w:cantSplit/>', undefined, (options.keepTogether && i < last) || options.keepWithNext?.(i))));
  if (options.totalRow) out.push(rowXml(options.totalRow, columns, widths, STYLE.tableText, '<w:cantSplit/>', true));
  out.push('</w:tbl>');
  return out.join('');
}

// Tables waiting for packDocument, by the id their placeholder carries. An entry is removed
// when a document holding it is packed.
const pending = new Map<string, string>();
let nextId = 0;

const MARK = (id: string) => `\u2063thidua-raw-xml:${id}\u2063`;
const PLACEHOLDER = /<w:p><w:r><w:t xml:space="preserve">\u2063thidua-raw-xml:(\d+)\u2063<\/w:t><\/w:r><\/w:p>/g;

/** A paragraph that stands for the table until packDocument writes the table in its place. */
export function rawDataTable(options: DataTableOptions): Paragraph {
  const id = String(++nextId);
  pending.set(id, dataTableXml(options));
  return new Paragraph({ children: [new TextRun(MARK(id))] });
}

/** document.xml with every placeholder replaced by its table. */
export function fillRawTables(xml: string): string {
  if (pending.size === 0) return xml;
  return xml.replace(PLACEHOLDER, (all, id: string) => {
    const table = pending.get(id);
    if (table === undefined) return all;
    pending.delete(id);
    return table;
  });
}
