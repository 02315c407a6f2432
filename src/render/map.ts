// The province map by zone: two panels side by side (start and end of the period), communes filled
// with their zone's colour and pattern, district borders heavier, communes that held green or improved
// marked, a legend, a north arrow and a scale bar in km. A flat projection scaled by cos(latitude).
import type { Boundaries, CommuneShape, Ring } from '../data/boundaries.js';
import { Canvas, NO_DATA_FILL, paintOf, zonePattern, type Fill, type Rgb } from './canvas.js';
import { textWidth } from './chartText.js';
import type { Contour, Coverage } from './raster.js';

export interface MapZone {
  code: string;
  label: string;
  color: string;
  rank: number;
}

export type Mark = 'held-green' | 'improved';

export interface MapPanel {
  title: string;
  /** Each commune's zone code; absent or null: no data. */
  zoneOf: Map<string, string | null>;
  /** Communes marked on this panel. */
  marks?: Map<string, Mark>;
}

export interface MapWords {
  noData: string;
  heldGreen: string;
  improved: string;
  /** The north arrow's letter ("B", Bắc). */
  north: string;
  /** The title of a district drawn enlarged ("TP. Sóc Trăng (phóng to)"). */
  insetTitle: (districtCode: string) => string;
}

export interface MapInput {
  boundaries: Boundaries;
  zones: MapZone[];
  panels: MapPanel[];
  words: MapWords;
}

/** Where a panel's map lies, in CSS px: x = left + (lon − lon0)·k·cos(lat0), y = top + (lat1 − lat)·k. */
export interface PanelFrame {
  left: number;
  top: number;
  k: number;
  lon0: number;
  lat1: number;
  cosLat: number;
}

export interface ProvinceMap {
  png: Buffer;
  /** Display size in CSS px (the PNG is `scale`× that). */
  width: number;
  height: number;
  scale: number;
  frames: PanelFrame[];
  /** Boxes (CSS px) where markers cover the fill: [x0, y0, x1, y1] per panel. */
  covered: Box[][];
  /** The district drawn enlarged under each panel, because some of its communes are too small on the main map. */
  inset: { districtCode: string; frames: PanelFrame[] } | null;
}

type Box = [number, number, number, number];

export const MAP_SCALE = 3;
const WIDTH = 600;
const GAP = 16;
const TITLE = 22;
const PAD = 6;
const MAX_MAP_HEIGHT = 380;
const KM_PER_DEGREE = 111.32;
const COMMUNE_LINE: Rgb = [64, 64, 64];
const DISTRICT_LINE: Rgb = [0, 0, 0];

export const project = (f: PanelFrame, lon: number, lat: number): [number, number] => [
  f.left + (lon - f.lon0) * f.k * f.cosLat,
  f.top + (f.lat1 - lat) * f.k,
];

function extent(communes: CommuneShape[]) {
  let [lon0, lon1, lat0, lat1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const c of communes) for (const p of c.polygons) for (const [lon, lat] of p[0]) {
    [lon0, lon1, lat0, lat1] = [Math.min(lon0, lon), Math.max(lon1, lon), Math.min(lat0, lat), Math.max(lat1, lat)];
  }
  return { lon0, lon1, lat0, lat1 };
}

/** A frame that fits the communes into the box (CSS px) at `k` px per degree of latitude, centred across. */
function frameIn(communes: CommuneShape[], cosLat: number, k: number, left: number, top: number, width: number): PanelFrame {
  const e = extent(communes);
  return { left: left + (width - (e.lon1 - e.lon0) * cosLat * k) / 2, top: top + PAD, k, lon0: e.lon0, lat1: e.lat1, cosLat };
}

/** The largest scale at which the communes fit in width × maxHeight (CSS px), and the height they then take. */
function fitScale(communes: CommuneShape[], cosLat: number, width: number, maxHeight: number): { k: number; height: number } {
  const e = extent(communes);
  const spanX = Math.max(1e-9, (e.lon1 - e.lon0) * cosLat);
  const spanY = Math.max(1e-9, e.lat1 - e.lat0);
  const k = Math.min((width - 2 * PAD) / spanX, (maxHeight - 2 * PAD) / spanY);
  return { k, height: Math.ceil(spanY * k + 2 * PAD) };
}

/** Smallest extent, in CSS px on the main map, a commune may have before its district is shown enlarged. */
const MIN_COMMUNE = 9;
const MAX_INSET_HEIGHT = 110;
const INSET_TITLE = 16;

