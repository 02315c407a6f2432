// Issues: what is wrong, where, with its parameters. Messages are rendered late, from the
// catalog, in the reader's language.
import type { CellPointer, Lang, Severity } from '../core/types.js';
import { CATALOG, type IssueCode } from './catalog.js';

export type Params = Record<string, string | number>;

export interface Issue extends CellPointer {
  code: IssueCode;
  severity: Severity;
  value: string | null;
  params: Params;
  /** Kept as data, rendered late: a commune to suggest, or a list of accepted words. */
  suggestion: { vi: string; en: string } | null;
  /** in a file of several districts: the district of the row's commune, when known */
  district?: string;
}

export function issue(
  code: IssueCode,
  at: CellPointer,
  value: string | null,
  params: Params = {},
  suggestion: Issue['suggestion'] = null,
  severity: Severity = CATALOG[code].severity,
): Issue {
  return { code, severity, ...at, value, params, suggestion };
}

export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function message(i: Issue, lang: Lang): string {
  return fill(CATALOG[i.code][lang], { value: i.value ?? '', sheet: i.sheet ?? '', ...i.params });
}

export function suggestionText(i: Issue, lang: Lang): string | null {
  return i.suggestion ? i.suggestion[lang] : null;
}

/** "Phân vùng!C12", or the sheet and row where an issue has no single cell. */
export function pointerText(i: CellPointer, lang: Lang = 'vi'): string {
  if (!i.sheet) return '';
  return i.cell ? `${i.sheet}!${i.cell}` : i.row ? `${i.sheet}, ${lang === 'vi' ? 'dòng' : 'row'} ${i.row}` : i.sheet;
}
