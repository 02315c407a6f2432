// Decoding the charts' PNGs in tests: chunks with their CRCs checked, IDAT inflated, rows unfiltered (encodePng writes filter 0 only).
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { crc32 } from '../../src/render/chart.js';

export interface DecodedPng {
  width: number;
  height: number;
  /** The pixel as RRGGBB hex. */
  pixel: (x: number, y: number) => string;
  /** The pixel's darkest channel, 0–255: text is black, so low means ink. */
  level: (x: number, y: number) => number;
}

export function decodePng(png: Buffer): DecodedPng {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idats: Buffer[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    const type = png.toString('ascii', o + 4, o + 8);
    expect(png.readUInt32BE(o + 8 + len)).toBe(crc32(png.subarray(o + 4, o + 8 + len)));
    if (type === 'IDAT') idats.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idats));
  const stride = width * 4 + 1;
  expect(raw.length).toBe(stride * height);
  for (let y = 0; y < height; y++) expect(raw[y * stride]).toBe(0);
  const at = (x: number, y: number) => y * stride + 1 + x * 4;
  const pixel = (x: number, y: number) =>
    [...raw.subarray(at(x, y), at(x, y) + 3)].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
  const level = (x: number, y: number) => Math.max(raw[at(x, y)], raw[at(x, y) + 1], raw[at(x, y) + 2]);
  return { width, height, pixel, level };
}
