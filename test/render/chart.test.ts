// Tests for the zone charts: SVG content (labels, one rect per bar), PNG structure and pixel colours, determinism.
import { describe, expect, it } from 'vitest';
import {
  districtScene, districtZoneChart, encodePng, provinceScene, provinceZoneChart, tint, type ProvinceChartInput,
} from '../../src/render/chart.js';
import { decodePng } from './png.js';

const zones = [
  { code: 'xanh', label: 'Vùng xanh', color: '00B050' },
  { code: 'vang', label: 'Vùng vàng', color: 'FFFF00' },
  { code: 'cam', label: 'Vùng cam', color: 'FFC000' },
  { code: 'do', label: 'Vùng đỏ', color: 'FF0000' },
];

const input: ProvinceChartInput = {
  zones,
  start: [45, 30, 20, 14],
  end: [62, 25, 10, 4],
  noData: { start: 0, end: 8, label: 'Chưa có số liệu' },
  startLabel: 'Đầu kỳ (16/8)',
  endLabel: 'Cuối kỳ (25/8)',
};

describe('province chart', () => {
  it('draws one rect per bar, in the zone colours, with the labels', () => {
    const chart = provinceZoneChart(input);
    const bars = chart.svg.match(/<rect class="bar"[^>]*>/g) ?? [];
    expect(bars).toHaveLength(2 * 5); // four zones and "Chưa có số liệu", start and end
    expect(bars.filter((b) => b.includes('fill="#00B050"'))).toHaveLength(1); // the end bar
    expect(bars.filter((b) => b.includes('url(#hatch-00B050)'))).toHaveLength(1); // the start bar
    for (const text of ['Vùng xanh', 'Vùng đỏ', 'Chưa có số liệu', 'Đầu kỳ (16/8)', 'Cuối kỳ (25/8)', '>62<', '>45<']) {
      expect(chart.svg).toContain(text);
    }
    expect(chart.svg).toContain('font-family="Times New Roman');
  });

  it('leaves out the no-data group when every commune has a status', () => {
    const svg = provinceZoneChart({ ...input, noData: { start: 0, end: 0, label: 'Chưa có số liệu' } }).svg;
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(8);
    expect(svg).not.toContain('>Chưa có số liệu<');
  });

  it('renders a PNG of twice the size whose bar pixels have the zone colour', () => {
    const chart = provinceZoneChart(input);
    const png = decodePng(chart.png);
    expect(png.width).toBe(chart.width * 2);
    expect(png.height).toBe(chart.height * 2);
    const scene = provinceScene(input);
    const bars = scene.rects.filter((r) => r.role === 'bar');
    const greenEnd = bars.find((r) => r.fill === '00B050' && !r.hatch)!;
    const cx = Math.round((greenEnd.x + greenEnd.w / 2) * 2);
    const cy = Math.round((greenEnd.y + greenEnd.h * 0.75) * 2);
    expect(png.pixel(cx, cy)).toBe('00B050');
    const redStart = bars.find((r) => r.fill === 'FF0000' && r.hatch)!;
    const seen = new Set<string>();
    for (let d = 0; d < 12; d++) seen.add(png.pixel(Math.round((redStart.x + 4) * 2) + d, Math.round((redStart.y + redStart.h / 2) * 2)));
    expect(seen).toEqual(new Set(['FF0000', tint('FF0000', 0.6)])); // hatched: stripes of the colour on its tint
    expect(png.pixel(1, 1)).toBe('FFFFFF');
  });

  it('gives the same bytes for the same input', () => {
    const a = provinceZoneChart(input);
    const b = provinceZoneChart(JSON.parse(JSON.stringify(input)) as ProvinceChartInput);
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.svg).toBe(b.svg);
  });
});

describe('district chart', () => {
  const districts = [
    { name: 'Kế Sách', start: [5, 3, 2, 1], end: [8, 2, 1, 0], noDataStart: 0, noDataEnd: 0 },
    { name: 'TP. Sóc Trăng', start: [0, 0, 0, 0], end: [0, 0, 0, 0], noDataStart: 10, noDataEnd: 10 },
  ];
  const dInput = { zones, districts, startLabel: 'Đầu kỳ', endLabel: 'Cuối kỳ', noDataLabel: 'Chưa có số liệu' };

  it('stacks one segment per non-empty zone count, start and end, with the district names', () => {
    const chart = districtZoneChart(dInput);
    // Kế Sách: 4 start segments + 3 end segments; Sóc Trăng: one grey segment each.
    expect(chart.svg.match(/<rect class="bar"/g)).toHaveLength(4 + 3 + 2);
    expect(chart.svg).toContain('>Kế Sách<');
    expect(chart.svg).toContain('>TP. Sóc Trăng<');
    expect(districtScene(dInput).height).toBeGreaterThan(districtScene({ ...dInput, districts: districts.slice(0, 1) }).height);
    const png = decodePng(chart.png);
    expect([png.width, png.height]).toEqual([chart.width * 2, chart.height * 2]);
  });
});

describe('encodePng', () => {
  it('writes IHDR with the size and refuses a buffer of the wrong length', () => {
    const rgba = new Uint8Array(3 * 2 * 4).fill(255);
    const png = decodePng(encodePng(3, 2, rgba));
    expect([png.width, png.height]).toEqual([3, 2]);
    expect(() => encodePng(3, 3, rgba)).toThrow();
  });
});
