// A small drawing surface for the map and the course chart: polygons and rectangles filled with a
// zone's colour and its black-and-white pattern, stroked segments, text; encoded as a PNG.
import { encodePng, NO_DATA_COLOR } from './chart.js';
import { drawText, type TextRun } from './chartText.js';
import { blendPainted, coverage, type Contour, type Coverage, type Paint, type RgbaImage } from './raster.js';

export type Rgb = [number, number, number];

export const rgbOf = (hex: string): Rgb => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/**
 * The pattern laid over a zone's colour so that the zones stay apart when printed in black and
 * white: more ink for more risk. Zones are patterned by rank (1 plain, 2 dots, 3 diagonal lines,
 * 4 and above cross-hatch); "no data" is grey with white lines the other way.
 */
export type Pattern = 'plain' | 'dots' | 'lines' | 'cross' | 'no-data';

export function zonePattern(rank: number): Pattern {
  return rank <= 1 ? 'plain' : rank === 2 ? 'dots' : rank === 3 ? 'lines' : 'cross';
}

/** A fill: the zone's colour with its pattern. */
export interface Fill {
  color: string;
  pattern: Pattern;
}

export const NO_DATA_FILL: Fill = { color: NO_DATA_COLOR, pattern: 'no-data' };

const INK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** The pattern's ink colour: black, white for "no data". */
export const patternInk = (pattern: Pattern): Rgb => (pattern === 'no-data' ? WHITE : INK);

/**
 * The fill as a colour per image pixel. Pattern sizes are in image pixels scaled from CSS pixels
 * (period about 3 px, lines about 0.5 px wide), aligned to the pixel grid so that printing
 * keeps them crisp and a test can find the plain colour between the strokes.
 */
export function paintOf(fill: Fill, scale: number): Paint {
  const base = rgbOf(fill.color);
  const ink = patternInk(fill.pattern);
  const p = Math.max(5, Math.round(3.2 * scale));
  const w = Math.max(1, Math.round(0.7 * scale));
  const pd = Math.max(4, Math.round(2.4 * scale));
  switch (fill.pattern) {
    case 'plain':
      return () => base;
    case 'dots':
      // Staggered square dots.
      return (x, y) => {
        const row = Math.floor(y / pd);
        const dx = (x + (row % 2) * Math.floor(pd / 2)) % pd;
        return dx < w && y % pd < w ? ink : base;
      };
    case 'lines':
      return (x, y) => ((x + y) % p < w ? ink : base);
    case 'cross':
      return (x, y) => ((x + y) % p < w || (((x - y) % p) + p) % p < w ? ink : base);
    case 'no-data':
      return (x, y) => ((((x - y) % p) + p) % p < w ? ink : base);
  }
}

/** A drawing at `scale`× its CSS size; coordinates given to its methods are CSS pixels. */
export class Canvas {
  readonly img: RgbaImage;
  constructor(
    readonly width: number,
    readonly height: number,
    readonly scale: number,
  ) {
    const w = Math.round(width * scale);
    const h = Math.round(height * scale);
    this.img = { width: w, height: h, rgba: new Uint8Array(w * h * 4).fill(255) };
  }

  /** Fills closed contours (flat [x0, y0, x1, y1, …] in CSS px, non-zero winding), anti-aliased. */
  fill(contours: Contour[], paint: Paint): void {
    const k = this.scale;
    const cov = coverage(contours.map((c) => c.map((v) => v * k)));
    if (cov) blendPainted(this.img, cov, paint);
  }

  /** The contours' coverage at this canvas's scale, to be blended once or several times (see `blend`). */
  coverage(contours: Contour[]): Coverage | null {
    const k = this.scale;
    return coverage(contours.map((c) => c.map((v) => v * k)));
  }

  /** Paints where a coverage lies, moved right by `dx` image pixels: the same shape in another panel without rasterising it again. */
  blend(cov: Coverage | null, paint: Paint, dx = 0): void {
    if (cov) blendPainted(this.img, cov, paint, dx, 0);
  }

  /**
   * Segments as stroke contours: quads extended by half the width at each end (consecutive segments
   * join without notches), all wound the same way so that their union fills under non-zero.
   */
  static strokeContours(segments: number[][], width: number): Contour[] {
    const contours: Contour[] = [];
    const h = width / 2;
    for (const [x1, y1, x2, y2] of segments) {
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len === 0) continue;
      const [ux, uy] = [((x2 - x1) / len) * h, ((y2 - y1) / len) * h];
      const [ax, ay, bx, by] = [x1 - ux, y1 - uy, x2 + ux, y2 + uy];
      contours.push([ax - uy, ay + ux, bx - uy, by + ux, bx + uy, by - ux, ax + uy, ay - ux]);
    }
    return contours;
  }

  fillWith(contours: Contour[], fill: Fill): void {
    this.fill(contours, paintOf(fill, this.scale));
  }

  rect(x: number, y: number, w: number, h: number, paint: Paint): void {
    this.fill([[x, y, x + w, y, x + w, y + h, x, y + h]], paint);
  }

  /** Lines of `width` CSS px between [x1, y1, x2, y2] ends, square-capped, drawn as one shape so overlaps do not darken. */
  stroke(segments: number[][], width: number, color: Rgb): void {
    const contours = Canvas.strokeContours(segments, width);
    if (contours.length) this.fill(contours, () => color);
  }

  /** Outline of a rectangle, `width` CSS px, drawn inside its edges. */
  frame(x: number, y: number, w: number, h: number, width: number, color: Rgb): void {
    const t = width;
    this.fill([
      [x, y, x + w, y, x + w, y + t, x, y + t],
      [x, y + h - t, x + w, y + h - t, x + w, y + h, x, y + h],
      [x, y, x + t, y, x + t, y + h, x, y + h],
      [x + w - t, y, x + w, y, x + w, y + h, x + w - t, y + h],
    ], () => color);
  }

  text(run: TextRun, color: Rgb = INK): void {
    const k = this.scale;
    drawText(this.img, { ...run, x: run.x * k, y: run.y * k, size: run.size * k }, color);
  }

  png(): Buffer {
    return encodePng(this.img.width, this.img.height, this.img.rgba);
  }
}
