// What a file is, from its first bytes and never from its name: a zip (an OOXML or OpenDocument
// workbook, or something else), an OLE2 container (.xls, an encrypted workbook, a .doc), a
// BIFF2–4 worksheet, a PDF, an HTML page or an Excel 2003 XML spreadsheet (what web systems
// export under an .xls name), or text to be read as CSV.
import { ole2Kind, type Ole2Kind } from './ole2.js';

export type Sniffed =
  | { kind: 'zip' }
  | { kind: 'ole2'; ole2: Ole2Kind }
  | { kind: 'biff' }
  | { kind: 'pdf' }
  | { kind: 'html' }
  | { kind: 'spreadsheetml' }
  | { kind: 'text' };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** The opening of a text file as lower-case ASCII-ish text: UTF-16 and UTF-8 marks skipped. */
function head(bytes: Buffer): string {
  const sample = bytes.subarray(0, 4096);
  if (sample[0] === 0xff && sample[1] === 0xfe) return sample.subarray(2).toString('utf16le').toLowerCase();
  if (sample[0] === 0xfe && sample[1] === 0xff) return Buffer.from(sample.subarray(2)).swap16().toString('utf16le').toLowerCase();
  return sample.toString('latin1').toLowerCase();
}

/** Markup from the first characters: an XML spreadsheet, or an HTML page. */
function markup(text: string): 'html' | 'spreadsheetml' | null {
  const t = text.replace(/^(\xef\xbb\xbf|\ufeff)/, '').trimStart();
  if (!t.startsWith('<')) return null;
  if (t.startsWith('<?xml') || t.startsWith('<workbook')) {
    if (t.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<(ss:)?workbook[\s>]/.test(t)) return 'spreadsheetml';
    return t.includes('<html') ? 'html' : null;
  }
  return /^<(!doctype html|html|head|body|meta|table|style|title|!--)/.test(t) ? 'html' : null;
}

/** BIFF2–4 worksheets and BIFF5 workbooks saved without an OLE2 wrapper begin with a BOF record. */
function isBareBiff(b: Buffer): boolean {
  return b.length >= 8 && b[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(b[1]) && b[3] === 0x00 && b[2] >= 4 && b[2] <= 16;
}

export function sniff(bytes: Buffer): Sniffed {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, OLE2)) return { kind: 'ole2', ole2: ole2Kind(bytes) };
  if (startsWith(bytes, PDF)) return { kind: 'pdf' };
  if (isBareBiff(bytes)) return { kind: 'biff' };
  const m = markup(head(bytes));
  return m ? { kind: m } : { kind: 'text' };
}
