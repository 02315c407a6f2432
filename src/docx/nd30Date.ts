// Dates as Nghị định 30/2020/NĐ-CP writes them: "ngày 05 tháng 02 năm 2021", with a
// leading zero only for days 1–9 and for months 1 and 2 (Phụ lục I, địa danh và thời gian).

import type { IsoDate } from '../core/types.js';

/** Blank left for the clerk to fill by hand: a day, a month, a document number. */
export const BLANK = '      ';

interface DateParts {
  day: string;
  month: string;
  year: string;
}

function parseIso(iso: IsoDate): { day: number; month: number; year: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date (yyyy-mm-dd): "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new Error(`No such date: "${iso}"`);
  }
  return { day, month, year };
}

/** Day and month as ND30 writes them: "05", "25"; "02", "8", "12". */
export function nd30DateParts(iso: IsoDate): DateParts {
  const { day, month, year } = parseIso(iso);
  return {
    day: day < 10 ? `0${day}` : String(day),
    month: month <= 2 ? `0${month}` : String(month),
    year: String(year),
  };
}

/** "ngày 25 tháng 8 năm 2021" */
export function formatNd30Date(iso: IsoDate): string {
  const p = nd30DateParts(iso);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "25/8/2021", "05/02/2021": the short form used in references ("ngày 25/8/2021"). */
export function formatNd30ShortDate(iso: IsoDate): string {
  const p = nd30DateParts(iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * The place-and-date line of the header block: "Sóc Trăng, ngày 25 tháng 8 năm 2021", or,
 * without a date, "Sóc Trăng, ngày      tháng      năm 2021" for the clerk to fill by hand.
 */
export function placeDateLine(place: string, date: IsoDate | null | undefined, fallbackYear: number): string {
  const when = date ? formatNd30Date(date) : `ngày${BLANK}tháng${BLANK}năm ${fallbackYear}`;
  return `${place}, ${when}`;
}
