// A string made of plain text followed by rich-text runs (`<si><t>Xã </t><r><t>Phú Tâm</t></r></si>`)
// is valid OOXML, but SheetJS keeps only the first <t> of such a string and drops the runs: "Xã "
// would be read for "Xã Phú Tâm", silently. Before parsing, each such string (shared, or inline
// in a sheet) is rewritten as the one plain <t> it means. One forward walk over the part, no
// regex over the XML: linear in its length.

interface Tag {
  /** the prefix with its colon ("x:"), or "" */
  prefix: string;
  local: string;
  closing: boolean;
  selfClosing: boolean;
  start: number;
  /** index just past '>' */
  stop: number;
}

function* tagsOf(xml: string): Generator<Tag> {
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) return;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    let i = lt + 1;
    const closing = xml[i] === '/';
    if (closing) i++;
    let end = i;
    while (end < gt && xml[end] !== ' ' && xml[end] !== '/' && xml[end] !== '\t' && xml[end] !== '\n' && xml[end] !== '\r') end++;
    const name = xml.slice(i, end);
    const colon = name.indexOf(':');
    yield { prefix: colon >= 0 ? name.slice(0, colon + 1) : '', local: colon >= 0 ? name.slice(colon + 1) : name, closing, selfClosing: xml[gt - 1] === '/', start: lt, stop: gt + 1 };
    at = gt + 1;
  }
}

/** The part with every mixed plain-and-runs string inside `block` elements (si or is) flattened. */
export function flattenMixedRuns(xml: string, block: 'si' | 'is'): string {
  if (!xml.includes('<r>') && !xml.includes('<r ') && !xml.includes(':r>') && !xml.includes(':r ')) return xml;
  const out: string[] = [];
  let copied = 0;
  let open: { start: number; contentStart: number; prefix: string } | null = null;
  let plainFirst = false;
  let runs = false;
  let phonetic = 0;
  let textStart = -1;
  let texts: string[] = [];
  for (const t of tagsOf(xml)) {
    if (!open) {
      if (t.local === block && !t.closing && !t.selfClosing) {
        open = { start: t.start, contentStart: t.stop, prefix: t.prefix };
        plainFirst = false;
        runs = false;
        phonetic = 0;
        texts = [];
      }
      continue;
    }
    if (t.local === 'rPh') phonetic += t.closing ? -1 : t.selfClosing ? 0 : 1;
    else if (t.local === 'r' && !t.closing) {
      runs = true;
    } else if (t.local === 't' && !t.closing && !t.selfClosing) {
      if (!runs && texts.length === 0 && phonetic === 0) plainFirst = true;
      textStart = t.stop;
    } else if (t.local === 't' && t.closing && textStart >= 0) {
      if (phonetic === 0) texts.push(xml.slice(textStart, t.start));
      textStart = -1;
    } else if (t.local === block && t.closing) {
      if (plainFirst && runs) {
        out.push(xml.slice(copied, open.contentStart), `<${open.prefix}t xml:space="preserve">${texts.join('')}</${open.prefix}t>`);
        copied = t.start;
      }
      open = null;
    }
  }
  if (copied === 0) return xml;
  out.push(xml.slice(copied));
  return out.join('');
}
