// Calendar arithmetic on ISO dates (yyyy-mm-dd), shared by validation, compilation and templates.
import type { IsoDate } from './types.js';

/** An ISO date moved by a number of days (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
