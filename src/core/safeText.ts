// Text from files (cells, sheet names, file names) shown to a person: control characters and
// bidirectional overrides are neutralised, so a cell cannot clear the terminal, move the cursor,
// print a fake "HỢP LỆ" in colour, or reverse the text around it in a document.

/** C0 and C1 controls (tab and line feed aside), DEL, and the bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A control character becomes its visible picture (ESC → ␛), so the reader sees that something
 * odd was there; a bidi control is dropped (it has no picture and only reorders what follows).
 */
export function neutralize(s: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x20) return String.fromCharCode(0x2400 + c);
    if (c === 0x7f) return '\u2421';
    if (c <= 0x9f) return '\ufffd';
    return '';
  });
}

/** Controls and bidi characters removed outright, for document XML (XML 1.0 forbids most controls). */
export function stripUnsafe(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, (ch) => (ch === '\r' ? ch : '')) : s;
}

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Terminal output: everything neutralised but the colour codes the painter itself added (kept
 * only when colour is on). Text from files was neutralised before it was painted, so an
 * escape sequence surviving here is the painter's.
 */
export function terminalSafe(output: string, colour: boolean): string {
  if (!colour) return neutralize(output);
  let out = '';
  let last = 0;
  for (const m of output.matchAll(SGR)) {
    out += neutralize(output.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + neutralize(output.slice(last));
}

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON for a terminal or a file: the values stay exact, bidi controls written as \u escapes. */
export function jsonSafe(json: string): string {
  return json.replace(BIDI, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
