// Which district sent a file when its content does not say: its name ("944-ket-qua.csv",
// "Ke Sach - ket qua.csv", "CuLaoDung_KhoKhan.txt"), else the folder it sits in
// ("ho-so/Ke Sach/…"), else the other files of the same submission beside it.
import { basename, dirname, extname } from 'node:path';
import type { District } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { looseKey, unitLooseKey } from '../core/normalize.js';

/** The rule that decided a file's district, said in the output. */
export type AttributionRule = 'forced' | 'content' | 'file-name' | 'folder' | 'siblings';

export const RULE_TEXT: Record<AttributionRule, { vi: string; en: string }> = {
  forced: { vi: 'theo --district', en: 'by --district' },
  content: { vi: 'theo nội dung tệp', en: 'by the file content' },
  'file-name': { vi: 'theo tên tệp', en: 'by the file name' },
  folder: { vi: 'theo thư mục chứa tệp', en: 'by the folder it is in' },
  siblings: { vi: 'theo các tệp cùng bộ hồ sơ bên cạnh', en: 'by the files of the same submission beside it' },
};

export interface Attribution {
  district: District;
  by: AttributionRule;
}

/** "CuLaoDung_KhoKhan" → "cu lao dung kho khan": camel case and separators become spaces. */
function nameWords(name: string): string {
  return looseKey(name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
}

/** The one district a piece of text names (with or without diacritics, spaced or run together). */
export function districtNamedIn(reg: Registry, text: string, province: string): District | null {
  const spaced = ` ${nameWords(text)} `;
  const compact = spaced.replaceAll(' ', '');
  const provinceKey = unitLooseKey(province).replaceAll(' ', '');
  const hits: District[] = [];
  for (const d of reg.districts.values()) {
    const key = unitLooseKey(d.name);
    const tight = key.replaceAll(' ', '');
    if (tight.length < 4) continue;
    // Run-together spellings need the whole name; spaced ones must match whole words.
    if (spaced.includes(` ${key} `) || compact.includes(tight)) hits.push(d);
  }
  if (hits.length <= 1) return hits[0] ?? null;
  // "Ke Sach - bao cao gui So Noi vu Soc Trang": the city named like the province yields.
  const others = hits.filter((d) => unitLooseKey(d.name).replaceAll(' ', '') !== provinceKey);
  return others.length === 1 ? others[0] : null;
}

/** A district code at the start of a file name: "944-ket-qua.csv", "944_MyTu.csv". */
function codePrefix(reg: Registry, name: string): District | null {
  const m = /^(\d{2,5})(?![\d])/.exec(name);
  return m ? (reg.districts.get(m[1]) ?? null) : null;
}

/** The district the file's name or, failing that, its folders name. */
export function attributeByPath(reg: Registry, path: string, folders: string[], province: string): Attribution | null {
  const name = basename(path, extname(path));
  const byName = codePrefix(reg, name) ?? districtNamedIn(reg, name, province);
  if (byName) return { district: byName, by: 'file-name' };
  for (const f of [...folders].reverse()) {
    const d = codePrefix(reg, f) ?? districtNamedIn(reg, f, province);
    if (d) return { district: d, by: 'folder' };
  }
  return null;
}

/** First words that every office's files share ("Bao cao …", "Bieu mau …"): they say nothing of who sent a file. */
const COMMON_FIRST_WORDS = new Set(['bao', 'bieu', 'danh', 'ket', 'kho', 'phan', 'phu', 'mau', 'file', 'sheet', 'copy', 'ban', 'tong', 'hop', 'de', 'nghi', 'to', 'trinh', 'cong', 'van', 'so', 'lieu', 'khen', 'thuong', 'new', 'final']);

/** The first word of a file name ("CuLaoDung" of "CuLaoDung_KhoKhan.txt"): files of one submission share it. */
function stem(path: string): string | null {
  const first = basename(path, extname(path)).split(/[\s_\-.()]+/).filter(Boolean)[0];
  const key = first ? looseKey(first) : '';
  return key.length >= 3 && !/^\d+$/.test(key) && !COMMON_FIRST_WORDS.has(key) ? key : null;
}

/**
 * A file nothing else places: the district of the other files in its folder that share its
 * name's first word, when they all agree on one.
 */
export function attributeBySiblings(path: string, placed: { path: string; district: string }[], reg: Registry): Attribution | null {
  const s = stem(path);
  if (!s) return null;
  const dir = dirname(path);
  const codes = new Set(placed.filter((p) => p.path !== path && dirname(p.path) === dir && stem(p.path) === s).map((p) => p.district));
  if (codes.size !== 1) return null;
  const d = reg.districts.get([...codes][0]);
  return d ? { district: d, by: 'siblings' } : null;
}
