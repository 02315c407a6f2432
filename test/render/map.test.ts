// The province map: the bundled boundary file against the register, mismatches named, and the PNG's
// colour inside every commune equal to the zone compiled for it (sampled at a point found by scanlines).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileResults } from '../../src/compile/index.js';
import type { Results } from '../../src/compile/types.js';
import { ThiduaError } from '../../src/core/errors.js';
import { loadBoundaries, type Boundaries, type Ring } from '../../src/data/boundaries.js';
import { NO_DATA_COLOR } from '../../src/render/chart.js';
import { project, provinceMap, type PanelFrame } from '../../src/render/map.js';
import { buildRegistry } from '../../src/data/registry.js';
import { mapOf } from '../../src/render/report/figures.js';
import { assess, plan, registry, submitted } from '../compile/helpers.js';
import { decodePng, type DecodedPng } from './png.js';

const GEOJSON = plan.boundaries!;

describe('the bundled boundary file', () => {
  it('is named by the plan and has exactly one polygon for every commune of the register, and nothing else', () => {
    expect(GEOJSON).toMatch(/templates\/registry\/soc-trang-2021-communes\.geojson$/);
    const raw = JSON.parse(readFileSync(GEOJSON, 'utf8')) as { features: { properties: { code: string }; geometry: { type: string } }[] };
    const codes = raw.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...registry.communes.keys()].sort());
    expect(raw.features.every((f) => f.geometry.type === 'Polygon')).toBe(true);
    const b = loadBoundaries(GEOJSON, registry);
    expect(b.communes).toHaveLength(109);
    expect(b.communes.every((c) => c.polygons.length === 1)).toBe(true);
  });

  it('is the shared data file, copied byte for byte, with its attribution carried', () => {
    const here = readFileSync(GEOJSON);
    const readme = readFileSync(new URL('../../templates/registry/README.md', import.meta.url), 'utf8');
    expect(readme).toContain('vietnam63');
    expect(readme).toContain('Marc Choisy');
    expect(readme).toContain('MIT');
    // 86 KB, 109 features: a retyped or re-serialised file would differ in size.
    expect(here.length).toBeGreaterThan(80_000);
  });
});

describe('a boundary file that does not match the register', () => {
  it('is refused with one message listing the missing, unknown and repeated codes (exit 2)', () => {
    const raw = JSON.parse(readFileSync(GEOJSON, 'utf8')) as { features: { properties: { code: string } }[] };
    const [first, second, ...rest] = raw.features;
    const unknown = { ...rest[0], properties: { ...rest[0].properties, code: '99999' } };
    const broken = { ...raw, features: [second, second, unknown, ...rest] };
    const path = join(mkdtempSync(join(tmpdir(), 'thidua-map-')), 'bad.geojson');
    writeFileSync(path, JSON.stringify(broken));
    let error: unknown;
    try {
      loadBoundaries(path, registry);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThiduaError);
    const e = error as ThiduaError;
    expect(e.exitCode).toBe(2);
    expect(e.text.vi).toContain(`thiếu xã của danh mục (1): ${first.properties.code}`);
    expect(e.text.vi).toContain('mã không có trong danh mục (1): 99999');
    expect(e.text.vi).toContain(`mã có nhiều hơn một vùng: ${second.properties.code}`);
    expect(e.text.en).toContain(`communes of the register missing from the file (1): ${first.properties.code}`);
    expect(e.text.vi).toContain('"boundaries"');
  });

  it('is refused when it is not GeoJSON at all', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'thidua-map-')), 'x.geojson');
    writeFileSync(path, '{"type":"Feature"}');
    expect(() => loadBoundaries(path, registry)).toThrow(/FeatureCollection/);
  });
});

/** Every commune gets a start and end zone by its position, some none at all, so that all zones and "no data" show. */
function variedResults(): Results {
  const zones = ['xanh', 'vang', 'cam', 'do'];
  const codes = [...registry.communes.keys()].sort();
  const assessments = codes.flatMap((c, i) =>
    i % 11 === 5 ? [] : [assess(c, '2021-08-15', zones[i % 4]), assess(c, '2021-08-25', zones[(i * 3 + 1) % 4])],
  );
  return compileResults({
    plan, registry, period: plan.period, assessments, indicators: [], difficulties: [],
    districts: [...registry.districts.keys()].map((d) => submitted(d)),
  });
}

