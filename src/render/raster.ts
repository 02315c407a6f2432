// Vector paths into an RGBA buffer: Bézier flattening and an anti-aliased non-zero-winding fill with alpha blending.

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Path commands as opentype.js gives them (y grows downwards). */
export type PathCommand =
  | { type: 'M' | 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };

/** A closed polygon as flat [x0, y0, x1, y1, …] coordinates. */
export type Contour = number[];

/** Largest distance, in pixels, a flattened curve may stray from the true one. */
const TOLERANCE = 0.1;

/** Segments needed so that a curve whose control points deviate by `dev` stays within TOLERANCE. */
function segmentsFor(dev: number): number {
  return Math.max(1, Math.min(64, Math.ceil(Math.sqrt(dev / TOLERANCE))));
}

function quadTo(out: Contour, x0: number, y0: number, x1: number, y1: number, x: number, y: number): void {
  const n = segmentsFor(Math.hypot(x0 - 2 * x1 + x, y0 - 2 * y1 + y) / 4);
  for (let i = 1; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push(u * u * x0 + 2 * u * t * x1 + t * t * x, u * u * y0 + 2 * u * t * y1 + t * t * y);
  }
}

function cubicTo(out: Contour, p: number[]): void {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = p;
  const dev = (3 / 4) * Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3));
  const n = segmentsFor(dev);
  for (let i = 1; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    out.push(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3);
  }
}

/** Path commands as closed polygons; curves become line segments. */
export function flattenPath(commands: readonly PathCommand[]): Contour[] {
  const contours: Contour[] = [];
  let cur: Contour = [];
  const close = () => {
    if (cur.length >= 6) contours.push(cur);
    cur = [];
  };
  for (const cmd of commands) {
    const n = cur.length;
    const [px, py] = n ? [cur[n - 2], cur[n - 1]] : [0, 0];
    if (cmd.type === 'M') {
      close();
      cur.push(cmd.x, cmd.y);
    } else if (cmd.type === 'L') cur.push(cmd.x, cmd.y);
    else if (cmd.type === 'Q') quadTo(cur, px, py, cmd.x1, cmd.y1, cmd.x, cmd.y);
    else if (cmd.type === 'C') cubicTo(cur, [px, py, cmd.x1, cmd.y1, cmd.x2, cmd.y2, cmd.x, cmd.y]);
    else close();
  }
  close();
  return contours;
}

/** Sub-scanlines per pixel row; horizontal coverage is computed exactly. */
const SUBSAMPLES = 5;

/** Coverage of a shape, 0–1 per pixel, over the pixel box at (x0, y0) of `width` × `height`. */
export interface Coverage {
  x0: number;
  y0: number;
  width: number;
  height: number;
  alpha: Float32Array;
}

/** The whole-pixel box around the contours, or null when they enclose nothing. */
function bounds(contours: Contour[]): { x0: number; y0: number; x1: number; y1: number } | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of contours) {
    for (let i = 0; i < c.length; i += 2) {
      minX = Math.min(minX, c[i]);
      maxX = Math.max(maxX, c[i]);
      minY = Math.min(minY, c[i + 1]);
      maxY = Math.max(maxY, c[i + 1]);
    }
  }
  const box = { x0: Math.floor(minX), y0: Math.floor(minY), x1: Math.ceil(maxX), y1: Math.ceil(maxY) };
  return box.x1 > box.x0 && box.y1 > box.y0 ? box : null;
}

/** Adds `weight` × the covered part of each pixel in [a, b) to `row` (coordinates relative to the row's start). */
function addSpan(row: Float32Array, a: number, b: number, weight: number): void {
  a = Math.max(0, a);
  b = Math.min(row.length, b);
  if (b <= a) return;
  const ia = Math.floor(a);
  const ib = Math.floor(b);
  if (ia === ib) {
    row[ia] += (b - a) * weight;
    return;
  }
  row[ia] += (ia + 1 - a) * weight;
  for (let i = ia + 1; i < ib; i++) row[i] += weight;
  if (ib < row.length) row[ib] += (b - ib) * weight;
}

/** The contours' non-horizontal edges, top to bottom: [xTop, yTop, xBottom, yBottom, dir] per edge (dir +1 when drawn downwards). */
function edgeTable(contours: Contour[]): Float64Array {
  const raw = new Float64Array(contours.reduce((n, c) => n + c.length, 0) * 2.5);
  let m = 0;
  for (const c of contours) {
    const n = c.length;
    for (let i = 0; i < n; i += 2) {
      const j = (i + 2) % n; // the last point joins the first: contours are closed
      if (c[i + 1] === c[j + 1]) continue;
      const [top, bottom] = c[i + 1] < c[j + 1] ? [i, j] : [j, i];
      raw[m] = c[top];
      raw[m + 1] = c[top + 1];
      raw[m + 2] = c[bottom];
      raw[m + 3] = c[bottom + 1];
      raw[m + 4] = top === i ? 1 : -1;
      m += 5;
    }
  }
  const order = Array.from({ length: m / 5 }, (_, k) => k * 5).sort((p, q) => raw[p + 1] - raw[q + 1] || p - q);
  const edges = new Float64Array(m);
  order.forEach((k, i) => edges.set(raw.subarray(k, k + 5), i * 5));
  return edges;
}

