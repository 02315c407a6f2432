// CSV bytes as offices save them: encodings and delimiters are found from the content.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffDelimiter } from '../../src/read/csv.js';
import { openSource, type RawRow } from '../../src/read/source.js';

const TEXT = 'Mã xã;Tên xã;Ngày đánh giá;Vùng\n31570;Xã Hồ Đắc Kiện;15/8/2021;Vàng\n';

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('decodeText', () => {
  it.each([
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
    ['utf-16le', Buffer.from(TEXT, 'utf16le')], // no BOM: found from the zero bytes
  ])('finds %s', (encoding, bytes) => {
    const d = decodeText(bytes, 'x.csv');
    expect(d.encoding).toBe(encoding);
    expect(d.text.normalize('NFC')).toBe(TEXT);
  });

  it('falls back to Windows-1258 for bytes that are not UTF-8, and reads its combining tones', () => {
    // "Hòa" in Windows-1258: H o, combining grave (0xCC), a
    const d = decodeText(Buffer.from([0x48, 0x6f, 0xcc, 0x61, 0x0a]), 'x.csv');
    expect(d.encoding).toBe('windows-1258');
    expect(d.text.normalize('NFC')).toBe('Hòa\n');
  });
});

describe('sniffDelimiter', () => {
  it('prefers the delimiter the table rows share, ignoring title lines and quoted commas', () => {
    expect(sniffDelimiter('UBND HUYỆN KẾ SÁCH\n\na;b;c\n1;"x, y";3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(sniffDelimiter('a,b,c\n1,"2;3",4\n')).toBe(',');
  });
});

describe('openSource', () => {
  it('reads a CSV named .xlsx by its content, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-csv-'));
    const path = join(dir, 'phan-vung.xlsx');
    writeFileSync(path, TEXT);
    const src = await openSource(path);
    expect(src.format).toBe('csv');
    expect(src.notes[0].en).toContain('read by its content');
    const rows: RawRow[] = [];
    for await (const r of src.sheets[0].rows as AsyncIterable<RawRow>) rows.push(r);
    expect(rows[1]).toEqual({ row: 2, cells: ['31570', 'Xã Hồ Đắc Kiện', '15/8/2021', 'Vàng'] });
  });
});