/** Ray crossings of the rings with the horizontal line `y` (PNG pixels). */
function crossings(rings: number[][], y: number): number[] {
  const xs: number[] = [];
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      const j = (i + 2) % r.length;
      if ((r[i + 1] <= y) !== (r[j + 1] <= y)) xs.push(r[i] + ((y - r[i + 1]) / (r[j + 1] - r[i + 1])) * (r[j] - r[i]));
    }
  }
  return xs.sort((a, b) => a - b);
}

function distanceToEdges(rings: number[][], x: number, y: number): number {
  let d = Infinity;
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      const j = (i + 2) % r.length;
      const [ax, ay, bx, by] = [r[i], r[i + 1], r[j], r[j + 1]];
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
      d = Math.min(d, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
    }
  }
  return d;
}

/**
 * A pixel surely inside the commune, away from its borders and from the markers: the middle of an
 * inside span on some pixel row (even-odd), at least 3.5 px from every edge. The widest such span wins.
 */
function interiorPixel(rings: number[][], avoid: number[][]): [number, number] | null {
  const ys = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
  let best: [number, number, number] | null = null;
  for (let y = Math.ceil(Math.min(...ys)); y < Math.max(...ys); y++) {
    const xs = crossings(rings, y + 0.5);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const x = Math.floor((xs[i] + xs[i + 1]) / 2);
      const width = xs[i + 1] - xs[i];
      if (best && width <= best[2]) continue;
      if (distanceToEdges(rings, x + 0.5, y + 0.5) < 3.5) continue;
      if (avoid.some(([x0, y0, x1, y1]) => x + 3 > x0 && x - 3 < x1 && y + 3 > y0 && y - 3 < y1)) continue;
      best = [x, y, width];
    }
  }
  return best && [best[0], best[1]];
}

/** The most frequent colour in the 7×7 window: the fill, whatever pattern strokes cross it. */
function fillAround(png: DecodedPng, x: number, y: number): string {
  const seen = new Map<string, number>();
  for (let j = -3; j <= 3; j++) for (let i = -3; i <= 3; i++) seen.set(png.pixel(x + i, y + j), (seen.get(png.pixel(x + i, y + j)) ?? 0) + 1);
  return [...seen].sort((a, b) => b[1] - a[1])[0][0];
}

function ringsInPixels(frame: PanelFrame, scale: number, polygons: Ring[][]): number[][] {
  return polygons.flatMap((p) => p.map((r) => r.flatMap(([lon, lat]) => project(frame, lon, lat).map((v) => v * scale))));
}

describe('the province map', () => {
  const boundaries: Boundaries = loadBoundaries(GEOJSON, registry);
  const results = variedResults();
  const map = mapOf(plan, results, boundaries);
  const png = decodePng(map.png);
  const colorOf = new Map(plan.zoneScale.zones.map((z) => [z.code, z.color.toUpperCase()]));

  it('enlarges the district whose communes are too small on the main map (TP Sóc Trăng)', () => {
    expect(map.inset?.districtCode).toBe('941');
    expect(map.inset?.frames).toHaveLength(2);
    expect(map.inset!.frames[0].k).toBeGreaterThan(2 * map.frames[0].k);
  });

  it('is a PNG of its display size times its scale, with the same bytes on every run', () => {
    expect(png.width).toBe(map.width * map.scale);
    expect(png.height).toBe(Math.round(map.height * map.scale));
    expect(mapOf(plan, results, boundaries).png.equals(map.png)).toBe(true);
  });

  it('colours every commune, in both panels, as its compiled zone at the start and at the end', () => {
    const byCode = new Map(results.communes.map((c) => [c.code, c]));
    const zonesSeen = new Set<string>();
    for (const [panel, end] of [[0, false], [1, true]] as const) {
      const avoid = map.covered[panel].map((b) => b.map((v) => v * map.scale));
      for (const c of boundaries.communes) {
        const status = end ? byCode.get(c.code)!.end : byCode.get(c.code)!.start;
        const expected = status ? colorOf.get(status.zone)! : NO_DATA_COLOR;
        // On the main map, and again in the enlarged district: a commune too small for the main map must be found there.
        const enlarged = map.inset?.districtCode === c.districtCode ? [map.inset.frames[panel]] : [];
        const points = [map.frames[panel], ...enlarged].map((f) => interiorPixel(ringsInPixels(f, map.scale, c.polygons), avoid));
        expect(points.some((p) => p !== null), `${c.code} ${end ? 'end' : 'start'}: no interior pixel found`).toBe(true);
        if (enlarged.length) expect(points[1], `${c.code}: not found in the enlarged district`).not.toBeNull();
        for (const at of points.filter((p) => p !== null)) {
          expect(fillAround(png, at[0], at[1]), `${c.code} ${end ? 'end' : 'start'} at ${at}`).toBe(expected);
        }
        zonesSeen.add(expected);
      }
    }
    expect(zonesSeen.size).toBe(5); // four zones and "no data" were all checked
  });

  it('marks, on the end panel only, each commune that held green or improved', () => {
    const qualifying = results.communes.filter((c) => c.category === 'held-green' || c.category === 'improved');
    expect(qualifying.length).toBeGreaterThan(0);
    expect(map.covered[0]).toHaveLength(0);
    const enlarged = qualifying.filter((c) => c.districtCode === map.inset?.districtCode);
    // One marker per qualifying commune on the main map, then again for those in the enlarged district.
    expect(map.covered[1]).toHaveLength(qualifying.length + enlarged.length);
    // Each marker is inside its commune's box on the end panel.
    const boxes = qualifying.map((c) => {
      const rings = ringsInPixels(map.frames[1], 1, boundaries.communes.find((b) => b.code === c.code)!.polygons);
      const xs = rings.flatMap((r) => r.filter((_, i) => i % 2 === 0));
      const ys = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    });
    map.covered[1].slice(0, qualifying.length).forEach(([x0, y0, x1, y1], i) => {
      const [bx0, by0, bx1, by1] = boxes[i];
      expect((x0 + x1) / 2).toBeGreaterThanOrEqual(bx0);
      expect((x0 + x1) / 2).toBeLessThanOrEqual(bx1);
      expect((y0 + y1) / 2).toBeGreaterThanOrEqual(by0);
      expect((y0 + y1) / 2).toBeLessThanOrEqual(by1);
    });
  });
});

