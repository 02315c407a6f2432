// The campaign's course as a picture ("Diễn biến"): one stacked bar per assessment date, communes per
// zone in the zone's colour and pattern (as on the map), no data on top, a line at half the communes.
import { Canvas, NO_DATA_FILL, paintOf, zonePattern, type Fill } from './canvas.js';
import { niceStep } from './chart.js';
import { textWidth } from './chartText.js';
import type { MapZone } from './map.js';

export interface CourseChartInput {
  zones: MapZone[];
  communeCount: number;
  days: { label: string; byZone: number[]; noData: number }[];
  noDataLabel: string;
  axisLabel: string;
  halfLabel: string;
}

export interface CourseChart {
  png: Buffer;
  width: number;
  height: number;
  scale: number;
  /** Each bar's segments as drawn, bottom to top (CSS px): for tests. */
  bars: { x: number; w: number; segments: { fill: Fill; count: number; y: number; h: number }[] }[];
}

export const COURSE_SCALE = 3;
const WIDTH = 600;
const HEIGHT = 270;
const GRID: [number, number, number] = [217, 217, 217];
const AXIS: [number, number, number] = [64, 64, 64];

function legend(cv: Canvas, items: { label: string; fill: Fill }[], y: number): void {
  const widths = items.map((i) => 22 + textWidth(i.label, 11) + 14);
  let x = WIDTH - 8 - widths.reduce((a, b) => a + b, 0);
  items.forEach((it, k) => {
    cv.rect(x, y, 18, 12, paintOf(it.fill, cv.scale));
    cv.frame(x, y, 18, 12, 0.6, AXIS);
    cv.text({ x: x + 22, y: y + 10, text: it.label, size: 11, anchor: 'start' });
    x += widths[k];
  });
}

/** Every n-th date is labelled so that labels do not collide. */
function labelEvery(slot: number): number {
  return Math.max(1, Math.ceil(32 / Math.max(1, slot)));
}

export function courseChart(input: CourseChartInput): CourseChart {
  const cv = new Canvas(WIDTH, HEIGHT, COURSE_SCALE);
  const plot = { x: 44, y: 40, w: WIDTH - 44 - 36, h: HEIGHT - 40 - 34 };
  const fills: Fill[] = [...input.zones.map((z) => ({ color: z.color, pattern: zonePattern(z.rank) })), NO_DATA_FILL];
  legend(cv, [...input.zones.map((z, i) => ({ label: z.label, fill: fills[i] })), { label: input.noDataLabel, fill: NO_DATA_FILL }], 8);
  cv.text({ x: 4, y: 24, text: input.axisLabel, size: 11, anchor: 'start' });
  const max = Math.max(1, input.communeCount, ...input.days.map((d) => d.byZone.reduce((a, b) => a + b, d.noData)));
  const step = niceStep(max, 6);
  const top = Math.ceil(max / step) * step;
  const yOf = (v: number) => plot.y + plot.h - (v / top) * plot.h;
  for (let v = 0; v <= top; v += step) {
    if (v > 0) cv.rect(plot.x, yOf(v) - 0.25, plot.w, 0.5, () => GRID);
    cv.text({ x: plot.x - 5, y: yOf(v) + 4, text: String(v), size: 11, anchor: 'end' });
  }
  const slot = plot.w / Math.max(1, input.days.length);
  const bw = Math.min(46, slot * 0.7);
  const every = labelEvery(slot);
  const bars: CourseChart['bars'] = [];
  input.days.forEach((d, i) => {
    const x = plot.x + slot * i + (slot - bw) / 2;
    let base = 0;
    const segments: CourseChart['bars'][number]['segments'] = [];
    [...d.byZone, d.noData].forEach((count, k) => {
      if (count <= 0) return;
      const [y, h] = [yOf(base + count), (count / top) * plot.h];
      cv.rect(x, y, bw, h, paintOf(fills[k], cv.scale));
      cv.frame(x, y, bw, h, 0.5, AXIS);
      segments.push({ fill: fills[k], count, y, h });
      base += count;
    });
    // Counts on a white patch, so that they read on any pattern.
    for (const s of segments) {
      if (s.h < 11 || bw < 14) {
        // Too thin to hold its number: it stands beside the bar, unless bars are too close for it.
        if (slot - bw >= 14) cv.text({ x: x + bw + 2, y: s.y + s.h / 2 + 3.5, text: String(s.count), size: 9, anchor: 'start', bold: true });
        continue;
      }
      const tw = textWidth(String(s.count), 10, true) + 4;
      cv.rect(x + (bw - tw) / 2, s.y + s.h / 2 - 6, tw, 11, () => [255, 255, 255]);
      cv.text({ x: x + bw / 2, y: s.y + s.h / 2 + 3.5, text: String(s.count), size: 10, anchor: 'middle', bold: true });
    }
    bars.push({ x, w: bw, segments });
    if (i % every === 0 || i === input.days.length - 1) cv.text({ x: x + bw / 2, y: plot.y + plot.h + 16, text: d.label, size: 11, anchor: 'middle' });
  });
  const half = yOf(input.communeCount / 2);
  const dashes = Array.from({ length: Math.ceil(plot.w / 8) }, (_, i) => [plot.x + i * 8, half, Math.min(plot.x + plot.w, plot.x + i * 8 + 5), half]);
  cv.stroke(dashes, 1.2, [0, 0, 0]);
  cv.text({ x: plot.x + plot.w + 3, y: half + 3.5, text: input.halfLabel, size: 10, anchor: 'start', bold: true });
  cv.rect(plot.x, plot.y + plot.h, plot.w, 1, () => AXIS);
  cv.rect(plot.x - 1, plot.y, 1, plot.h + 1, () => AXIS);
  return { png: cv.png(), width: WIDTH, height: HEIGHT, scale: COURSE_SCALE, bars };
}
