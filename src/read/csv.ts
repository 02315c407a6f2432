// Delimited text (CSV, TSV, Excel's "Unicode text"): detect the encoding from the bytes and the
// delimiter from the first lines, then stream records through csv-parse.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { RawRow, SourceFile } from './source.js';
import { unreadableError } from '../core/errors.js';
import { basename } from 'node:path';

interface Decoded {
  text: string;
  encoding: string;
}

function decodeStrict(bytes: Buffer, label: string): string | null {
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

export function decodeText(bytes: Buffer, name: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const u16 = utf16Guess(bytes);
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  if (bytes.includes(0)) {
    throw unreadableError(`Tệp ${name} không phải bảng tính hay văn bản CSV (có byte nhị phân).`, `${name} is neither a spreadsheet nor CSV text (it holds binary bytes).`);
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1258').decode(bytes), encoding: 'windows-1258' };
}

/** The delimiter that splits the first lines most consistently (quotes respected roughly). */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = 0;
  for (const d of ['\t', ';', ',']) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const max = Math.max(0, ...counts);
    // Lines of a table share a count; title lines above it have none.
    const score = max === 0 ? 0 : counts.filter((c) => c === max).length * max;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

async function* records(text: string, delimiter: string, name: string): AsyncGenerator<RawRow> {
  const parser = Readable.from([text]).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }),
  );
  let row = 0;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: rec.map((c) => (c === '' ? null : c.normalize('NFC'))) };
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw unreadableError(
      `Tệp ${name}: lỗi cấu trúc CSV gần dòng ${err.lines ?? row + 1} (${err.message}). Hãy mở bằng Excel và lưu lại.`,
      `${name}: broken CSV near line ${err.lines ?? row + 1} (${err.message}). Open it in Excel and save it again.`,
    );
  }
}

export function readDelimited(bytes: Buffer, base: Omit<SourceFile, 'encoding' | 'delimiter' | 'sheets' | 'hiddenSheets'>): SourceFile {
  const name = basename(base.path);
  const { text, encoding } = decodeText(bytes, name);
  const delimiter = sniffDelimiter(text);
  return {
    ...base,
    encoding,
    delimiter,
    hiddenSheets: [],
    sheets: [{ name: name.replace(/\.[^.]+$/, ''), rows: records(text, delimiter, name) }],
  };
}
