// Which cells of an .xlsx were typed in a legacy Vietnamese font (.VnTime → TCVN3, VNI-Times →
// VNI): SheetJS does not keep fonts without expanding every styled cell, so the styles part and
// the sheets are scanned here — and only when styles.xml names such a font at all. Every scan
// is a forward walk with indexOf (no backtracking regex over untrusted XML): linear in the part.
import { fontEncoding } from './legacyCells.js';
import type { LegacyEncoding } from './legacy.js';

/** The attribute string of each `<name …>` (or `<x:name …>`) start tag, in order. */
export function* startTags(xml: string, local: string): Generator<string> {
  for (const [attrs] of startTagsAt(xml, local)) yield attrs;
}

/** As startTags, with where each tag starts. */
function* startTagsAt(xml: string, local: string): Generator<[string, number]> {
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) return;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return; // no tag can close any more
    let nameEnd = lt + 1;
    while (nameEnd < gt && !/[\s/]/.test(xml[nameEnd])) nameEnd++;
    const tag = xml.slice(lt + 1, nameEnd);
    const colon = tag.indexOf(':');
    if ((colon >= 0 ? tag.slice(colon + 1) : tag) === local) yield [xml.slice(nameEnd, gt), lt];
    at = lt + 1 < gt ? gt + 1 : lt + 1;
  }
}

/** One attribute's value from an attribute string (prefixes ignored), entities not decoded. */
export function attr(attrs: string, key: string): string | null {
  let at = 0;
  for (;;) {
    const i = attrs.indexOf(`${key}=`, at);
    if (i < 0) return null;
    const before = attrs[i - 1];
    at = i + key.length + 1;
    if (before !== undefined && before !== ' ' && before !== ':' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    const q = attrs[at];
    if (q !== '"' && q !== "'") return null;
    const end = attrs.indexOf(q, at + 1);
    return end < 0 ? null : attrs.slice(at + 1, end);
  }
}

const section = (xml: string, local: string): string => {
  for (const open of [`<${local}`, `:${local}`]) {
    const i = xml.indexOf(open);
    if (i < 0) continue;
    const j = xml.indexOf(`${local}>`, i + open.length);
    return xml.slice(i, j < 0 ? xml.length : j);
  }
  return '';
};

/** The legacy encoding of each cell style (xf index), or null when no style uses such a font. */
function styleEncodings(styles: string): (LegacyEncoding | null)[] | null {
  // A <font> names its face in a <name val="…"/> inside it; a font may have none.
  const xml = section(styles, 'fonts');
  const starts = [...startTagsAt(xml, 'font')].map(([, at]) => at);
  const fonts: (LegacyEncoding | null)[] = starts.map(() => null);
  let f = 0;
  for (const [n, at] of startTagsAt(xml, 'name')) {
    while (f + 1 < starts.length && starts[f + 1] < at) f++;
    if (starts.length > 0) fonts[f] = fontEncoding(attr(n, 'val') ?? undefined);
  }
  if (!fonts.some((f) => f)) return null;
  const out: (LegacyEncoding | null)[] = [];
  for (const xf of startTags(section(styles, 'cellXfs'), 'xf')) out.push(fonts[Number(attr(xf, 'fontId') ?? 0)] ?? null);
  return out;
}

function decodeRef(ref: string): { r: number; c: number } | null {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + code - 64;
  }
  const r = Number(ref.slice(i));
  return c > 0 && Number.isInteger(r) && r > 0 ? { r, c } : null;
}

/** Sheet name → its part, from workbook.xml and its relationships. */
function sheetParts(parts: Map<string, Buffer>): Map<string, string> {
  const rels = new Map<string, string>();
  for (const rel of startTags(parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '', 'Relationship')) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target') ?? '';
    if (id) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const s of startTags(parts.get('xl/workbook.xml')?.toString('utf8') ?? '', 'sheet')) {
    const name = attr(s, 'name');
    const id = attr(s, 'id');
    const part = id ? rels.get(id) : undefined;
    if (name && part) out.set(name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), part);
  }
  return out;
}

/** For each sheet, the cells whose style has a legacy font; null when the workbook has none. */
export function fontMaps(parts: Map<string, Buffer>, sheetNames: string[]): Map<string, Map<string, LegacyEncoding>> | null {
  const styles = parts.get('xl/styles.xml');
  if (!styles) return null;
  const xfs = styleEncodings(styles.toString('utf8'));
  if (!xfs) return null;
  const byName = sheetParts(parts);
  const out = new Map<string, Map<string, LegacyEncoding>>();
  for (const sheet of sheetNames) {
    const xml = parts.get(byName.get(sheet) ?? '')?.toString('utf8');
    if (!xml) continue;
    const cells = new Map<string, LegacyEncoding>();
    for (const c of startTags(xml, 'c')) {
      const enc = xfs[Number(attr(c, 's') ?? 0)];
      const ref = enc ? decodeRef(attr(c, 'r') ?? '') : null;
      if (enc && ref) cells.set(`${ref.r}:${ref.c}`, enc);
    }
    out.set(sheet, cells);
  }
  return out;
}
