// The register of administrative units (districts and communes), loaded from a CSV in
// templates/registry/, with the name matching SPEC §2.1 asks for.
import { readFileSync, statSync } from 'node:fs';
import { megabytes } from '../read/limits.js';
import { parse } from 'csv-parse/sync';
import type { Commune, District } from '../core/types.js';
import { editDistanceWithin, unitLooseKey, unitToneKey, unitTypeOf } from '../core/normalize.js';
import { usageError } from '../core/errors.js';
import { MEMO_KEY_MAX, pushTo } from '../core/collections.js';
import { scanRecords } from '../read/csvScan.js';
import { DEFAULT_LIMITS } from '../read/limits.js';

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

/** Names longer than this (as loose keys) get no "did you mean": no unit's name is that long. */
const MAX_SUGGEST_CHARS = 120;
/** Codes longer than this are not looked at as typos of a code. */
const MAX_CODE_CHARS = 12;
/** Distinct typed names (and codes) whose suggestion is remembered. */
const MEMO_SIZE = 20_000;

/** A whole country has ~700 districts and ~10,600 communes: generous bounds on what a register holds. */
export const REGISTER_LIMITS = { maxBytes: 32 * 1024 * 1024, maxRows: 200_000 };

/** The register's bytes, refused when it is not a regular file or too large (before it is read). */
function registerBytes(path: string): Buffer {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw usageError(`Không mở được danh mục đơn vị hành chính ${path} (${(e as NodeJS.ErrnoException).code ?? 'lỗi'}).`, `Cannot open the register ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (!st.isFile()) throw usageError(`Danh mục ${path} không phải một tệp thường (thư mục, ống dẫn hay thiết bị).`, `The register ${path} is not a regular file (a folder, pipe or device).`);
  if (st.size > REGISTER_LIMITS.maxBytes) {
    throw usageError(`Danh mục ${path} nặng ${megabytes(st.size)}, vượt giới hạn ${megabytes(REGISTER_LIMITS.maxBytes)} của một danh mục đơn vị hành chính.`, `The register ${path} is ${megabytes(st.size)}, over the ${megabytes(REGISTER_LIMITS.maxBytes)} limit for a register of administrative units.`);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw usageError(`Không đọc được danh mục ${path} (${(e as NodeJS.ErrnoException).code ?? 'lỗi'}).`, `Cannot read the register ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** Codes that occur twice at one level, with their lines: "31573 (dòng 25, 122)". */
function duplicateCodes(rows: { record: Row; info: { lines: number } }[]): string[] {
  const seen = new Map<string, number[]>();
  for (const { record: r, info } of rows) pushTo(seen, `${r.level}|${r.code}`, info.lines);
  return [...seen].filter(([, lines]) => lines.length > 1).map(([key, lines]) => `${key.split('|')[1]} (${lines.join(', ')})`);
}

function tooManyRows(path: string): never {
  const n = REGISTER_LIMITS.maxRows;
  throw usageError(`Danh mục ${path} có hơn ${n.toLocaleString('vi-VN')} dòng, vượt giới hạn của một danh mục đơn vị hành chính (cả nước có khoảng 11.000 đơn vị).`, `The register ${path} has more than ${n.toLocaleString('en-US')} rows, over the limit for a register of administrative units (the whole country has about 11,000).`);
}

type Parsed = { record: Row; info: { lines: number } }[];

/**
 * A register without a double quote in it, read by thidua's own CSV scanner (read/csvScan.ts):
 * csv-parse with line numbers took 175–270 ms of a country's 11,300 lines, the scanner ~20 ms.
 * Null when the register is not that plain (a quote, a line the scanner repaired, a line whose
 * cell count is not the header's): csv-parse reads it then, and says what is wrong with it.
 */
function plainRegister(bytes: Buffer): Parsed | null {
  if (bytes.includes(0x22)) return null;
  let header: string[] | null = null;
  const out: Parsed = [];
  for (const rec of scanRecords(bytes.toString('utf8'), ',', DEFAULT_LIMITS)) {
    if (rec.problems.length > 0) return null;
    const fields = rec.fields.map((f) => f.trim());
    if (fields.length === 1 && fields[0] === '') continue; // a blank line
    if (!header) {
      header = fields;
      continue;
    }
    if (fields.length !== header.length) return null;
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]] = fields[i];
    out.push({ record: record as unknown as Row, info: { lines: rec.line } });
    if (out.length > REGISTER_LIMITS.maxRows) break;
  }
  return out;
}

