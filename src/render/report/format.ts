// Vietnamese wording helpers for the report: numbers, shares, dates, unit names inside sentences, zone labels.
import type { IsoDate, Plan, Zone } from '../../core/types.js';
import type { Registry } from '../../data/registry.js';
import { nd30DateParts, formatNd30ShortDate } from '../../docx/nd30.js';
import { tint } from '../chart.js';

/** 1500000 → "1.500.000" (the Vietnamese grouping dot); decimals with a comma. */
export function formatNumber(value: number, decimals = 0): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** 0.5691 → "56,9%"; null → "-". */
export function formatShare(ratio: number | null): string {
  return ratio === null ? '-' : `${formatNumber(ratio * 100, 1)}%`;
}

/** A signed change: "+17", "-8", "0". */
export function formatChange(delta: number): string {
  return delta > 0 ? `+${formatNumber(delta)}` : formatNumber(delta);
}

/** "16/8" */
export function dayMonth(iso: IsoDate): string {
  const p = nd30DateParts(iso);
  return `${p.day}/${p.month}`;
}

/** "16/8/2021" */
export const shortDate = formatNd30ShortDate;

/** "từ ngày 16/8/2021 đến ngày 25/8/2021" */
export function periodText(period: { from: IsoDate; to: IsoDate }): string {
  return `từ ngày ${shortDate(period.from)} đến ngày ${shortDate(period.to)}`;
}

/** "A", "A và B", "A, B và C" */
export function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** "Huyện Kế Sách" → "huyện Kế Sách", "Phường 5" → "phường 5": a unit's name inside a sentence. */
export function inSentence(name: string, type?: string): string {
  const words = type ? [type] : [];
  words.push('thành phố', 'thị xã', 'thị trấn', 'huyện', 'quận', 'phường', 'xã');
  const lower = name.toLocaleLowerCase('vi');
  for (const w of words) {
    if (w !== '' && lower.startsWith(`${w} `)) return `${w}${name.slice(w.length)}`;
  }
  return name;
}

/** "Huyện Kế Sách" → "Kế Sách", "Thành phố Sóc Trăng" → "TP. Sóc Trăng": for chart axes. */
export function shortDistrictName(name: string): string {
  const rules: [RegExp, string][] = [
    [/^thành phố\s+/i, 'TP. '],
    [/^thị xã\s+/i, 'TX. '],
    [/^(huyện|quận)\s+/i, ''],
  ];
  for (const [re, prefix] of rules) if (re.test(name)) return `${prefix}${name.replace(re, '')}`;
  return name;
}

/** Zone lookups the report needs, built once from the plan. */
export interface ZoneBook {
  zones: Zone[];
  byCode: Map<string, Zone>;
  green: Zone;
  /** "vùng xanh", lower case, for sentences. */
  word(code: string | null): string;
  /** The light tint a zone cell is shaded with. */
  fill(code: string | null): string | undefined;
}

export function zoneBook(plan: Plan): ZoneBook {
  const zones = [...plan.zoneScale.zones].sort((a, b) => a.rank - b.rank);
  const byCode = new Map(zones.map((z) => [z.code, z]));
  return {
    zones,
    byCode,
    green: zones[0],
    word: (code) => (code === null ? 'chưa có số liệu' : lowerFirst(byCode.get(code)?.label ?? code)),
    fill: (code) => {
      const z = code === null ? undefined : byCode.get(code);
      return z ? tint(z.color, 0.55) : undefined;
    },
  };
}

export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleLowerCase('vi') + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleUpperCase('vi') + text.slice(1);
}

/** A district's name in a sentence, looked up in the register ("huyện Trần Đề"). */
export function districtInSentence(registry: Registry, code: string, fallback?: string): string {
  const d = registry.districts.get(code);
  return d ? inSentence(d.name, d.type) : (fallback ?? code);
}

/** A commune's name in a sentence ("xã Phú Tâm"). */
export function communeInSentence(registry: Registry, code: string, fallback?: string): string {
  const c = registry.communes.get(code);
  return c ? inSentence(c.name, c.type) : (fallback ?? code);
}

/** The word for all district-level units of the province. */
export const DISTRICTS_WORD = 'huyện, thị xã, thành phố';
/** The word for all commune-level units. */
export const COMMUNES_WORD = 'xã, phường, thị trấn';
