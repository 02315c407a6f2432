// Which encoding a text file is in, from all of its bytes: byte-order marks, UTF-16 without
// one, then a contest between UTF-8, Windows-1258, TCVN3 and VNI decided by how Vietnamese
// each decoding looks (sampled over the whole file). Stray NUL bytes are removed and their
// lines remembered; a file full of control bytes is not text at all.
import { isUtf8 } from 'node:buffer';
import { unreadableError } from '../core/errors.js';
import { decodeLegacy } from './legacy.js';
import { mayBeLegacy, readingOf, sampleText, vietnameseScore } from './vietnamese.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** 1-based lines that held NUL bytes (removed) */
  nulLines: number[];
  /** UTF-8 text with a few bytes that are not UTF-8: their 1-based lines (each byte became U+FFFD) */
  strayLines?: { line: number; bytes: number[] }[];
}

/** Valid multi-byte sequences and invalid bytes of a UTF-8 reading, with the lines of the latter. */
function utf8Faults(b: Buffer): { valid: number; invalid: number; lines: { line: number; bytes: number[] }[] } {
  let valid = 0;
  let invalid = 0;
  let line = 1;
  const lines: { line: number; bytes: number[] }[] = [];
  const bad = (x: number) => {
    invalid++;
    const last = lines.at(-1);
    if (last?.line === line) {
      if (last.bytes.length < 4) last.bytes.push(x);
    } else if (lines.length < 1000) lines.push({ line, bytes: [x] });
  };
  const cont = (i: number) => i < b.length && (b[i] & 0xc0) === 0x80;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x < 0x80) {
      if (x === 0x0a) line++;
      continue;
    }
    const n = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) ok = cont(i + k);
    if (ok) {
      valid++;
      i += n;
    } else bad(x);
  }
  return { valid, invalid, lines };
}

/**
 * Mostly UTF-8 with a few stray bytes (an en dash typed in a Windows-1252 editor, a truncated
 * character): at least one valid multi-byte sequence and at most one invalid byte for every ten.
 * Legacy 8-bit text pairs its high bytes into valid sequences only by chance, far less often.
 */
const mostlyUtf8 = (f: { valid: number; invalid: number }) => f.valid > 0 && f.invalid * 10 <= f.valid;

function decodeStrict(bytes: Buffer, label: string): string | null {
  if (label === 'utf-8') {
    // What a fatal TextDecoder gives, faster: Node's UTF-8 check, then the decoder's BOM removal.
    if (!isUtf8(bytes)) return null;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of NUL bytes at even/odd offsets: UTF-16 without a BOM shows one side full of them. */
function utf16Guess(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (odd > n / 4 && even < n / 50) return 'utf-16le';
  if (even > n / 4 && odd < n / 50) return 'utf-16be';
  return null;
}

const isControl = (b: number) => b < 0x09 || b === 0x0b || b === 0x0c || (b > 0x0d && b < 0x20 && b !== 0x1a);

/** Removes NUL bytes (noting their lines); refuses bytes that are mostly not text. */
function stripNuls(bytes: Buffer, name: string): { bytes: Buffer; nulLines: number[] } {
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) nuls++;
    else if (isControl(b)) controls++;
  }
  // Text has next to no control bytes; binary data (pictures, PDF, random bytes) has many.
  if ((controls + nuls) > Math.max(2, bytes.length / 200) || (nuls > 0 && controls > nuls)) {
    throw unreadableError(`Tệp ${name} không phải bảng tính hay văn bản CSV (có byte nhị phân): hãy xin đơn vị gửi lại đúng tệp Excel hoặc CSV.`, `${name} is neither a spreadsheet nor CSV text (it holds binary bytes): ask the district for the actual Excel or CSV file.`);
  }
  if (nuls === 0) return { bytes, nulLines: [] };
  const out = Buffer.allocUnsafe(bytes.length - nuls);
  const nulLines: number[] = [];
  let line = 1;
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (b === 0) {
      if (nulLines.at(-1) !== line) nulLines.push(line);
    } else out[o++] = b;
  }
  return { bytes: out, nulLines };
}

/** The best of the 8-bit decodings by Vietnamese score; ties keep the earlier (Windows-1258 first). */
function contest(candidates: { encoding: TextEncoding; decode: (s: Buffer) => string }[], bytes: Buffer): { encoding: TextEncoding; text: string } {
  const sample = Buffer.from(sampleText(bytes.toString('latin1')), 'latin1');
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = vietnameseScore(c.decode(sample));
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return { encoding: best.encoding, text: best.decode(bytes) };
}

const cp1258 = (b: Buffer) => new TextDecoder('windows-1258').decode(b).normalize('NFC');
const tcvn3 = (b: Buffer) => decodeLegacy(b.toString('latin1'), 'tcvn3');
const vni = (b: Buffer) => decodeLegacy(b.toString('latin1'), 'vni');

export function decodeText(raw: Buffer, name: string): DecodedText {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return { text: raw.subarray(3).toString('utf8'), encoding: 'utf-8-bom', nulLines: [] };
  if (raw[0] === 0xff && raw[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(raw.subarray(2)), encoding: 'utf-16le', nulLines: [] };
  if (raw[0] === 0xfe && raw[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(raw.subarray(2)), encoding: 'utf-16be', nulLines: [] };
  const u16 = utf16Guess(raw);
  if (u16) return { text: new TextDecoder(u16).decode(raw), encoding: u16, nulLines: [] };
  const { bytes, nulLines } = stripNuls(raw, name);
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) {
    // UTF-8 holding only Latin-1 letters may be a legacy-font sheet saved as "CSV UTF-8".
    if (mayBeLegacy(utf8) && readingOf(sampleText(utf8)).invalid > 0) {
      const asLatin1 = Buffer.from(utf8, 'latin1');
      const won = contest([{ encoding: 'utf-8', decode: (b) => b.toString('latin1') }, { encoding: 'tcvn3', decode: tcvn3 }, { encoding: 'vni', decode: vni }], asLatin1);
      if (won.encoding !== 'utf-8') return { ...won, nulLines };
    }
    return { text: utf8, encoding: 'utf-8', nulLines };
  }
  const faults = utf8Faults(bytes);
  if (mostlyUtf8(faults)) return { text: bytes.toString('utf8'), encoding: 'utf-8', nulLines, strayLines: faults.lines };
  return { ...contest([{ encoding: 'windows-1258', decode: cp1258 }, { encoding: 'tcvn3', decode: tcvn3 }, { encoding: 'vni', decode: vni }], bytes), nulLines };
}

/** What to tell the user about the encoding found, when it is one they should know about. */
export function encodingNote(encoding: TextEncoding, name: string): { vi: string; en: string } | null {
  const label = { 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI-Windows (phông VNI-Times)' } as Partial<Record<TextEncoding, string>>;
  const l = label[encoding];
  if (!l) return null;
  return { vi: `Tệp ${name} gõ bằng bảng mã ${l}; đã chuyển sang Unicode.`, en: `${name} is in the ${l.replace('phông', 'font')} encoding; converted to Unicode.` };
}
