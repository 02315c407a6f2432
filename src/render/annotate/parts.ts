// The small parts of a workbook package that an annotated copy touches: the workbook's sheet
// list, relationships, content types, the style sheet (new fills and cloned cell formats,
// appended so no existing index moves), and the comments with their VML drawing. Every scan
// is by indexOf, linear in the part's length.
import { columnLetters } from './sheetEdit.js';

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))));

/** Every start tag `<prefix:local …>` in `xml`, with its position. */
export function tags(xml: string, qname: string): { tag: string; at: number; end: number }[] {
  const out: { tag: string; at: number; end: number }[] = [];
  let i = 0;
  for (;;) {
    const at = xml.indexOf(`<${qname}`, i);
    if (at < 0) return out;
    const next = xml[at + qname.length + 1];
    const end = xml.indexOf('>', at);
    if (end < 0) return out;
    if (next === ' ' || next === '>' || next === '/' || next === '\n' || next === '\t' || next === '\r') out.push({ tag: xml.slice(at, end + 1), at, end: end + 1 });
    i = end + 1;
  }
}

export function attrOf(tag: string, name: string): string | null {
  for (const sep of [' ', '\n', '\t', '\r']) {
    const at = tag.indexOf(`${sep}${name}="`);
    if (at < 0) continue;
    const start = at + name.length + 2 + sep.length - 1 + 1;
    const end = tag.indexOf('"', start);
    return end < 0 ? null : tag.slice(start, end);
  }
  return null;
}

/** The workbook's sheets in tab order: name, relationship id, visibility. */
export interface SheetRef {
  name: string;
  rid: string;
  hidden: boolean;
  path: string;
}

/** "worksheets/sheet1.xml" relative to xl/ → "xl/worksheets/sheet1.xml". */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  return tags(xml, 'Relationship').map(({ tag }) => ({ id: attrOf(tag, 'Id') ?? '', type: attrOf(tag, 'Type') ?? '', target: unescapeXml(attrOf(tag, 'Target') ?? '') }));
}

/** A relationship id not yet used in the part. */
export function freshRid(rels: Relationship[], hint = 'rIdThidua'): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = 1; ; n++) if (!used.has(`${hint}${n}`)) return `${hint}${n}`;
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function addRelationships(xml: string | null, add: Relationship[]): string {
  const lines = add.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('');
  if (!xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${lines}</Relationships>`;
  const close = xml.lastIndexOf('</Relationships>');
  if (close < 0) return xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${lines}</Relationships>`);
  return xml.slice(0, close) + lines + xml.slice(close);
}

