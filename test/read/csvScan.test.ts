// The forgiving CSV scanner: quoted cells across lines, and the lines it must report (with
// their numbers) while still reading the lines around them.
import { describe, expect, it } from 'vitest';
import { scanRecords } from '../../src/read/csvScan.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';

const scan = (text: string, limits = DEFAULT_LIMITS) => [...scanRecords(text, ';', limits)];

describe('scanRecords', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const r = scan('a;"b;c";"say ""hi"""\n1;"two\nlines";3\nx;y;z\n');
    expect(r.map((x) => x.fields)).toEqual([['a', 'b;c', 'say "hi"'], ['1', 'two\nlines', '3'], ['x', 'y', 'z']]);
    expect(r.map((x) => x.line)).toEqual([1, 2, 4]);
    expect(r.every((x) => x.problems.length === 0)).toBe(true);
  });

  it('reads a line with an unclosed quote on its own and goes on', () => {
    const r = scan('a;b\n1;"open\n2;ok\n3;ok\n');
    expect(r.map((x) => x.fields)).toEqual([['a', 'b'], ['1', 'open'], ['2', 'ok'], ['3', 'ok']]);
    expect(r[1].problems).toMatchObject([{ kind: 'repaired', line: 2 }]);
  });

  it('skips a line longer than the cell limit, keeping its place', () => {
    const r = scan(`a;b\n1;${'x'.repeat(50)}\n2;ok\n`, { ...DEFAULT_LIMITS, maxCellChars: 20 });
    expect(r.map((x) => x.fields)).toEqual([['a', 'b'], [], ['2', 'ok']]);
    expect(r[1].problems[0]).toMatchObject({ kind: 'skipped', line: 2 });
    expect(r[1].problems[0].reason.en).toContain('--max-cell-chars');
  });

  it('handles CR, LF and CRLF line ends and a missing final line end', () => {
    expect(scan('a;b\r1;2\r\n3;4\n5;6').map((x) => x.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('scans a 10 MB line and 100,000 short lines in bounded time', () => {
    const t = performance.now();
    const r = scan(`a;b\n1;${'x'.repeat(10_000_000)}\n${'2;ok\n'.repeat(100_000)}`);
    expect(r).toHaveLength(100_002);
    expect(performance.now() - t).toBeLessThan(3_000);
  });
});
