// Zone charts without a browser: a scene of rectangles and labels, serialised as SVG and rasterised (bars, axes and text) into a PNG.
import { deflateSync } from 'node:zlib';
import { drawText, type TextRun } from './chartText.js';

/** A zone as the charts draw it; `color` is hex RRGGBB without '#'. */
export interface ChartZone {
  code: string;
  label: string;
  color: string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  /** Diagonal stripes of `fill` on a light tint of it: the start-of-period bars. */
  hatch?: boolean;
  stroke?: string;
  /** "bar" marks a data bar (tests count them); other rects are axes, grid, swatches. */
  role?: 'bar' | 'swatch' | 'axis' | 'grid';
}

/** A text label of a chart, in the image's own pixels (drawn into the SVG and the PNG alike). */
export type Label = TextRun;

/** Everything a chart shows, in CSS pixels. */
export interface Scene {
  width: number;
  height: number;
  rects: Rect[];
  labels: Label[];
}

/** A rendered chart: SVG text, a PNG of `scale`× the size, and the display size in pixels. */
export interface Chart {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

export const NO_DATA_COLOR = 'A6A6A6';
const AXIS = '404040';
const GRID = 'D9D9D9';
const TEXT = '000000';
const FONT = 'Times New Roman';
const PNG_SCALE = 2;

/** `hex` mixed with white: share 0 is the colour itself, 1 is white. */
export function tint(hex: string, share: number): string {
  const c = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mixed = c.map((v) => Math.round(v + (255 - v) * share));
  return mixed.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

const HATCH_TINT = 0.6;

/** A round step for about `ticks` gridlines up to `max`: 1, 2 or 5 × 10^k. */
export function niceStep(max: number, ticks = 5): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return Math.max(1, step);
}

export interface ProvinceChartInput {
  zones: ChartZone[];
  /** Communes per zone (same order as `zones`) at the start and the end. */
  start: number[];
  end: number[];
  /** Communes without a status; a grey group is drawn when either is above zero. */
  noData?: { start: number; end: number; label: string };
  startLabel: string;
  endLabel: string;
}

/** Legend entries right-aligned at `right`, added to the scene. */
function legend(scene: Scene, items: { label: string; fill: string; hatch?: boolean }[], right: number, y: number): void {
  const { rects, labels } = scene;
  const widths = items.map((i) => 22 + approxWidth(i.label, 12) + 14);
  let x = right - widths.reduce((a, b) => a + b, 0);
  items.forEach((item, k) => {
    rects.push({ x, y, w: 16, h: 11, fill: item.fill, hatch: item.hatch, stroke: AXIS, role: 'swatch' });
    labels.push({ x: x + 21, y: y + 10, text: item.label, size: 12, anchor: 'start' });
    x += widths[k];
  });
}

/** Rough text width in pixels for Times New Roman at `size` px. */
function approxWidth(text: string, size: number): number {
  return Math.ceil([...text].length * size * 0.47);
}

function yAxis(scene: Scene, plot: { x: number; y: number; w: number; h: number }, max: number): number {
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  for (let v = 0; v <= top; v += step) {
    const y = plot.y + plot.h - (v / top) * plot.h;
    if (v > 0) scene.rects.push({ x: plot.x, y, w: plot.w, h: 0.5, fill: GRID, role: 'grid' });
    scene.labels.push({ x: plot.x - 5, y: y + 4, text: String(v), size: 11, anchor: 'end' });
  }
  scene.rects.push({ x: plot.x, y: plot.y + plot.h, w: plot.w, h: 1, fill: AXIS, role: 'axis' });
  scene.rects.push({ x: plot.x - 1, y: plot.y, w: 1, h: plot.h + 1, fill: AXIS, role: 'axis' });
  return top;
}

/** Grouped bars: communes per zone at the start (hatched) and the end (solid). */
export function provinceScene(input: ProvinceChartInput, width = 600, height = 290): Scene {
  const groups = input.zones.map((z, i) => ({ label: z.label, color: z.color, a: input.start[i] ?? 0, b: input.end[i] ?? 0 }));
  const nd = input.noData;
  if (nd && (nd.start > 0 || nd.end > 0)) groups.push({ label: nd.label, color: NO_DATA_COLOR, a: nd.start, b: nd.end });
  const scene: Scene = { width, height, rects: [], labels: [] };
  const plot = { x: 44, y: 40, w: width - 54, h: height - 40 - 34 };
  legend(
    scene,
    [
      { label: input.startLabel, fill: NO_DATA_COLOR, hatch: true },
      { label: input.endLabel, fill: NO_DATA_COLOR },
    ],
    width - 10,
    8,
  );
  scene.labels.push({ x: 4, y: 22, text: 'Số xã, phường, thị trấn', size: 11, anchor: 'start' });
  const top = yAxis(scene, plot, Math.max(1, ...groups.flatMap((g) => [g.a, g.b])));
  const gw = plot.w / Math.max(1, groups.length);
  const bw = Math.min(48, gw * 0.32);
  groups.forEach((g, i) => {
    const cx = plot.x + gw * (i + 0.5);
    for (const [value, x, hatch] of [
      [g.a, cx - bw - 2, true],
      [g.b, cx + 2, false],
    ] as const) {
      const h = (value / top) * plot.h;
      scene.rects.push({ x, y: plot.y + plot.h - h, w: bw, h, fill: g.color, hatch, stroke: g.color, role: 'bar' });
      scene.labels.push({ x: x + bw / 2, y: plot.y + plot.h - h - 4, text: String(value), size: 12, anchor: 'middle', bold: !hatch });
    }
    scene.labels.push({ x: cx, y: plot.y + plot.h + 18, text: g.label, size: 13, anchor: 'middle' });
  });
  return scene;
}

export interface DistrictChartRow {
  name: string;
  /** Communes per zone (order of `zones`), then those without a status. */
  start: number[];
  end: number[];
  noDataStart: number;
  noDataEnd: number;
}

export interface DistrictChartInput {
  zones: ChartZone[];
  districts: DistrictChartRow[];
  startLabel: string;
  endLabel: string;
  noDataLabel: string;
}

const ROW = 30;
const BAR = 10;

function stackedBar(scene: Scene, x0: number, y: number, unit: number, values: { v: number; color: string }[], hatch: boolean): void {
  let x = x0;
  for (const { v, color } of values) {
    if (v <= 0) continue;
    const w = v * unit;
    scene.rects.push({ x, y, w, h: BAR, fill: color, hatch, stroke: color, role: 'bar' });
    if (w >= 14) {
      // On stripes a digit is hard to read: it sits on a patch of the stripes' light tint.
      const tw = approxWidth(String(v), 9) + 3;
      if (hatch) scene.rects.push({ x: x + (w - tw) / 2, y: y + 1.5, w: tw, h: BAR - 3, fill: tint(color, HATCH_TINT) });
      scene.labels.push({ x: x + w / 2, y: y + BAR - 1.5, text: String(v), size: 9, anchor: 'middle', bold: !hatch });
    }
    x += w;
  }
}

/** Per district, two stacked horizontal bars: zones at the start (hatched) and at the end (solid). */
export function districtScene(input: DistrictChartInput, width = 600): Scene {
  const n = input.districts.length;
  const height = 64 + n * ROW + 26;
  const scene: Scene = { width, height, rects: [], labels: [] };
  const plot = { x: 128, y: 62, w: width - 128 - 16, h: n * ROW };
  const zoneItems = [...input.zones.map((z) => ({ label: z.label, fill: z.color })), { label: input.noDataLabel, fill: NO_DATA_COLOR }];
  legend(scene, zoneItems, width - 10, 6);
  legend(
    scene,
    [
      { label: input.startLabel, fill: NO_DATA_COLOR, hatch: true },
      { label: input.endLabel, fill: NO_DATA_COLOR },
    ],
    width - 10,
    28,
  );
  const max = Math.max(1, ...input.districts.map((d) => d.start.reduce((a, b) => a + b, d.noDataStart)), ...input.districts.map((d) => d.end.reduce((a, b) => a + b, d.noDataEnd)));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const unit = plot.w / top;
  for (let v = 0; v <= top; v += step) {
    const x = plot.x + v * unit;
    if (v > 0) scene.rects.push({ x, y: plot.y, w: 0.5, h: plot.h, fill: GRID, role: 'grid' });
    scene.labels.push({ x, y: plot.y + plot.h + 15, text: String(v), size: 11, anchor: 'middle' });
  }
  input.districts.forEach((d, i) => {
    const y = plot.y + i * ROW + (ROW - 2 * BAR - 2) / 2;
    const colors = [...input.zones.map((z) => z.color), NO_DATA_COLOR];
    stackedBar(scene, plot.x, y, unit, [...d.start, d.noDataStart].map((v, k) => ({ v, color: colors[k] })), true);
    stackedBar(scene, plot.x, y + BAR + 2, unit, [...d.end, d.noDataEnd].map((v, k) => ({ v, color: colors[k] })), false);
    // The row number, as in the district table, then the name.
    scene.labels.push({ x: 6, y: y + BAR + 5, text: String(i + 1), size: 12, anchor: 'start' });
    scene.labels.push({ x: plot.x - 6, y: y + BAR + 5, text: d.name, size: 12, anchor: 'end' });
  });
  scene.rects.push({ x: plot.x - 1, y: plot.y, w: 1, h: plot.h, fill: AXIS, role: 'axis' });
  scene.rects.push({ x: plot.x - 1, y: plot.y + plot.h, w: plot.w + 1, h: 1, fill: AXIS, role: 'axis' });
  return scene;
}

// ---- SVG ----

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => String(Math.round(v * 100) / 100);

function hatchPattern(color: string): string {
  return (
    `<pattern id="hatch-${color}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#${tint(color, HATCH_TINT)}"/><rect width="2.5" height="6" fill="#${color}"/></pattern>`
  );
}

function svgRect(r: Rect): string {
  const fill = r.hatch ? `url(#hatch-${r.fill})` : `#${r.fill}`;
  const stroke = r.stroke ? ` stroke="#${r.stroke}" stroke-width="1"` : '';
  const cls = r.role ? ` class="${r.role}"` : '';
  return `<rect${cls} x="${num(r.x)}" y="${num(r.y)}" width="${num(r.w)}" height="${num(r.h)}" fill="${fill}"${stroke}/>`;
}

function svgLabel(l: Label): string {
  const weight = l.bold ? ' font-weight="bold"' : '';
  return `<text x="${num(l.x)}" y="${num(l.y)}" font-size="${l.size}" text-anchor="${l.anchor}"${weight}>${esc(l.text)}</text>`;
}

/** The scene as a standalone SVG document (UTF-8 text). */
export function sceneToSvg(scene: Scene): string {
  const hatched = [...new Set(scene.rects.filter((r) => r.hatch).map((r) => r.fill))];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}">`,
    `<defs>${hatched.map(hatchPattern).join('')}</defs>`,
    `<rect width="${scene.width}" height="${scene.height}" fill="#FFFFFF"/>`,
    ...scene.rects.map(svgRect),
    `<g font-family="${FONT}, serif" fill="#${TEXT}">`,
    ...scene.labels.map(svgLabel),
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

// ---- PNG ----

function rgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

function fillBox(buf: Uint8Array, width: number, box: [number, number, number, number], color: (x: number, y: number) => [number, number, number]): void {
  const [x0, y0, x1, y1] = box;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = color(x, y);
      const o = (y * width + x) * 4;
      buf[o] = r;
      buf[o + 1] = g;
      buf[o + 2] = b;
      buf[o + 3] = 255;
    }
  }
}