describe('a boundary file of another shape', () => {
  it('reads MultiPolygons and holes whatever their winding, and leaves a hole unfilled', () => {
    const districts = new Map([['001', { code: '001', name: 'Huyện A', type: 'huyện' }]]);
    const communes = new Map([
      ['00001', { code: '00001', name: 'Xã Vành', type: 'xã', districtCode: '001' }],
      ['00002', { code: '00002', name: 'Xã Đảo', type: 'xã', districtCode: '001' }],
    ]);
    const reg = buildRegistry(districts, communes);
    // A square ring with a square hole, both written clockwise (against RFC 7946), and two islands.
    const ring = [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]], [[0.3, 0.3], [0.3, 0.7], [0.7, 0.7], [0.7, 0.3], [0.3, 0.3]]];
    const islands = [[[[1.2, 0], [1.5, 0], [1.5, 0.4], [1.2, 0.4]]], [[[1.2, 0.6], [1.5, 0.6], [1.5, 1], [1.2, 1]]]];
    const path = join(mkdtempSync(join(tmpdir(), 'thidua-map-')), 'a.geojson');
    writeFileSync(path, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '00001' }, geometry: { type: 'Polygon', coordinates: ring } },
        { type: 'Feature', properties: { code: '00002' }, geometry: { type: 'MultiPolygon', coordinates: islands } },
      ],
    }));
    const b = loadBoundaries(path, reg);
    expect(b.communes.map((c) => [c.code, c.polygons.length])).toEqual([['00001', 1], ['00002', 2]]);
    const zones = plan.zoneScale.zones.map((z) => ({ code: z.code, label: z.label, color: z.color, rank: z.rank }));
    const m = provinceMap({
      boundaries: b, zones,
      panels: [{ title: 'A', zoneOf: new Map([['00001', 'xanh'], ['00002', 'xanh']]) }, { title: 'B', zoneOf: new Map() }],
      words: { noData: '-', heldGreen: '-', improved: '-', north: 'B', insetTitle: () => '' },
    });
    const img = decodePng(m.png);
    const at = (lon: number, lat: number) => project(m.frames[0], lon, lat).map((v) => Math.floor(v * m.scale)) as [number, number];
    expect(img.pixel(...at(0.5, 0.5))).toBe('FFFFFF'); // the hole
    expect(img.pixel(...at(0.15, 0.5))).toBe('00B050'); // the ring
    expect(img.pixel(...at(1.35, 0.2))).toBe('00B050'); // both islands
    expect(img.pixel(...at(1.35, 0.8))).toBe('00B050');
    expect(img.pixel(...at(1.35, 0.5))).toBe('FFFFFF'); // the water between them
    expect(fillAround(img, ...at(0.15, 0.5))).toBe('00B050');
    expect(m.inset).toBeNull();
  });
});