export function addContentTypes(xml: string, defaults: [string, string][], overrides: [string, string][]): string {
  const have = new Set(tags(xml, 'Default').map(({ tag }) => (attrOf(tag, 'Extension') ?? '').toLowerCase()));
  const haveParts = new Set(tags(xml, 'Override').map(({ tag }) => attrOf(tag, 'PartName') ?? ''));
  const lines = [
    ...defaults.filter(([ext]) => !have.has(ext)).map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`),
    ...overrides.filter(([part]) => !haveParts.has(part)).map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
  ].join('');
  const close = xml.lastIndexOf('</Types>');
  return xml.slice(0, close) + lines + xml.slice(close);
}

/** The children of `<qname …>…</qname>` split into elements (no nesting of the same name assumed). */
function block(xml: string, qname: string): { open: { tag: string; at: number; end: number }; close: number } | null {
  const open = tags(xml, qname)[0];
  if (!open) return null;
  if (open.tag.endsWith('/>')) return { open, close: -1 };
  const close = xml.indexOf(`</${qname}>`, open.end);
  return close < 0 ? null : { open, close };
}

function elements(body: string, qname: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const at = body.indexOf(`<${qname}`, i);
    if (at < 0) return out;
    const gt = body.indexOf('>', at);
    if (gt < 0) return out;
    if (body[gt - 1] === '/') {
      out.push(body.slice(at, gt + 1));
      i = gt + 1;
      continue;
    }
    const close = body.indexOf(`</${qname}>`, gt);
    if (close < 0) return out;
    out.push(body.slice(at, close + qname.length + 3));
    i = close + qname.length + 3;
  }
}

/** Adds `items` to the list element `<qname count="n">`, returning the new text and the first new index. */
function appendToList(xml: string, qname: string, child: string, items: string[]): { xml: string; first: number } {
  const b = block(xml, qname);
  if (!b) throw new Error(`no ${qname}`);
  const existing = b.close < 0 ? 0 : elements(xml.slice(b.open.end, b.close), child).length;
  const openTag = b.open.tag.endsWith('/>') ? b.open.tag.slice(0, -2) + '>' : b.open.tag;
  const counted = attrOf(openTag, 'count') !== null ? openTag.replace(`count="${attrOf(openTag, 'count')}"`, `count="${existing + items.length}"`) : openTag;
  const body = b.close < 0 ? '' : xml.slice(b.open.end, b.close);
  const after = b.close < 0 ? xml.slice(b.open.end) : xml.slice(b.close + qname.length + 3);
  return { xml: `${xml.slice(0, b.open.at)}${counted}${body}${items.join('')}</${qname}>${after}`, first: existing };
}

/** A style sheet for a package that has none (a CSV's copy, a bare workbook): Excel's own default look. */
export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The style sheet being extended: fills by colour, and cell formats cloned with a fill. */
export class StyleEditor {
  private fills: string[] = [];
  private fillIds = new Map<string, number>();
  private clones: string[] = [];
  private cloneIds = new Map<string, number>();
  private readonly xfs: string[];
  private readonly firstFill: number;
  private readonly firstXf: number;
  private extraFonts: string[] = [];
  private readonly firstFont: number;

  constructor(private readonly xml: string, private readonly p: string) {
    const xfBlock = block(xml, `${p}cellXfs`);
    this.xfs = xfBlock && xfBlock.close >= 0 ? elements(xml.slice(xfBlock.open.end, xfBlock.close), `${p}xf`) : [];
    const fillBlock = block(xml, `${p}fills`);
    this.firstFill = fillBlock && fillBlock.close >= 0 ? elements(xml.slice(fillBlock.open.end, fillBlock.close), `${p}fill`).length : 0;
    const fontBlock = block(xml, `${p}fonts`);
    this.firstFont = fontBlock && fontBlock.close >= 0 ? elements(xml.slice(fontBlock.open.end, fontBlock.close), `${p}font`).length : 0;
    this.firstXf = this.xfs.length;
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      id = this.firstFill + this.fills.length;
      this.fills.push(`<${this.p}fill><${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="${argb}"/><${this.p}bgColor indexed="64"/></${this.p}patternFill></${this.p}fill>`);
      this.fillIds.set(argb, id);
    }
    return id;
  }

  /** The index of a cell format equal to `original` but filled with `argb`. */
  filled(original: number, argb: string): number {
    const key = `${original}|${argb}`;
    let id = this.cloneIds.get(key);
    if (id !== undefined) return id;
    const base = this.xfs[original] ?? this.xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = base.slice(0, base.indexOf('>') + 1);
    let tag = open.replace(/ fillId="\d+"/, '');
    tag = tag.replace(/ applyFill="[^"]*"/, '');
    tag = tag.replace(`<${this.p}xf`, `<${this.p}xf fillId="${this.fillId(argb)}" applyFill="1"`);
    id = this.firstXf + this.clones.length;
    this.clones.push(tag + base.slice(open.length));
    this.cloneIds.set(key, id);
    return id;
  }

  /** A new cell format of its own (for the "Lỗi" sheet): font bold or not, a fill or none, wrapped. */
  own(bold: boolean, argb: string | null, wrap: boolean): number {
    const key = `own|${bold}|${argb}|${wrap}`;
    let id = this.cloneIds.get(key);
    if (id !== undefined) return id;
    const fontKey = bold ? 1 : 0;
    if (this.extraFonts.length === 0) {
      this.extraFonts.push(`<${this.p}font><${this.p}sz val="11"/><${this.p}name val="Times New Roman"/></${this.p}font>`, `<${this.p}font><${this.p}b/><${this.p}sz val="11"/><${this.p}name val="Times New Roman"/></${this.p}font>`);
    }
    const fill = argb ? this.fillId(argb) : 0;
    const align = `<${this.p}alignment vertical="top"${wrap ? ' wrapText="1"' : ''}/>`;
    id = this.firstXf + this.clones.length;
    this.clones.push(`<${this.p}xf numFmtId="49" fontId="${this.firstFont + fontKey}" fillId="${fill}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"${argb ? ' applyFill="1"' : ''} applyAlignment="1">${align}</${this.p}xf>`);
    this.cloneIds.set(key, id);
    return id;
  }

  result(): string {
    let xml = this.xml;
    if (this.extraFonts.length > 0) xml = appendToList(xml, `${this.p}fonts`, `${this.p}font`, this.extraFonts).xml;
    if (this.fills.length > 0) xml = appendToList(xml, `${this.p}fills`, `${this.p}fill`, this.fills).xml;
    if (this.clones.length > 0) xml = appendToList(xml, `${this.p}cellXfs`, `${this.p}xf`, this.clones).xml;
    return xml;
  }
}

export interface Note {
  row: number;
  col: number;
  text: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const commentXml = (n: Note, author: number) =>
  `<comment ref="${columnLetters(n.col)}${n.row}" authorId="${author}"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`;

export function commentsPart(notes: Note[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>thidua</author></authors><commentList>${notes.map((n) => commentXml(n, 0)).join('')}</commentList></comments>`;
}

/** Adds notes to an existing comments part; a cell that already has a comment gets ours first in it. */
export function extendComments(xml: string, notes: Note[]): { xml: string; added: Note[] } {
  const existing = new Set(tags(xml, 'comment').map(({ tag }) => attrOf(tag, 'ref') ?? ''));
  const authors = elements(xml.slice(xml.indexOf('<authors'), xml.indexOf('</authors>') + 10), 'author').length;
  let out = xml.replace('</authors>', '<author>thidua</author></authors>');
  const added: Note[] = [];
  for (const n of notes) {
    const ref = `${columnLetters(n.col)}${n.row}`;
    if (existing.has(ref)) {
      const at = out.indexOf(`<comment ref="${ref}"`);
      const text = out.indexOf('<text>', at);
      if (at >= 0 && text >= 0) out = `${out.slice(0, text + 6)}<r><t xml:space="preserve">${escapeXml(n.text)}\n</t></r>${out.slice(text + 6)}`;
      continue;
    }
    added.push(n);
  }
  out = out.replace('</commentList>', `${added.map((n) => commentXml(n, authors)).join('')}</commentList>`);
  return { xml: out, added };
}

/** A hidden note's shape, as Excel (and exceljs) write it; LibreOffice reads the same. */
function vmlShape(n: Note, id: number): string {
  const r = n.row - 1;
  const c = n.col - 1;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:160pt;height:80pt;z-index:${id % 1024};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 2, ${c + 4}, 15, ${r + 4}, 16</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`;
}

export function vmlPart(notes: Note[], firstId: number, blocks = 1): string {
  const first = Math.floor(firstId / 1024);
  const data = Array.from({ length: blocks }, (_, i) => first + i).join(',');
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${notes.map((n, i) => vmlShape(n, firstId + i)).join('')}</xml>`;
}

export function extendVml(xml: string, notes: Note[], firstId: number): string {
  const close = xml.lastIndexOf('</xml>');
  const shapes = notes.map((n, i) => vmlShape(n, firstId + i)).join('');
  const type = xml.includes('_x0000_t202') ? '' : `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;
  return close < 0 ? xml : xml.slice(0, close) + type + shapes + xml.slice(close);
}
