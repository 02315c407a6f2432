// The register of administrative units (districts and communes), loaded from a CSV in
// templates/registry/, with the name matching SPEC §2.1 asks for.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Commune, District } from '../core/types.js';
import { editDistance, unitLooseKey, unitToneKey, unitTypeOf } from '../core/normalize.js';
import { usageError } from '../core/errors.js';
import { pushTo } from '../core/collections.js';

export type CommuneMatch =
  | { kind: 'found'; commune: Commune }
  | { kind: 'ambiguous'; communes: Commune[] }
  | { kind: 'none'; suggestion: Commune | null };

export interface Registry {
  districts: Map<string, District>;
  communes: Map<string, Commune>;
  communesOf(districtCode: string): Commune[];
  /** A commune by name, within a district when one is given (names repeat across districts). */
  findCommune(name: string, districtCode?: string | null): CommuneMatch;
  /** Does the typed name denote this commune? */
  nameMatches(name: string, commune: Commune): boolean;
  /** Is the typed name this commune's name with its diacritics (not only once they are stripped)? */
  tonesMatch(name: string, commune: Commune): boolean;
  /** The district named somewhere in a text ("UBND HUYỆN KẾ SÁCH"), if exactly one is. */
  findDistrictIn(text: string): District | null;
  nearestCode(code: string, districtCode?: string | null): Commune | null;
}

interface Row {
  level: string;
  code: string;
  name: string;
  type: string;
  district_code: string;
}

const REQUIRED = ['level', 'code', 'name', 'type', 'district_code'];

export function loadRegistry(path: string): Registry {
  let rows: Row[];
  try {
    rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw usageError(`Không đọc được danh mục đơn vị hành chính ${path}: ${(e as Error).message}`, `Cannot read the register ${path}: ${(e as Error).message}`);
  }
  const missing = REQUIRED.filter((c) => rows.length > 0 && !(c in rows[0]));
  if (rows.length === 0 || missing.length > 0) {
    throw usageError(`Danh mục ${path} thiếu cột: ${missing.join(', ') || 'không có dòng nào'}`, `Register ${path} lacks columns: ${missing.join(', ') || 'no rows'}`);
  }
  const districts = new Map<string, District>();
  const communes = new Map<string, Commune>();
  for (const r of rows) {
    const name = r.name.normalize('NFC');
    if (r.level === 'district') districts.set(r.code, { code: r.code, name, type: r.type.normalize('NFC') });
    else if (r.level === 'commune') communes.set(r.code, { code: r.code, name, type: r.type.normalize('NFC'), districtCode: r.district_code });
  }
  return buildRegistry(districts, communes);
}


export function buildRegistry(districts: Map<string, District>, communes: Map<string, Commune>): Registry {
  const byDistrict = new Map<string, Commune[]>();
  const byTone = new Map<string, Commune[]>();
  const byLoose = new Map<string, Commune[]>();
  const toneKeyOf = new Map<string, string>();
  const looseKeyOf = new Map<string, string>();
  for (const c of communes.values()) {
    pushTo(byDistrict, c.districtCode, c);
    const tk = unitToneKey(c.name);
    const lk = unitLooseKey(c.name);
    toneKeyOf.set(c.code, tk);
    looseKeyOf.set(c.code, lk);
    pushTo(byTone, tk, c);
    pushTo(byLoose, lk, c);
  }
  const districtKeys = [...districts.values()].map((d) => ({ d, key: unitLooseKey(d.name) }));
  // A name key is cached per distinct typed string: the same names recur on every row.
  const keyCache = new Map<string, [string, string, string | null]>();
  const keysOf = (name: string): [string, string, string | null] => {
    let k = keyCache.get(name);
    if (!k) {
      k = [unitToneKey(name), unitLooseKey(name), unitTypeOf(name)];
      if (keyCache.size < 100_000) keyCache.set(name, k);
    }
    return k;
  };
  const inDistrict = (list: Commune[] | undefined, dc?: string | null) => (list ?? []).filter((c) => !dc || c.districtCode === dc);

  const suggest = (name: string, dc?: string | null): Commune | null => {
    const [, lk] = keysOf(name);
    let best: Commune | null = null;
    let bestD = Infinity;
    const pool = dc && byDistrict.has(dc) ? byDistrict.get(dc)! : [...communes.values()];
    for (const c of pool) {
      const d = editDistance(lk, looseKeyOf.get(c.code)!);
      if (d < bestD) [best, bestD] = [c, d];
    }
    return best && bestD <= Math.max(2, Math.floor(lk.length / 3)) ? best : null;
  };

  return {
    districts,
    communes,
    communesOf: (dc) => byDistrict.get(dc) ?? [],
    findCommune(name, dc) {
      const [tk, lk] = keysOf(name);
      for (const candidates of [inDistrict(byTone.get(tk), dc), inDistrict(byLoose.get(lk), dc)]) {
        if (candidates.length === 1) return { kind: 'found', commune: candidates[0] };
        if (candidates.length > 1) {
          // "Xã Long Phú" and "Thị trấn Long Phú" share a name: the typed prefix decides.
          const type = keysOf(name)[2];
          const typed = candidates.filter((c) => c.type === type);
          if (typed.length === 1) return { kind: 'found', commune: typed[0] };
          return { kind: 'ambiguous', communes: candidates };
        }
      }
      return { kind: 'none', suggestion: suggest(name, dc) };
    },
    nameMatches(name, commune) {
      const [tk, lk, type] = keysOf(name);
      if (type && type !== commune.type) return false;
      if (tk === toneKeyOf.get(commune.code)) return true;
      // Without tones, accept only when no other commune of the district shares the loose key.
      return lk === looseKeyOf.get(commune.code) && inDistrict(byLoose.get(lk), commune.districtCode).length === 1;
    },
    tonesMatch(name, commune) {
      return keysOf(name)[0] === toneKeyOf.get(commune.code);
    },
    findDistrictIn(text) {
      const key = ` ${unitLooseKey(text)} `;
      const hits = districtKeys.filter(({ key: dk }) => key.includes(` ${dk} `));
      return hits.length === 1 ? hits[0].d : null;
    },
    nearestCode(code, dc) {
      const pool = dc && byDistrict.has(dc) ? byDistrict.get(dc)! : [...communes.values()];
      let best: Commune | null = null;
      let bestD = Infinity;
      for (const c of pool) {
        const d = editDistance(code, c.code);
        if (d < bestD) [best, bestD] = [c, d];
      }
      return bestD <= 1 ? best : null;
    },
  };
}
