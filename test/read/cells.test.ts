// Cell meanings as offices type them: dates, numbers, column letters.
import { describe, expect, it } from 'vitest';
import { columnLetter, parseDate, parseNumber, serialToIso } from '../../src/read/cells.js';

describe('parseDate', () => {
  it.each([
    ['20/8/2021', '2021-08-20'],
    ['20/08/2021', '2021-08-20'],
    ['20-08-2021', '2021-08-20'],
    ['2021-08-20', '2021-08-20'],
    [' 5/8/21 ', '2021-08-05'],
    ['ngày 25 tháng 8 năm 2021', '2021-08-25'],
    ['44428', '2021-08-20'],
  ])('reads %j', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('reads Excel serials and Date cells', () => {
    expect(parseDate(44428)).toBe('2021-08-20');
    expect(parseDate(new Date(Date.UTC(2021, 7, 25)))).toBe('2021-08-25');
    expect(serialToIso(60)).toBe('1900-02-28'); // Excel's phantom 29/2/1900 sits at 60
  });

  it.each(['32/8/2021', '29/2/2021', '8/2021', 'hôm qua', '', '20/13/2021'])('refuses %j', (text) => expect(parseDate(text)).toBeNull());
});

describe('parseNumber', () => {
  it.each([
    ['1.500.000', 1500000],
    ['1.500.000 đồng', 1500000],
    ['1,5', 1.5],
    ['1,500,000', 1500000],
    ['12', 12],
    ['-3', -3],
    [' 2 500 ', 2500],
  ])('reads %j', (text, n) => expect(parseNumber(text)).toBe(n));
  it.each(['nhiều', '1.2.3,4,5', '', 'abc12'])('refuses %j', (text) => expect(parseNumber(text)).toBeNull());
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
