// A small reader of WordprocessingML for the proposal tests: unzips a packed .docx and splits
// word/document.xml into sections, paragraphs, tables, rows and cells with their plain text.
import JSZip from 'jszip';

export interface XmlCell {
  xml: string;
  text: string;
  span: number;
}

export interface XmlRow {
  xml: string;
  cells: XmlCell[];
  isHeader: boolean;
}

export interface XmlTable {
  xml: string;
  gridCols: number[];
  rows: XmlRow[];
}

export interface XmlSection {
  /** Everything the section holds, from its first block to its w:sectPr. */
  xml: string;
  sectPr: string;
  landscape: boolean;
  /** Texts of the paragraphs outside tables. */
  paragraphs: string[];
  tables: XmlTable[];
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a piece of XML: every w:t joined, paragraphs separated by a newline. */
export function textOf(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .filter((t, i, all) => t !== '' || i < all.length - 1)
    .join('\n')
    .replace(/\n+$/, '');
}

/** Top-level elements named `tag` in `xml` (nesting-aware, so a table inside a table stays inside). */
function topLevel(xml: string, tag: string): { start: number; end: number; xml: string }[] {
  const out: { start: number; end: number; xml: string }[] = [];
  const re = new RegExp(`<${tag}(?=[\\s>/])[^>]*?(/?)>|</${tag}>`, 'g');
  let depth = 0;
  let start = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('</')) {
      depth -= 1;
      if (depth === 0) out.push({ start, end: re.lastIndex, xml: xml.slice(start, re.lastIndex) });
    } else if (m[1] !== '/') {
      if (depth === 0) start = m.index;
      depth += 1;
    }
  }
  return out;
}

function parseTable(xml: string): XmlTable {
  const gridCols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const inner = xml.slice(xml.indexOf('>') + 1, xml.lastIndexOf('</w:tbl>'));
  const rows = topLevel(inner, 'w:tr').map((r) => ({
    xml: r.xml,
    isHeader: /<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader(?:\s+w:val="(?:true|1|on)")?\s*\/>/s.test(r.xml),
    cells: topLevel(r.xml, 'w:tc').map((c) => ({
      xml: c.xml,
      text: textOf(c.xml),
      span: Number(/<w:gridSpan w:val="(\d+)"/.exec(c.xml)?.[1] ?? 1),
    })),
  }));
  return { xml, gridCols, rows };
}

function parseSection(xml: string, sectPr: string): XmlSection {
  const tables = topLevel(xml, 'w:tbl');
  let outside = xml;
  for (const t of [...tables].reverse()) outside = outside.slice(0, t.start) + outside.slice(t.end);
  return {
    xml,
    sectPr,
    landscape: /<w:pgSz[^>]*w:orient="landscape"/.test(sectPr),
    paragraphs: topLevel(outside, 'w:p').map((p) => textOf(p.xml)),
    tables: tables.map((t) => parseTable(t.xml)),
  };
}

/** document.xml split at each w:sectPr (a section's properties close it). */
export function sectionsOf(documentXml: string): XmlSection[] {
  const bodyXml = documentXml.slice(documentXml.indexOf('<w:body>') + 8, documentXml.lastIndexOf('</w:body>'));
  const sections: XmlSection[] = [];
  const re = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/g;
  let from = 0;
  for (let m = re.exec(bodyXml); m; m = re.exec(bodyXml)) {
    // A section that is not the last one ends with the paragraph holding its sectPr.
    const close = bodyXml.indexOf('</w:p>', re.lastIndex);
    const end = close >= 0 && bodyXml.slice(re.lastIndex, close).trim().startsWith('</w:pPr>') ? close + 6 : re.lastIndex;
    sections.push(parseSection(bodyXml.slice(from, m.index) + bodyXml.slice(re.lastIndex, end), m[0]));
    from = end;
    re.lastIndex = end;
  }
  return sections;
}

export async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}
