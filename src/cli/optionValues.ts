// Option values as people type them, read leniently and checked once: --format, --month
// (2021-08, 2021-8, 8/2021), --number (12 or 12/BC-SNV), --district (a code or a name, with or
// without accents) and --out (a folder, not a file). A value that cannot be read is a usage error.
import { statSync } from 'node:fs';
import type { District } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { unitLooseKey, unitToneKey } from '../core/normalize.js';
import { usageError } from '../core/errors.js';

/** --format: text or json (commander passes the raw value). */
export function checkFormat(value: string): 'text' | 'json' {
  const v = value.trim().toLowerCase();
  if (v === 'text' || v === 'json') return v;
  throw usageError(`--format phải là "text" hoặc "json", không phải "${value}".`, `--format must be "text" or "json", not "${value}".`);
}

/** --month as yyyy-mm: "2021-08", "2021-8", "8/2021", "08/2021", "8-2021"; null when it is none of these. */
export function parseMonth(value: string): string | null {
  const v = value.trim();
  const ym = /^(\d{4})[-/.](\d{1,2})$/.exec(v);
  const my = /^(\d{1,2})[-/.](\d{4})$/.exec(v);
  const [year, month] = ym ? [ym[1], ym[2]] : my ? [my[2], my[1]] : [null, null];
  if (year === null || month === null) return null;
  const n = Number(month);
  return n >= 1 && n <= 12 && Number(year) >= 1900 ? `${year}-${String(n).padStart(2, '0')}` : null;
}

/** The document number: "12", or "12/BC-SNV" whose symbol must be this document kind's. */
export function parseNumber(value: string | undefined, suffix: string, kindName: { vi: string; en: string }): string | null {
  const raw = value?.trim() ?? '';
  if (raw === '') return null;
  const slash = raw.indexOf('/');
  const number = (slash < 0 ? raw : raw.slice(0, slash)).trim();
  const symbol = slash < 0 ? null : raw.slice(slash + 1).trim();
  if (!/^[\p{L}\p{N}.\-]+$/u.test(number)) {
    throw usageError(`--number "${raw}": chỉ ghi số văn bản, ví dụ 125 hoặc 125/${suffix}.`, `--number "${raw}": give just the number, e.g. 125 or 125/${suffix}.`);
  }
  if (symbol !== null && symbol.replace(/\s+/g, '').toUpperCase() !== suffix.replace(/\s+/g, '').toUpperCase()) {
    throw usageError(
      `--number "${raw}": ký hiệu "${symbol}" không phải của ${kindName.vi} (…/${suffix}). Ghi ${number} hoặc ${number}/${suffix}.`,
      `--number "${raw}": the symbol "${symbol}" is not the ${kindName.en}'s (…/${suffix}). Write ${number} or ${number}/${suffix}.`,
    );
  }
  return number;
}

/** Districts whose name the text denotes ("Kế Sách", "Ke Sach", "huyện Kế Sách", "TX Vĩnh Châu"). */
function districtsNamed(registry: Registry, text: string): District[] {
  const all = [...registry.districts.values()];
  const byTone = all.filter((d) => unitToneKey(d.name) === unitToneKey(text));
  if (byTone.length > 0) return byTone;
  return all.filter((d) => unitLooseKey(d.name) === unitLooseKey(text));
}

/** A district given by code or by name, as its code; a usage error naming the known ones otherwise. */
export function resolveDistrict(registry: Registry, value: string): string {
  const v = value.trim();
  if (registry.districts.has(v)) return v;
  const named = /^\d+$/.test(v) ? [] : districtsNamed(registry, v);
  if (named.length === 1) return named[0].code;
  const known = [...registry.districts.values()].sort((a, b) => (a.code < b.code ? -1 : 1)).map((d) => `${d.code} (${d.name})`).join(', ');
  if (named.length > 1) {
    const which = named.map((d) => `${d.code} (${d.name})`).join(', ');
    throw usageError(`--district "${v}": có nhiều đơn vị mang tên này: ${which}; hãy ghi mã.`, `--district "${v}": several districts have this name: ${which}; give the code.`);
  }
  throw usageError(`--district "${v}": không có huyện nào mang mã hoặc tên này trong danh mục. Các huyện: ${known}.`, `--district "${v}": no district has this code or name in the register. Districts: ${known}.`);
}

/**
 * Several districts as template's --district takes them: each value a code, a name, or a list
 * of codes ("942 943", "942,943"); a name with spaces ("Kế Sách") stays whole.
 */
export function resolveDistricts(registry: Registry, values: string[]): string[] {
  const codes: string[] = [];
  for (const value of values) {
    for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
      const words = part.split(/\s+/);
      if (words.length > 1 && words.every((w) => /^\d+$/.test(w))) codes.push(...words.map((w) => resolveDistrict(registry, w)));
      else codes.push(resolveDistrict(registry, part));
    }
  }
  return [...new Set(codes)];
}

/** --out (or --annotate) must be a folder: an existing file there is a one-line usage error. */
export function checkOutFolder(dir: string, flag = '--out'): string {
  let isFile = false;
  try {
    isFile = !statSync(dir).isDirectory();
  } catch {
    return dir; // not there yet: it is created when the outputs are written
  }
  if (isFile) {
    throw usageError(`${flag} ${dir}: đây là một tệp đã có, không phải thư mục. Hãy chọn một thư mục.`, `${flag} ${dir}: this is an existing file, not a folder. Choose a folder.`);
  }
  return dir;
}

