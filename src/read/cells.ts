// Reading one cell's meaning: text, dates (Excel dates, serials, d/m/yyyy…), numbers written the
// Vietnamese way ("1.500.000", "1,5"). Pure functions; the caller turns failures into issues.
import type { CellValue, IsoDate } from '../core/types.js';
import { cleanText } from '../core/normalize.js';

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function isErrorCell(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** A cell as one line of NFC text (dates as dd/mm/yyyy). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDmy(toIso(v));
  return v.error;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Excel keeps dates as wall-clock values; exceljs hands them over as UTC midnight. */
function toIso(d: Date): IsoDate {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDmy(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function validYmd(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 29/2/1900. */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  return toIso(new Date(ms));
}

const DMY = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const WORDY = /^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/i;

/** A date cell in any of the forms offices type, or null. */
export function parseDate(v: CellValue): IsoDate | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : toIso(v);
  if (typeof v === 'number') return serialToIso(v);
  if (typeof v !== 'string') return null;
  const s = cleanText(v);
  let m = s.match(DMY);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return validYmd(y, Number(m[2]), Number(m[1]));
  }
  m = s.match(YMD);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = s.normalize('NFC').match(WORDY);
  if (m) return validYmd(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{5}(\.0+)?$/.test(s)) return serialToIso(Number(s));
  return null;
}

/**
 * A number as Vietnamese offices write it: "." groups thousands and "," marks decimals
 * ("1.500.000", "1,5"); "1,500,000" (Excel in English) is accepted too. Units after the
 * number ("1.500.000 đồng") are ignored. Returns null when it is not a number.
 */
export function parseNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = cleanText(v).replace(/\s*(đồng|đ|vnđ|vnd|người|suất|tin, bài|tin bài|bài|lượt|ca)\.?$/i, '').replace(/\s/g, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const neg = s.startsWith('-');
  s = s.replace(/^[+-]/, '');
  let n: number;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) n = Number(s.replace(/,/g, ''));
  else if (/^\d+(,\d+)?$/.test(s)) n = Number(s.replace(',', '.'));
  else if (/^\d+(\.\d+)?$/.test(s)) n = Number(s);
  else return null;
  return neg ? -n : n;
}

/** Spreadsheet column letter for a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
