// Chart labels as glyph outlines (Tinos, metric-compatible with Times New Roman), for the PNG that Word 2010/2013 and LibreOffice show.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { blendCoverage, coverage, flattenPath, type Coverage, type PathCommand, type RgbaImage } from './raster.js';

/** The parts of an opentype.js glyph and font the charts use. */
interface OtGlyph {
  index: number;
  advanceWidth?: number;
  getPath(x: number, y: number, fontSize: number): { commands: PathCommand[] };
}

interface OtFont {
  unitsPerEm: number;
  charToGlyph(c: string): OtGlyph;
  getKerningValue(left: OtGlyph, right: OtGlyph): number;
}

interface OpentypeModule {
  parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): OtFont;
}

/** A parsed face and its glyphs rasterised so far, keyed "glyph@size@dx@dy" (dx, dy: the pen's sub-pixel offset). */
interface Face {
  font: OtFont;
  masks: Map<string, Coverage | null>;
}

const FONT_FILES = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
} as const;

const faces = new Map<keyof typeof FONT_FILES, Face>();

/** The Tinos face, parsed on first use: `thidua --help` and the commands without charts never read the 0.5 MB files. */
function face(bold = false): Face {
  const key = bold ? 'bold' : 'regular';
  let f = faces.get(key);
  if (!f) {
    const require = createRequire(import.meta.url);
    // opentype.js is CommonJS without types; require() returns `any`, narrowed here to what we call.
    const opentype = require('opentype.js') as OpentypeModule;
    const bytes = readFileSync(require.resolve(FONT_FILES[key]));
    // lowMemory reads glyphs and metrics on demand: a chart needs a few dozen of Tinos's 3,200 glyphs.
    const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
    f = { font, masks: new Map() };
    faces.set(key, f);
  }
  return f;
}

/** What `drawText` needs of a label, in the image's own pixels. */
export interface TextRun {
  x: number;
  /** The baseline, as SVG's `y`. */
  y: number;
  text: string;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
}

/** Composed (NFC) text: Tinos has a glyph for every precomposed Vietnamese letter but no mark positioning for combining ones. */
export const composed = (text: string): string => text.normalize('NFC');

/** One glyph per code point, each with its pen position in font units (advance plus pair kerning), and the total advance. */
function layout(f: Face, text: string): { glyphs: { glyph: OtGlyph; x: number }[]; advance: number } {
  const glyphs: { glyph: OtGlyph; x: number }[] = [];
  let x = 0;
  let prev: OtGlyph | undefined;
  for (const ch of composed(text)) {
    const glyph = f.font.charToGlyph(ch);
    if (prev) x += f.font.getKerningValue(prev, glyph);
    glyphs.push({ glyph, x });
    x += glyph.advanceWidth ?? 0;
    prev = glyph;
  }
  return { glyphs, advance: x };
}

/** Advance width of the text in pixels at `size`, kerning included, as `drawText` places it. */
export function textWidth(text: string, size: number, bold = false): number {
  const f = face(bold);
  return (layout(f, text).advance * size) / f.font.unitsPerEm;
}

/** Pen positions are rounded to a quarter pixel (invisible) so that each digit is rasterised a few times, not once per label. */
const SUBPIXEL = 4;

/** A position as its whole pixel and its quarter-pixel remainder. */
function snap(v: number): [number, number] {
  const q = Math.round(v * SUBPIXEL) / SUBPIXEL;
  const whole = Math.floor(q);
  return [whole, q - whole];
}

/** The glyph's coverage at `size` px with its origin at (dx, dy), dx and dy in [0, 1); null for blank glyphs such as the space. */
function glyphMask(f: Face, glyph: OtGlyph, size: number, dx: number, dy: number): Coverage | null {
  const key = `${glyph.index}@${size}@${dx}@${dy}`;
  let mask = f.masks.get(key);
  if (mask === undefined) {
    const commands = transformed(glyph.getPath(0, 0, f.font.unitsPerEm).commands, size / f.font.unitsPerEm, dx, dy);
    mask = coverage(flattenPath(commands));
    f.masks.set(key, mask);
  }
  return mask;
}

/** Path commands in font units scaled by `k`, then moved by (dx, dy). */
function transformed(commands: PathCommand[], k: number, dx: number, dy: number): PathCommand[] {
  return commands.map((c): PathCommand => {
    switch (c.type) {
      case 'Z':
        return c;
      case 'M':
      case 'L':
        return { type: c.type, x: dx + c.x * k, y: dy + c.y * k };
      case 'Q':
        return { type: 'Q', x1: dx + c.x1 * k, y1: dy + c.y1 * k, x: dx + c.x * k, y: dy + c.y * k };
      case 'C':
        return { type: 'C', x1: dx + c.x1 * k, y1: dy + c.y1 * k, x2: dx + c.x2 * k, y2: dy + c.y2 * k, x: dx + c.x * k, y: dy + c.y * k };
    }
  });
}

/** Paints the run's glyphs into the image, anti-aliased, in `color`. */
export function drawText(img: RgbaImage, run: TextRun, color: [number, number, number]): void {
  if (!run.text.trim()) return;
  const f = face(run.bold);
  const k = run.size / f.font.unitsPerEm;
  const { glyphs, advance } = layout(f, run.text);
  const left = run.x - (run.anchor === 'middle' ? (advance * k) / 2 : run.anchor === 'end' ? advance * k : 0);
  const [y, dy] = snap(run.y);
  for (const { glyph, x: pen } of glyphs) {
    const [x, dx] = snap(left + pen * k);
    const mask = glyphMask(f, glyph, run.size, dx, dy);
    if (mask) blendCoverage(img, mask, x, y, color);
  }
}