/** The scene's rectangles and labels painted at `scale`× into an RGBA buffer. */
export function rasterise(scene: Scene, scale = PNG_SCALE): { width: number; height: number; rgba: Uint8Array } {
  const width = Math.round(scene.width * scale);
  const height = Math.round(scene.height * scale);
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const clampX = (v: number) => Math.max(0, Math.min(width, Math.round(v * scale)));
  const clampY = (v: number) => Math.max(0, Math.min(height, Math.round(v * scale)));
  for (const r of scene.rects) {
    const box: [number, number, number, number] = [clampX(r.x), clampY(r.y), clampX(r.x + r.w), clampY(r.y + r.h)];
    if (box[2] === box[0] && r.w > 0) box[2] = Math.min(width, box[0] + 1);
    if (box[3] === box[1] && r.h > 0) box[3] = Math.min(height, box[1] + 1);
    const solid = rgb(r.fill);
    const light = rgb(tint(r.fill, HATCH_TINT));
    const period = 6 * scale * Math.SQRT2;
    const stripe = 2.5 * scale * Math.SQRT2;
    fillBox(rgba, width, box, r.hatch ? (x, y) => ((x + y) % period < stripe ? solid : light) : () => solid);
    if (r.stroke) {
      const s = rgb(r.stroke);
      const [x0, y0, x1, y1] = box;
      fillBox(rgba, width, [x0, y0, x1, Math.min(y1, y0 + scale)], () => s);
      fillBox(rgba, width, [x0, Math.max(y0, y1 - scale), x1, y1], () => s);
      fillBox(rgba, width, [x0, y0, Math.min(x1, x0 + scale), y1], () => s);
      fillBox(rgba, width, [Math.max(x0, x1 - scale), y0, x1, y1], () => s);
    }
  }
  const img = { width, height, rgba };
  const ink = rgb(TEXT);
  for (const l of scene.labels) drawText(img, { ...l, x: l.x * scale, y: l.y * scale, size: l.size * scale }, ink);
  return img;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An 8-bit RGBA PNG, no filtering, zlib level 3: the same pixels give the same bytes. On the
 * 1800 × 1404 map level 3 deflates in 26 ms to 418 KB where level 6 took 92 ms for 350 KB
 * (level 9 is 5× slower still on anti-aliased text for 8% less).
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('RGBA buffer does not match the image size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', new Uint8Array(0))]);
}

/** SVG and PNG of a scene. */
export function renderScene(scene: Scene, scale = PNG_SCALE): Chart {
  const { width, height, rgba } = rasterise(scene, scale);
  return { svg: sceneToSvg(scene), png: encodePng(width, height, rgba), width: scene.width, height: scene.height };
}

export function provinceZoneChart(input: ProvinceChartInput): Chart {
  return renderScene(provinceScene(input));
}

export function districtZoneChart(input: DistrictChartInput): Chart {
  return renderScene(districtScene(input));
}
