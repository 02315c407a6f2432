// Cells typed with a legacy font (.VnTime for TCVN3, VNI-Times for VNI) hold the legacy bytes
// as Latin-1 characters: "Th¸i", "Phó Léc". Find them, by their font when it says so and
// otherwise by a column (or a single cell) reading far more like Vietnamese once converted,
// and say which cells were converted so that a commune name still matches the register.
import type { LegacyEncoding } from './legacy.js';
import { legacyScores, mayBeLegacy } from './vietnamese.js';

export interface LegacyFix {
  text: string;
  encoding: LegacyEncoding;
  original: string;
}

interface Candidate {
  key: string;
  col: number;
  original: string;
  font: LegacyEncoding | null;
  scores: ReturnType<typeof legacyScores>;
}

/** The encoding a cell's font name implies: ".VnTime", ".VnArialH" → TCVN3; "VNI-Times" → VNI. */
export function fontEncoding(font: string | undefined): LegacyEncoding | null {
  if (!font) return null;
  if (/^\.?vn[a-z]/i.test(font) && font.startsWith('.')) return 'tcvn3';
  if (/^vni[- ]/i.test(font)) return 'vni';
  return null;
}

/** A text cell that may be legacy bytes, with the encoding its font implies (when known). */
export interface TextCell {
  row: number;
  col: number;
  text: string;
  font: LegacyEncoding | null;
}

function collect(cells: Iterable<TextCell>): Candidate[] {
  const out: Candidate[] = [];
  // A sheet repeats its names (a commune on every day): score each distinct text once.
  const scored = new Map<string, ReturnType<typeof legacyScores> | null>();
  for (const c of cells) {
    let scores = scored.get(c.text);
    if (scores === undefined) scored.set(c.text, (scores = mayBeLegacy(c.text) ? legacyScores(c.text) : null));
    if (scores) out.push({ key: `${c.row}:${c.col}`, col: c.col, original: c.text, font: c.font, scores });
  }
  return out;
}

/**
 * Per column: the legacy encoding its cells read better in, when most of its Latin-1 cells
 * are broken as they stand ("Hoà" alone is good Vietnamese, and VNI for "Hồ": keep it).
 */
function columnVerdicts(cands: Candidate[]): Map<number, LegacyEncoding> {
  const sums = new Map<number, { n: number; broken: number; asIs: number; tcvn3: number; vni: number }>();
  for (const c of cands) {
    const s = sums.get(c.col) ?? { n: 0, broken: 0, asIs: 0, tcvn3: 0, vni: 0 };
    s.n++;
    if (c.scores.asIs.invalid > 0) s.broken++;
    s.asIs += c.scores.asIs.score;
    s.tcvn3 += c.scores.tcvn3.score;
    s.vni += c.scores.vni.score;
    sums.set(c.col, s);
  }
  const out = new Map<number, LegacyEncoding>();
  for (const [col, s] of sums) {
    const enc: LegacyEncoding = s.tcvn3 >= s.vni ? 'tcvn3' : 'vni';
    if (s.broken * 2 >= s.n && s[enc] > s.asIs) out.set(col, enc);
  }
  return out;
}

/** The conversion of one cell, if it is one: by its font, its column's verdict, or its own text. */
function pick(c: Candidate, column: LegacyEncoding | undefined): { encoding: LegacyEncoding; text: string } | null {
  const { asIs } = c.scores;
  const better = (enc: LegacyEncoding) => c.scores[enc].score > asIs.score || (c.scores[enc].score === asIs.score && c.scores[enc].invalid < asIs.invalid);
  // The font decides how the bytes looked on the typist's screen.
  if (c.font && (asIs.invalid > 0 || better(c.font))) return { encoding: c.font, text: c.scores[c.font].text };
  if (column && better(column)) return { encoding: column, text: c.scores[column].text };
  if (asIs.invalid === 0) return null;
  const enc: LegacyEncoding = c.scores.tcvn3.score >= c.scores.vni.score ? 'tcvn3' : 'vni';
  return c.scores[enc].invalid === 0 && c.scores[enc].score > asIs.score ? { encoding: enc, text: c.scores[enc].text } : null;
}

/** Cells to convert, keyed "row:col" (1-based), with the converted text. */
export function legacyFixes(cells: Iterable<TextCell>): Map<string, LegacyFix> {
  const cands = collect(cells);
  const fixes = new Map<string, LegacyFix>();
  if (cands.length === 0) return fixes;
  const columns = columnVerdicts(cands);
  for (const c of cands) {
    const chosen = pick(c, columns.get(c.col));
    if (chosen && chosen.text !== c.original) fixes.set(c.key, { text: chosen.text.normalize('NFC'), encoding: chosen.encoding, original: c.original });
  }
  return fixes;
}