/** The district to enlarge under each panel: the one with most communes too small to read on the main map. */
function insetDistrict(b: Boundaries, cosLat: number, k: number): { districtCode: string; communes: CommuneShape[] } | null {
  const small = new Map<string, number>();
  for (const c of b.communes) {
    const e = extent([c]);
    if (Math.max((e.lon1 - e.lon0) * cosLat, e.lat1 - e.lat0) * k < MIN_COMMUNE) small.set(c.districtCode, (small.get(c.districtCode) ?? 0) + 1);
  }
  const best = [...small].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? { districtCode: best[0], communes: b.communes.filter((c) => c.districtCode === best[0]) } : null;
}

const ringContour = (f: PanelFrame, ring: Ring): Contour => ring.flatMap(([lon, lat]) => project(f, lon, lat));

/** Commune borders and the heavier district and province borders, as segments in lon/lat. */
function borders(communes: CommuneShape[]): { thin: number[][]; heavy: number[][] } {
  const seen = new Map<string, { seg: number[]; districts: Set<string>; count: number }>();
  for (const c of communes) {
    for (const polygon of c.polygons) for (const ring of polygon) {
      for (let i = 0; i < ring.length; i++) {
        const [p, q] = [ring[i], ring[(i + 1) % ring.length]];
        if (p[0] === q[0] && p[1] === q[1]) continue;
        const key = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]) ? `${p}|${q}` : `${q}|${p}`;
        const s = seen.get(key) ?? { seg: [p[0], p[1], q[0], q[1]], districts: new Set<string>(), count: 0 };
        s.districts.add(c.districtCode);
        s.count++;
        seen.set(key, s);
      }
    }
  }
  const thin: number[][] = [];
  const heavy: number[][] = [];
  // A segment used once is on the province's edge; one shared across districts is a district border.
  for (const s of seen.values()) (s.count === 1 || s.districts.size > 1 ? heavy : thin).push(s.seg);
  return { thin, heavy };
}

/** The middle of the widest span inside the polygons along a few horizontal lines: a point surely inside, unlike a centroid. */
export function interiorPoint(contours: Contour[]): [number, number] {
  let [y0, y1] = [Infinity, -Infinity];
  for (const c of contours) for (let i = 1; i < c.length; i += 2) [y0, y1] = [Math.min(y0, c[i]), Math.max(y1, c[i])];
  let best: [number, number, number] = [contours[0][0], contours[0][1], -1];
  for (let s = 1; s < 16; s++) {
    const y = y0 + ((y1 - y0) * s) / 16;
    const xs: number[] = [];
    for (const c of contours) {
      for (let i = 0; i < c.length; i += 2) {
        const j = (i + 2) % c.length;
        const [ya, yb] = [c[i + 1], c[j + 1]];
        if ((ya <= y) !== (yb <= y)) xs.push(c[i] + ((y - ya) / (yb - ya)) * (c[j] - c[i]));
      }
    }
    xs.sort((a, b) => a - b);
    // Central lines are preferred a little: a wide span near the top or bottom edge is a sliver.
    const weight = 1 - Math.abs(s - 8) / 24;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = (xs[i + 1] - xs[i]) * weight;
      if (w > best[2]) best = [(xs[i] + xs[i + 1]) / 2, y, w];
    }
  }
  return [best[0], best[1]];
}

function circle(cx: number, cy: number, r: number): Contour {
  return Array.from({ length: 20 }, (_, i) => [cx + r * Math.cos((i * Math.PI) / 10), cy + r * Math.sin((i * Math.PI) / 10)]).flat();
}

function triangle(cx: number, cy: number, r: number): Contour {
  return [cx, cy - r * 1.15, cx + r, cy + r * 0.65, cx - r, cy + r * 0.65];
}

/** A marker: black on a white ring, so that it shows on any fill. Returns the box it covers. */
function marker(cv: Canvas, kind: Mark, x: number, y: number): Box {
  const r = 2.3;
  const shape = kind === 'held-green' ? circle : triangle;
  cv.fill([shape(x, y, r + 0.9)], () => [255, 255, 255]);
  cv.fill([shape(x, y, r)], () => [0, 0, 0]);
  const R = (r + 0.9) * 1.2;
  return [x - R, y - R, x + R, y + R];
}

