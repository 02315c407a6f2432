// Tests for the text in the chart PNGs: ink inside the label's box and none outside, width, anchoring, Vietnamese marks, determinism.
import { describe, expect, it } from 'vitest';
import { encodePng, provinceScene, provinceZoneChart, rasterise, type ProvinceChartInput } from '../../src/render/chart.js';
import { drawText, textWidth, type TextRun } from '../../src/render/chartText.js';
import { decodePng, type DecodedPng } from './png.js';

const W = 240;
const H = 48;
const BASELINE = 32;
const SIZE = 24;

/** The run drawn in black on a white W×H image, through encodePng and back. */
function render(run: Partial<TextRun> & { text: string }): DecodedPng {
  const img = { width: W, height: H, rgba: new Uint8Array(W * H * 4).fill(255) };
  drawText(img, { x: 20, y: BASELINE, size: SIZE, anchor: 'start', ...run }, [0, 0, 0]);
  return decodePng(encodePng(W, H, img.rgba));
}

/** Pixels darker than `threshold` in their darkest channel, within [x0, x1) × [y0, y1). */
function ink(png: DecodedPng, box = { x0: 0, y0: 0, x1: png.width, y1: png.height }, threshold = 128): { x: number; y: number }[] {
  const found: { x: number; y: number }[] = [];
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (png.level(x, y) < threshold) found.push({ x, y });
  return found;
}

const inkedColumns = (png: DecodedPng) => new Set(ink(png).map((p) => p.x)).size;

describe('drawText', () => {
  it('puts dark pixels inside the label box and leaves the rest white', () => {
    const png = render({ text: 'Vùng xanh' });
    const width = textWidth('Vùng xanh', SIZE);
    expect(width).toBeGreaterThan(80);
    expect(width).toBeLessThan(110); // Times New Roman metrics: about 95 px at 24 px
    const box = { x0: 20, y0: BASELINE - SIZE, x1: Math.ceil(20 + width) + 1, y1: BASELINE + Math.ceil(SIZE * 0.3) };
    expect(ink(png, box, 40).length).toBeGreaterThan(150); // solid black stems, not just grey fringes
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const inside = x >= box.x0 - 1 && x < box.x1 && y >= box.y0 && y < box.y1;
        if (!inside) expect(png.pixel(x, y), `pixel ${x},${y}`).toBe('FFFFFF');
      }
    }
    const greys = ink(png, undefined, 250).length - ink(png, undefined, 5).length;
    expect(greys).toBeGreaterThan(20); // anti-aliased edges
  });

  it('covers more columns for a longer string', () => {
    expect(inkedColumns(render({ text: 'Vùng xanh' }))).toBeGreaterThan(inkedColumns(render({ text: 'Vùng' })) + 30);
  });

  it('centres the ink on x for anchor middle and ends it at x for anchor end', () => {
    const xs = (png: DecodedPng) => ink(png).map((p) => p.x);
    const middle = xs(render({ text: 'Vùng vàng', x: 120, anchor: 'middle' }));
    expect((Math.min(...middle) + Math.max(...middle)) / 2).toBeCloseTo(120, -0.5); // within 1.5 px
    const end = xs(render({ text: 'Vùng vàng', x: 200, anchor: 'end' }));
    expect(Math.max(...end)).toBeLessThanOrEqual(200);
    expect(Math.max(...end)).toBeGreaterThan(195);
  });

  it('draws Vietnamese marks: the dot under ạ, the same pixels for composed and decomposed input', () => {
    const below = (png: DecodedPng) => ink(png, { x0: 0, y0: BASELINE + 2, x1: W, y1: H }).length;
    expect(below(render({ text: 'a' }))).toBe(0);
    expect(below(render({ text: 'ạ' }))).toBeGreaterThanOrEqual(3);
    const top = (png: DecodedPng) => Math.min(...ink(png).map((p) => p.y));
    expect(top(render({ text: 'ê' }))).toBeLessThan(top(render({ text: 'e' })) - 3); // the circumflex
    const tofu = ink(render({ text: '\u0378' })); // unassigned: the font's missing-glyph box
    for (const ch of ['ạ', 'ế', 'ề', 'ồ', 'ữ', 'ỳ', 'đ', 'Đ', 'ư', 'ơ', 'ă']) expect(ink(render({ text: ch })), ch).not.toEqual(tofu);
    expect(ink(render({ text: 'ế' }))).not.toEqual(ink(render({ text: 'ê' })));
    const nfc = render({ text: 'Đầu kỳ, Vùng đỏ, ồ ữ' });
    const nfd = render({ text: 'Đầu kỳ, Vùng đỏ, ồ ữ'.normalize('NFD') });
    expect(ink(nfd, undefined, 250)).toEqual(ink(nfc, undefined, 250));
  });

  it('draws bold heavier than regular', () => {
    expect(ink(render({ text: '62', bold: true })).length).toBeGreaterThan(ink(render({ text: '62' })).length * 1.3);
  });

  it('gives the same pixels twice', () => {
    const a = render({ text: 'Chưa có số liệu', anchor: 'middle', x: 120 });
    const b = render({ text: 'Chưa có số liệu', anchor: 'middle', x: 120 });
    expect(ink(a, undefined, 255)).toEqual(ink(b, undefined, 255));
  });
});

describe('province chart PNG text', () => {
  const input: ProvinceChartInput = {
    zones: [
      { code: 'xanh', label: 'Vùng xanh', color: '00B050' },
      { code: 'do', label: 'Vùng đỏ', color: 'FF0000' },
    ],
    start: [45, 14],
    end: [62, 4],
    startLabel: 'Đầu kỳ',
    endLabel: 'Cuối kỳ',
  };

  it('has ink where the SVG puts the legend text and the zone names', () => {
    const scene = provinceScene(input);
    const png = decodePng(provinceZoneChart(input).png);
    const bare = rasterise({ ...scene, labels: [] });
    const bareLevel = (x: number, y: number) => Math.max(...bare.rgba.subarray((y * bare.width + x) * 4, (y * bare.width + x) * 4 + 3));
    for (const text of ['Đầu kỳ', 'Vùng đỏ', '62']) {
      const label = scene.labels.find((l) => l.text === text)!;
      const w = textWidth(text, label.size, label.bold) * 2;
      const x0 = Math.round(label.x * 2 - (label.anchor === 'middle' ? w / 2 : 0));
      const box = { x0, y0: Math.round((label.y - label.size) * 2), x1: Math.round(x0 + w), y1: Math.round((label.y + 3) * 2) };
      expect(ink(png, box).length, text).toBeGreaterThan(30);
      let bareInk = 0;
      for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (bareLevel(x, y) < 128) bareInk++;
      expect(bareInk, `${text} without labels`).toBe(0);
    }
  });

  it('gives the same bytes for the same input', () => {
    expect(provinceZoneChart(input).png.equals(provinceZoneChart(structuredClone(input)).png)).toBe(true);
  });
});
