// Commune boundaries for the province map: a GeoJSON FeatureCollection named by the plan
// ("boundaries"), one feature per commune keyed by its register code, checked against the register.
import { readFileSync } from 'node:fs';
import { usageError } from '../core/errors.js';
import type { Registry } from './registry.js';

/** A ring as [lon, lat] pairs (WGS84), closed or not. */
export type Ring = [number, number][];

/** One commune's area: polygons, each an exterior ring followed by its holes. */
export interface CommuneShape {
  code: string;
  districtCode: string;
  polygons: Ring[][];
}

export interface Boundaries {
  path: string;
  /** In the register's order: districts by code, communes by code. */
  communes: CommuneShape[];
}

/** How many mismatching codes a message names before it says "and N more". */
const LISTED = 20;

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

const isPoint = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

const isRing = (r: unknown): r is Ring => Array.isArray(r) && r.length >= 3 && r.every(isPoint);

function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [p, q] = [ring[i], ring[(i + 1) % ring.length]];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/** Exterior rings one way round and holes the other, whatever the file says: the map fills by the non-zero rule. */
function oriented(polygon: Ring[]): Ring[] {
  return polygon.map((ring, i) => ((signedArea(ring) < 0) === (i === 0) ? [...ring].reverse() : ring));
}

function polygonsOf(geometry: Feature['geometry']): Ring[][] | null {
  if (!geometry) return null;
  const c = geometry.coordinates;
  const polygon = (p: unknown): p is Ring[] => Array.isArray(p) && p.length > 0 && p.every(isRing);
  if (geometry.type === 'Polygon' && polygon(c)) return [c.map((r) => r.map(([x, y]) => [x, y] as [number, number]))];
  if (geometry.type === 'MultiPolygon' && Array.isArray(c) && c.length > 0 && c.every(polygon)) {
    return (c as Ring[][]).map((p) => p.map((r) => r.map(([x, y]) => [x, y] as [number, number])));
  }
  return null;
}

function listed(codes: string[]): string {
  const head = codes.slice(0, LISTED).join(', ');
  return codes.length > LISTED ? `${head} (+${codes.length - LISTED})` : head;
}

function readFeatures(path: string): Feature[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw usageError(`Không đọc được tệp ranh giới xã ${path}: ${(e as Error).message}`, `Cannot read the boundary file ${path}: ${(e as Error).message}`);
  }
  const features = (raw as { type?: unknown; features?: unknown } | null)?.features;
  if ((raw as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw usageError(`Tệp ranh giới xã ${path} không phải GeoJSON FeatureCollection.`, `The boundary file ${path} is not a GeoJSON FeatureCollection.`);
  }
  return features as Feature[];
}

/**
 * The boundary file's communes, checked against the register: every commune of the register has
 * exactly one feature with a Polygon or MultiPolygon, and every feature's code is in the register.
 * Anything else is one message listing every mismatch (the map would silently miss communes).
 */
export function loadBoundaries(path: string, registry: Registry): Boundaries {
  const byCode = new Map<string, Ring[][]>();
  const duplicated = new Set<string>();
  const unknown: string[] = [];
  const noCode: number[] = [];
  const badGeometry: string[] = [];
  readFeatures(path).forEach((f, i) => {
    const code = f?.properties?.code;
    const text = typeof code === 'number' ? String(code) : typeof code === 'string' ? code.trim() : '';
    if (text === '') return void noCode.push(i + 1);
    if (!registry.communes.has(text)) return void unknown.push(text);
    if (byCode.has(text)) return void duplicated.add(text);
    const polygons = polygonsOf(f.geometry);
    if (!polygons) badGeometry.push(text);
    byCode.set(text, (polygons ?? []).map(oriented));
  });
  const missing = [...registry.communes.keys()].filter((c) => !byCode.has(c)).sort();
  const problems: { vi: string; en: string }[] = [];
  if (missing.length) problems.push({ vi: `thiếu xã của danh mục (${missing.length}): ${listed(missing)}`, en: `communes of the register missing from the file (${missing.length}): ${listed(missing)}` });
  if (unknown.length) problems.push({ vi: `mã không có trong danh mục (${unknown.length}): ${listed(unknown)}`, en: `codes not in the register (${unknown.length}): ${listed(unknown)}` });
  if (duplicated.size) problems.push({ vi: `mã có nhiều hơn một vùng: ${listed([...duplicated])}`, en: `codes with more than one feature: ${listed([...duplicated])}` });
  if (badGeometry.length) problems.push({ vi: `mã không có Polygon/MultiPolygon hợp lệ: ${listed(badGeometry)}`, en: `codes without a valid Polygon/MultiPolygon: ${listed(badGeometry)}` });
  if (noCode.length) problems.push({ vi: `${noCode.length} vùng không có "properties.code" (vùng thứ ${listed(noCode.map(String))})`, en: `${noCode.length} features lack "properties.code" (feature ${listed(noCode.map(String))})` });
  if (problems.length) {
    throw usageError(
      `Tệp ranh giới xã ${path} không khớp danh mục đơn vị hành chính: ${problems.map((p) => p.vi).join('; ')}. ` +
        `Hãy dùng tệp ranh giới đúng với danh mục, hoặc bỏ khóa "boundaries" khỏi tệp kế hoạch để báo cáo không có bản đồ.`,
      `The boundary file ${path} does not match the register: ${problems.map((p) => p.en).join('; ')}. ` +
        `Use a boundary file that matches the register, or remove "boundaries" from the plan file to report without a map.`,
    );
  }
  const communes = [...registry.districts.keys()]
    .sort()
    .flatMap((dc) => registry.communesOf(dc).map((c) => c.code).sort())
    .map((code) => ({ code, districtCode: registry.communes.get(code)!.districtCode, polygons: byCode.get(code)! }));
  return { path, communes };
}