function fillOf(zones: Map<string, MapZone>, code: string | null | undefined): Fill {
  const z = code ? zones.get(code) : undefined;
  return z ? { color: z.color, pattern: zonePattern(z.rank) } : NO_DATA_FILL;
}

/** The communes rasterised once for the first panel's frame, and where each one's marker goes. */
interface Layer {
  communes: CommuneShape[];
  fills: (Coverage | null)[];
  thin: Coverage | null;
  heavy: Coverage | null;
  anchors: [number, number][];
}

function layer(cv: Canvas, communes: CommuneShape[], f: PanelFrame): Layer {
  const lines = borders(communes);
  const seg = (s: number[]) => [...project(f, s[0], s[1]), ...project(f, s[2], s[3])];
  return {
    communes,
    fills: communes.map((c) => cv.coverage(c.polygons.flatMap((p) => p.map((r) => ringContour(f, r))))),
    thin: cv.coverage(Canvas.strokeContours(lines.thin.map(seg), 0.35)),
    heavy: cv.coverage(Canvas.strokeContours(lines.heavy.map(seg), 1.1)),
    anchors: communes.map((c) => interiorPoint([c.polygons.map((p) => ringContour(f, p[0])).sort((a, b) => b.length - a.length)[0]])),
  };
}

/** One panel's communes filled by zone, their borders and markers, `dx` image pixels right of the layer; returns the boxes the markers cover. */
function drawCommunes(cv: Canvas, input: MapInput, l: Layer, dx: number, panel: MapPanel): Box[] {
  const zones = new Map(input.zones.map((z) => [z.code, z]));
  l.communes.forEach((c, i) => cv.blend(l.fills[i], paintOf(fillOf(zones, panel.zoneOf.get(c.code)), cv.scale), dx));
  cv.blend(l.thin, () => COMMUNE_LINE, dx);
  cv.blend(l.heavy, () => DISTRICT_LINE, dx);
  const covered: Box[] = [];
  l.communes.forEach((c, i) => {
    const mark = panel.marks?.get(c.code);
    if (mark) covered.push(marker(cv, mark, l.anchors[i][0] + dx / cv.scale, l.anchors[i][1]));
  });
  return covered;
}

/** A 1:… bar of a round number of km about a fifth of a panel wide, in alternating black and white halves. */
function scaleBar(cv: Canvas, x: number, y: number, pxPerKm: number, maxWidth: number): void {
  const target = maxWidth / pxPerKm;
  const p = 10 ** Math.floor(Math.log10(target));
  const km = [5, 2, 1].map((m) => m * p).find((v) => v <= target) ?? p;
  const w = km * pxPerKm;
  cv.rect(x, y, w / 2, 4, () => [0, 0, 0]);
  cv.frame(x, y, w, 4, 0.6, [0, 0, 0]);
  for (const [t, at] of [['0', x], [String(km / 2), x + w / 2], [`${km} km`, x + w]] as const) {
    cv.text({ x: at, y: y - 3, text: t, size: 10, anchor: t === '0' ? 'middle' : t.endsWith('km') ? 'start' : 'middle' });
  }
}

function northArrow(cv: Canvas, x: number, y: number, letter: string): void {
  cv.fill([[x, y, x + 5, y + 16, x, y + 12]], () => [0, 0, 0]);
  cv.fill([[x, y, x, y + 12, x - 5, y + 16]], () => [255, 255, 255]);
  cv.stroke([[x, y, x - 5, y + 16], [x - 5, y + 16, x, y + 12]], 0.6, [0, 0, 0]);
  cv.text({ x, y: y - 2, text: letter, size: 11, anchor: 'middle', bold: true });
}