export function loadRegistry(path: string): Registry {
  const bytes = registerBytes(path);
  // lines counted first (fast): a register far too long is refused before any parsing
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0 && lines <= REGISTER_LIMITS.maxRows + 1; i = bytes.indexOf(10, i + 1)) lines++;
  if (lines > REGISTER_LIMITS.maxRows + 1) tooManyRows(path);
  let parsed: Parsed;
  try {
    parsed = plainRegister(bytes) ?? parse(bytes, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, to: REGISTER_LIMITS.maxRows + 1 });
  } catch (e) {
    throw usageError(`Không đọc được danh mục đơn vị hành chính ${path}: ${(e as Error).message}`, `Cannot read the register ${path}: ${(e as Error).message}`);
  }
  if (parsed.length > REGISTER_LIMITS.maxRows) tooManyRows(path);
  const rows = parsed.map((p) => p.record);
  const missing = REQUIRED.filter((c) => rows.length > 0 && !(c in rows[0]));
  if (rows.length === 0 || missing.length > 0) {
    throw usageError(`Danh mục ${path} thiếu cột: ${missing.join(', ') || 'không có dòng nào'}`, `Register ${path} lacks columns: ${missing.join(', ') || 'no rows'}`);
  }
  const dups = duplicateCodes(parsed);
  if (dups.length > 0) {
    const list = dups.slice(0, 5).join('; ') + (dups.length > 5 ? '; …' : '');
    throw usageError(`Danh mục ${path} có mã trùng (mã và các dòng): ${list}. Mỗi đơn vị chỉ được một dòng.`, `The register ${path} repeats codes (code and lines): ${list}. Each unit must have one line.`);
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

/**
 * The register's lookups. A commune's name keys (with tones, without: ~20 µs a commune, a quarter
 * of a second for a country) are worked out when first asked for, and the name indexes over the
 * whole register when a name is first looked up without its code: a run whose rows give codes
 * (and a main thread whose reading threads do the matching) never pays for the communes it does
 * not meet.
 */
export function buildRegistry(districts: Map<string, District>, communes: Map<string, Commune>): Registry {
  const byDistrict = new Map<string, Commune[]>();
  for (const c of communes.values()) pushTo(byDistrict, c.districtCode, c);
  const toneKeyOf = new Map<string, string>();
  const looseKeyOf = new Map<string, string>();
  const toneOf = (c: Commune): string => {
    let k = toneKeyOf.get(c.code);
    if (k === undefined) toneKeyOf.set(c.code, (k = unitToneKey(c.name)));
    return k;
  };
  const looseOf = (c: Commune): string => {
    let k = looseKeyOf.get(c.code);
    if (k === undefined) looseKeyOf.set(c.code, (k = unitLooseKey(c.name)));
    return k;
  };
  let index: { byTone: Map<string, Commune[]>; byLoose: Map<string, Commune[]>; longestKey: number } | null = null;
  const names = () => {
    if (!index) {
      index = { byTone: new Map(), byLoose: new Map(), longestKey: 0 };
      for (const c of communes.values()) {
        pushTo(index.byTone, toneOf(c), c);
        pushTo(index.byLoose, looseOf(c), c);
        index.longestKey = Math.max(index.longestKey, looseOf(c).length);
      }
    }
    return index;
  };
  // districts by the first word of their loose key: a title is matched word by word, not against
  // every district of the country (700 × each sheet's title was 4 % of reading 700 files)
  let districtsByWord: Map<string, { d: District; key: string }[]> | null = null;
  // A name key is cached per distinct typed string: the same names recur on every row.
  const keyCache = new Map<string, [string, string, string | null]>();
  // A typed name far longer than every name in the register cannot match one (matching is by
  // whole keys): it gets empty keys without the cost of normalising 32,000 characters each time.
  let longestName = 0;
  for (const c of communes.values()) longestName = Math.max(longestName, c.name.length);
  const longName = Math.max(MEMO_KEY_MAX, 4 * longestName);
  const keysOf = (name: string): [string, string, string | null] => {
    if (name.length > longName) return ['', '', null];
    if (name.length > MEMO_KEY_MAX) return [unitToneKey(name), unitLooseKey(name), unitTypeOf(name)];
    let k = keyCache.get(name);
    if (!k) {
      k = [unitToneKey(name), unitLooseKey(name), unitTypeOf(name)];
      if (keyCache.size < 100_000) keyCache.set(name, k);
    }
    return k;
  };
  const inDistrict = (list: Commune[] | undefined, dc?: string | null) => (list ?? []).filter((c) => !dc || c.districtCode === dc);

  // "Did you mean" is worked out once per distinct typed name, only for names of a plausible
  // length, with a distance that gives up past the threshold: a 32,000-character cell costs
  // nothing, whatever the register's size.
  const suggestions = new Map<string, Commune | null>();
  const suggest = (name: string, dc?: string | null): Commune | null => {
    const [, lk] = keysOf(name);
    const { longestKey } = names();
    if (lk.length === 0 || lk.length > Math.min(MAX_SUGGEST_CHARS, longestKey + 2 + Math.floor(longestKey / 3))) return null;
    const memo = `${dc ?? ''}|${lk}`;
    const known = suggestions.get(memo);
    if (known !== undefined) return known;
    let best: Commune | null = null;
    let bestD = Math.max(2, Math.floor(lk.length / 3)) + 1;
    const pool = dc && byDistrict.has(dc) ? byDistrict.get(dc)! : communes.values();
    for (const c of pool) {
      const d = editDistanceWithin(lk, looseOf(c), bestD - 1);
      if (d < bestD) [best, bestD] = [c, d];
    }
    if (suggestions.size < MEMO_SIZE) suggestions.set(memo, best);
    return best;
  };
  const nearest = new Map<string, Commune | null>();

  return {
    districts,
    communes,
    communesOf: (dc) => byDistrict.get(dc) ?? [],
    findCommune(name, dc) {
      const [tk, lk] = keysOf(name);
      const { byTone, byLoose } = names();
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
      if (tk === toneOf(commune)) return true;
      // Without tones, accept only when no other commune of the district shares the loose key.
      return lk === looseOf(commune) && (byDistrict.get(commune.districtCode) ?? []).filter((c) => looseOf(c) === lk).length === 1;
    },
    tonesMatch(name, commune) {
      return keysOf(name)[0] === toneOf(commune);
    },
    findDistrictIn(text) {
      if (!districtsByWord) {
        districtsByWord = new Map();
        for (const d of districts.values()) {
          const dk = unitLooseKey(d.name);
          if (dk) pushTo(districtsByWord, dk.split(' ')[0], { d, key: ` ${dk} ` });
        }
      }
      const key = ` ${unitLooseKey(text)} `;
      const hits = new Set<District>();
      for (const word of new Set(key.trim().split(' '))) {
        for (const c of districtsByWord.get(word) ?? []) if (key.includes(c.key)) hits.add(c.d);
      }
      return hits.size === 1 ? [...hits][0] : null;
    },
    nearestCode(code, dc) {
      // a code one keystroke from a real one; anything much longer than a code is no typo of one
      if (code.length > MAX_CODE_CHARS) return null;
      const memo = `${dc ?? ''}|${code}`;
      const known = nearest.get(memo);
      if (known !== undefined) return known;
      const pool = dc && byDistrict.has(dc) ? byDistrict.get(dc)! : communes.values();
      let best: Commune | null = null;
      for (const c of pool) {
        const d = editDistanceWithin(code, c.code, 1);
        if (d === 0) return c;
        if (d <= 1 && !best) best = c;
      }
      if (nearest.size < MEMO_SIZE) nearest.set(memo, best);
      return best;
    },
  };
}