/** Scanline state reused across rows: the edges that reach the current row and one sub-scanline's crossings. */
class Scanner {
  private next = 0;
  private active: number[] = [];
  readonly xs: number[] = [];
  readonly dirs: number[] = [];
  constructor(private readonly edges: Float64Array) {}

  /** Keeps the edges that overlap [y, y + 1). */
  enterRow(y: number): void {
    const e = this.edges;
    this.active = this.active.filter((k) => e[k + 3] > y);
    while (this.next < e.length && e[this.next + 1] < y + 1) {
      if (e[this.next + 3] > y) this.active.push(this.next);
      this.next += 5;
    }
  }

  /** Crossings of the active edges with the line `y`, sorted by x (insertion sort: a row crosses few edges). */
  cross(y: number): number {
    const e = this.edges;
    let n = 0;
    for (const k of this.active) {
      if (e[k + 1] > y || e[k + 3] <= y) continue;
      const x = e[k] + ((y - e[k + 1]) / (e[k + 3] - e[k + 1])) * (e[k + 2] - e[k]);
      let i = n++;
      while (i > 0 && this.xs[i - 1] > x) {
        this.xs[i] = this.xs[i - 1];
        this.dirs[i] = this.dirs[i - 1];
        i--;
      }
      this.xs[i] = x;
      this.dirs[i] = e[k + 4];
    }
    return n;
  }
}

/** How much of each pixel the contours cover under the non-zero winding rule: SUBSAMPLES rows per pixel, exact across. */
export function coverage(contours: Contour[]): Coverage | null {
  const box = bounds(contours);
  if (!box) return null;
  const [width, height] = [box.x1 - box.x0, box.y1 - box.y0];
  const alpha = new Float32Array(width * height);
  const scanner = new Scanner(edgeTable(contours));
  for (let py = box.y0; py < box.y1; py++) {
    const row = alpha.subarray((py - box.y0) * width, (py - box.y0 + 1) * width);
    scanner.enterRow(py);
    for (let s = 0; s < SUBSAMPLES; s++) {
      const n = scanner.cross(py + (s + 0.5) / SUBSAMPLES);
      let winding = 0;
      let start = 0;
      for (let i = 0; i < n; i++) {
        const was = winding;
        winding += scanner.dirs[i];
        if (was === 0) start = scanner.xs[i];
        else if (winding === 0) addSpan(row, start - box.x0, scanner.xs[i] - box.x0, 1 / SUBSAMPLES);
      }
    }
  }
  return { x0: box.x0, y0: box.y0, width, height, alpha };
}

/** Blends `color` over the image where the coverage, moved by whole pixels (dx, dy), lies; what falls outside is dropped. */
export function blendCoverage(img: RgbaImage, cov: Coverage, dx: number, dy: number, color: [number, number, number]): void {
  blendPainted(img, cov, () => color, dx, dy);
}

/** Fills the contours (non-zero winding, anti-aliased) with `color`, blended over what the image holds. */
export function fillContours(img: RgbaImage, contours: Contour[], color: [number, number, number]): void {
  const cov = coverage(contours);
  if (cov) blendCoverage(img, cov, 0, 0, color);
}

/** A colour per image pixel: a flat fill, or a pattern such as hatching computed from the pixel's position. */
export type Paint = (x: number, y: number) => [number, number, number];

/** Blends `paint` over the image where the coverage, moved by whole pixels (dx, dy), lies (as `blendCoverage`, with a colour per pixel). */
export function blendPainted(img: RgbaImage, cov: Coverage, paint: Paint, dx = 0, dy = 0): void {
  for (let j = 0; j < cov.height; j++) {
    const y = cov.y0 + dy + j;
    if (y < 0 || y >= img.height) continue;
    for (let i = 0; i < cov.width; i++) {
      const x = cov.x0 + dx + i;
      const a = Math.min(1, cov.alpha[j * cov.width + i]);
      if (a <= 0 || x < 0 || x >= img.width) continue;
      const color = paint(x, y);
      const o = (y * img.width + x) * 4;
      if (a === 1) {
        // inside the shape (most of a commune's pixels): the paint replaces what was there
        img.rgba[o] = color[0];
        img.rgba[o + 1] = color[1];
        img.rgba[o + 2] = color[2];
        img.rgba[o + 3] = 255;
        continue;
      }
      for (let k = 0; k < 3; k++) img.rgba[o + k] = Math.round(img.rgba[o + k] * (1 - a) + color[k] * a);
      img.rgba[o + 3] = Math.round(img.rgba[o + 3] * (1 - a) + 255 * a);
    }
  }
}