/** Zone swatches, then the markers, the scale bar and the north arrow; returns the height used. */
function legend(cv: Canvas, input: MapInput, top: number, frame: PanelFrame, panelWidth: number): number {
  const items: { label: string; fill: Fill }[] = [
    ...input.zones.map((z) => ({ label: z.label, fill: { color: z.color, pattern: zonePattern(z.rank) } })),
    { label: input.words.noData, fill: NO_DATA_FILL },
  ];
  let x = 4;
  for (const it of items) {
    cv.rect(x, top, 18, 12, paintOf(it.fill, cv.scale));
    cv.frame(x, top, 18, 12, 0.6, [64, 64, 64]);
    cv.text({ x: x + 22, y: top + 10, text: it.label, size: 11, anchor: 'start' });
    x += 22 + textWidth(it.label, 11) + 14;
  }
  const row = top + 24;
  marker(cv, 'held-green', 10, row);
  cv.text({ x: 17, y: row + 4, text: input.words.heldGreen, size: 11, anchor: 'start' });
  const x2 = 17 + textWidth(input.words.heldGreen, 11) + 16;
  marker(cv, 'improved', x2, row);
  cv.text({ x: x2 + 7, y: row + 4, text: input.words.improved, size: 11, anchor: 'start' });
  const pxPerKm = frame.k / KM_PER_DEGREE;
  const barLeft = Math.max(x2 + 7 + textWidth(input.words.improved, 11) + 24, WIDTH - 150);
  scaleBar(cv, barLeft, row - 1, pxPerKm, Math.min(panelWidth / 4, WIDTH - 40 - barLeft - 30));
  northArrow(cv, WIDTH - 12, top + 8, input.words.north);
  return 38;
}

/** The map as a PNG, with what a test needs to find each commune in it. */
export function provinceMap(input: MapInput): ProvinceMap {
  const b = input.boundaries;
  const e = extent(b.communes);
  const cosLat = Math.cos((((e.lat0 + e.lat1) / 2) * Math.PI) / 180);
  const count = input.panels.length;
  const panelWidth = (WIDTH - GAP * (count - 1)) / count;
  const main = fitScale(b.communes, cosLat, panelWidth, MAX_MAP_HEIGHT);
  const inset = insetDistrict(b, cosLat, main.k);
  const insetFit = inset && fitScale(inset.communes, cosLat, panelWidth * 0.7, MAX_INSET_HEIGHT);
  const insetTop = TITLE + main.height + 4;
  const legendTop = insetTop + (insetFit ? INSET_TITLE + insetFit.height + 6 : 0) + 8;
  const height = Math.ceil(legendTop + 40);
  const cv = new Canvas(WIDTH, height, MAP_SCALE);
  // Every panel shows the same shapes: rasterised once, moved by a whole number of image pixels.
  const f0 = frameIn(b.communes, cosLat, main.k, 0, TITLE, panelWidth);
  const d = inset && extent(inset.communes);
  const insetWidth = d && insetFit ? (d.lon1 - d.lon0) * cosLat * insetFit.k + 2 * PAD : 0;
  const insetLeft = (panelWidth - insetWidth) / 2;
  const fi0 = inset && insetFit ? frameIn(inset.communes, cosLat, insetFit.k, insetLeft, insetTop + INSET_TITLE, insetWidth) : null;
  const mainLayer = layer(cv, b.communes, f0);
  const insetLayer = inset && fi0 ? layer(cv, inset.communes, fi0) : null;
  const frames: PanelFrame[] = [];
  const insetFrames: PanelFrame[] = [];
  const covered = input.panels.map((panel, i) => {
    const dx = Math.round(i * (panelWidth + GAP) * MAP_SCALE);
    const left = dx / MAP_SCALE;
    cv.text({ x: left + panelWidth / 2, y: 15, text: panel.title, size: 13, anchor: 'middle', bold: true });
    const f = { ...f0, left: f0.left + left };
    frames.push(f);
    const boxes = drawCommunes(cv, input, mainLayer, dx, panel);
    if (!d || !insetFit || !fi0 || !insetLayer) return boxes;
    // Where the enlarged district lies on the main map, and the district itself under the panel.
    const [x0, y0] = project(f, d.lon0, d.lat1);
    const [x1, y1] = project(f, d.lon1, d.lat0);
    cv.frame(x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4, 0.6, [0, 0, 0]);
    cv.text({ x: left + insetLeft, y: insetTop + 11, text: input.words.insetTitle(inset!.districtCode), size: 11, anchor: 'start' });
    insetFrames.push({ ...fi0, left: fi0.left + left });
    const more = drawCommunes(cv, input, insetLayer, dx, panel);
    cv.frame(left + insetLeft, insetTop + INSET_TITLE, insetWidth, insetFit.height, 0.6, [0, 0, 0]);
    return [...boxes, ...more];
  });
  legend(cv, input, legendTop, frames[0], panelWidth);
  return {
    png: cv.png(), width: WIDTH, height, scale: MAP_SCALE, frames, covered,
    inset: inset && insetFrames.length ? { districtCode: inset.districtCode, frames: insetFrames } : null,
  };
}
