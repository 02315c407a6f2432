// Deterministic packing of a docx Document: the same document gives the same bytes, so a
// report's hash can be recorded. docx's Packer stamps the clock time into
// docProps/core.xml and the zip entries, and draws random relationship ids; we rewrite those.

import { Packer, type Document } from 'docx';
import { zipFiles, type ZipEntry } from '../write/zip.js';
import { fillRawTables } from './rawTable.js';
import { stripUnsafe } from '../core/safeText.js';

export interface PackOptions {
  /**
   * Creation and modification time written into docProps/core.xml. Without it the two
   * timestamps are left out, so no clock time is inside the file.
   */
  timestamp?: Date;
}

/** Pack a document into .docx bytes that depend only on its content (and `timestamp`). */
export async function packDocument(doc: Document, options: PackOptions = {}): Promise<Buffer> {
  const files = packageFiles(doc);
  const names = [...files.keys()].sort();
  const texts = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) texts.set(name, utf8(files.get(name)!).toString('utf8'));
  const renamed = stableRelationshipIds(texts);
  const renumber = docPrRenumberer();
  const entries: ZipEntry[] = names.map((name) => {
    const text = renamed.get(name);
    return { name, data: text === undefined ? new Uint8Array(utf8(files.get(name)!)) : Buffer.from(normalizePart(name, text, options, renumber), 'utf8') };
  });
  // node's zlib (native) rather than a JavaScript deflate; entries dated 1980-01-01 (zipFiles)
  return zipFiles(entries, 6);
}

type PartData = string | Uint8Array | ArrayBuffer;

/**
 * The package's parts by path, as docx's Packer would zip them. Packer.toBuffer deflates them
 * only for us to inflate them again to rewrite ids and dates; its compiler gives them directly.
 * It is a private static of Packer, hence the cast.
 */
function packageFiles(doc: Document): Map<string, PartData> {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document, prettify: undefined, overrides: never[]): Map<string, PartData> } }).compiler;
  if (!compiler) throw new Error('docx: Packer.compiler is missing; this docx version is not supported');
  return compiler.compile(doc, undefined, []);
}

/** A part's bytes as docx would zip them (strings as UTF-8). */
function utf8(data: PartData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

/** Per-part fixes; parts are visited in name order, so drawing ids come out the same. */
function normalizePart(name: string, xml: string, options: PackOptions, renumber: (xml: string) => string): string {
  if (name === 'docProps/core.xml') return fixCoreTimes(xml, options.timestamp);
  // text from files: no control characters (invalid XML) and no bidi overrides reach the document
  if (name === 'word/document.xml') return renumber(stripUnsafe(fillRawTables(xml)));
  if (name.startsWith('word/') && name.endsWith('.xml')) return renumber(stripUnsafe(xml));
  return xml;
}

function fixCoreTimes(xml: string, timestamp: Date | undefined): string {
  const pattern = /<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g;
  if (timestamp === undefined) return xml.replace(pattern, '');
  const iso = timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(pattern, (_m, tag: string) => `<dcterms:${tag} xsi:type="dcterms:W3CDTF">${iso}</dcterms:${tag}>`);
}

/**
 * Number the <wp:docPr id> of drawings 1, 2, 3 … across the package (ids must be unique in
 * the whole document), instead of docx's counter shared by every document in the process.
 */
function docPrRenumberer(): (xml: string) => string {
  let next = 0;
  return (xml) => xml.replace(/(<wp:docPr\b[^>]*?\bid=")\d+(")/g, (_m, a: string, b: string) => `${a}${++next}${b}`);
}

/**
 * Relationship ids drawn at random (header, footer, numbering parts, hyperlinks) are
 * renamed rIdN in the order their relationships appear, and every reference to them in the
 * part that owns the relationships is renamed too.
 */
function stableRelationshipIds(texts: Map<string, string>): Map<string, string> {
  const out = new Map(texts);
  for (const [relsName, rels] of texts) {
    const m = /^(.*)_rels\/([^/]+)\.rels$/.exec(relsName);
    if (!m) continue;
    const owner = `${m[1]}${m[2]}`;
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((x) => x[1]);
    const random = ids.filter((id) => !/^rId\d+$/.test(id));
    if (random.length === 0) continue;
    const taken = new Set(ids);
    const rename = new Map<string, string>();
    let n = 0;
    for (const id of random) {
      let fresh: string;
      do fresh = `rIdX${++n}`;
      while (taken.has(fresh));
      rename.set(id, fresh);
    }
    const swap = (xml: string) =>
      xml.replace(/(\b(?:Id|r:id|r:embed|r:link|r:pict)=")([^"]+)(")/g, (all, a: string, id: string, b: string) =>
        rename.has(id) ? `${a}${rename.get(id)}${b}` : all,
      );
    out.set(relsName, swap(rels));
    const ownerXml = out.get(owner);
    if (ownerXml !== undefined) out.set(owner, swap(ownerXml));
  }
  return out;
}
