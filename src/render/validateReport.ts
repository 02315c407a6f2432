// The validation report as a plain, versioned object (what `--format json` prints), and as
// lines of text for a person: by file, then by rule, with counts and the first examples.
import type { Lang } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import type { ValidationRun } from '../validate/run.js';
import { message, pointerText, suggestionText, type Issue } from '../validate/issue.js';
import { groupBy } from '../core/collections.js';
import { RULE_TEXT } from '../validate/attribution.js';
import { SKIP_TEXT, skippedText, type RowCounts } from '../validate/ledger.js';

export interface JsonIssue {
  code: string;
  severity: 'error' | 'warning';
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  value: string | null;
  message: string;
  suggestion: string | null;
}

export function validationJson(run: ValidationRun, reg: Registry, lang: Lang, strict: boolean) {
  return {
    version: 1,
    valid: run.errors === 0 && (!strict || run.warnings === 0),
    stats: { files: run.files.length, rows: run.ledger, errors: run.errors, warnings: run.warnings },
    period: { from: run.window.from, to: run.window.to, lookback: run.window.lookback },
    ignored: run.ignored.map((i) => ({ path: i.path, note: i.note[lang] })),
    files: run.files.map((f) => ({
      path: f.path,
      format: f.format,
      encoding: f.encoding,
      sha256: f.sha256,
      district: f.districtCode,
      districtBy: f.districtBy,
      document: f.document,
      districts: f.districts,
      districtName: f.districtCode ? (reg.districts.get(f.districtCode)?.name ?? null) : null,
      sheets: f.sheets,
      rows: f.rows,
      skipped: f.skipped.map((k) => ({ sheet: k.sheet, row: k.row, reason: k.reason, message: SKIP_TEXT[k.reason][lang] })),
      hiddenSheets: f.hiddenSheets,
      notes: f.notes.map((n) => n[lang]),
      issues: f.issues.map((i): JsonIssue => ({
        code: i.code, severity: i.severity, sheet: i.sheet, row: i.row, column: i.column, cell: i.cell, value: i.value,
        message: message(i, lang), suggestion: suggestionText(i, lang),
      })),
    })),
  };
}

export interface Painter {
  error(s: string): string;
  warning(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  zone(hex: string, s: string): string;
}

export const plainPainter: Painter = { error: (s) => s, warning: (s) => s, ok: (s) => s, dim: (s) => s, bold: (s) => s, zone: (_h, s) => s };

const T = {
  vi: { file: 'Tệp', district: 'Đơn vị', unknown: 'chưa xác định', many: 'tệp tổng hợp của {n} đơn vị', encoding: 'mã hóa', sheets: 'trang', rows: 'dòng', errors: 'lỗi', warnings: 'cảnh báo', more: 'và {n} chỗ khác', valid: 'HỢP LỆ', invalid: 'KHÔNG HỢP LỆ', total: 'Tổng', files: 'tệp', noIssue: 'không có vấn đề nào', document: 'không phải bảng tính, chưa đọc', ledger: '{used} dùng, {excluded} loại vì lỗi, {skipped} bỏ qua', skipped: 'Bỏ qua {n} dòng không phải số liệu' },
  en: { file: 'File', district: 'District', unknown: 'unknown', many: 'consolidated file of {n} districts', encoding: 'encoding', sheets: 'sheets', rows: 'rows', errors: 'errors', warnings: 'warnings', more: 'and {n} more', valid: 'VALID', invalid: 'INVALID', total: 'Total', files: 'files', noIssue: 'no issues', document: 'not a spreadsheet, not read', ledger: '{used} used, {excluded} excluded by errors, {skipped} skipped', skipped: 'Skipped {n} rows that are not data' },
} as const;


/** "40 dùng, 2 loại vì lỗi, 1 bỏ qua". */
export function ledgerText(c: RowCounts, lang: Lang): string {
  return T[lang].ledger.replace('{used}', String(c.used)).replace('{excluded}', String(c.excluded)).replace('{skipped}', String(c.skipped));
}

function exampleLine(i: Issue, lang: Lang): string {
  const where = pointerText(i, lang);
  const sug = suggestionText(i, lang);
  return `    - ${where ? `${where}: ` : ''}${message(i, lang)}${sug ? ` → ${sug}` : ''}`;
}

/** Human report; `examples` caps how many cells each rule lists. */
export function validationText(run: ValidationRun, reg: Registry, lang: Lang, strict: boolean, paint: Painter, examples = 5): string[] {
  const t = T[lang];
  const lines: string[] = run.ignored.map((i) => paint.dim(`· ${i.note[lang]}`));
  for (const f of run.files) {
    const by = f.districtBy && f.districtBy !== 'content' ? `, ${RULE_TEXT[f.districtBy][lang]}` : '';
    const d = f.districtCode ? `${reg.districts.get(f.districtCode)?.name ?? f.districtCode} (${f.districtCode}${by})` : f.districts.length > 1 ? t.many.replace('{n}', String(f.districts.length)) : t.unknown;
    const enc = f.encoding ? `, ${t.encoding} ${f.encoding}` : '';
    const what = f.document ? t.document : `${counted(lang, f.sheets.length, 'sheet')}, ${t.rows}: ${ledgerText(f.rows, lang)}${enc}`;
    lines.push(paint.bold(`${t.file}: ${f.path}`) + paint.dim(` — ${t.district}: ${d}; ${what}`));
    for (const n of f.notes) if (n.skippedSheet === undefined) lines.push(paint.dim(`  · ${n[lang]}`));
    if (f.skipped.length > 0) {
      const list = f.skipped.slice(0, examples * 4).map((k) => skippedText(k, lang)).join('; ');
      const more = f.skipped.length > examples * 4 ? `; ${t.more.replace('{n}', String(f.skipped.length - examples * 4))}` : '';
      lines.push(paint.dim(`  · ${t.skipped.replace('{n}', String(f.skipped.length))}: ${list}${more}.`));
    }
    if (f.issues.length === 0) lines.push(paint.ok(`  ✓ ${t.noIssue}`));
    for (const [code, group] of groupBy(f.issues, (i) => i.code)) {
      const sev = group[0].severity;
      const head = `  ${sev === 'error' ? '✗' : '!'} ${code} (${group.length})`;
      lines.push(sev === 'error' ? paint.error(head) : paint.warning(head));
      for (const i of group.slice(0, examples)) lines.push(exampleLine(i, lang));
      if (group.length > examples) lines.push(paint.dim(`    … ${t.more.replace('{n}', String(group.length - examples))}`));
    }
  }
  const skipped = skippedSheetsLine(run, lang);
  if (skipped) lines.push('', paint.dim(skipped));
  const valid = run.errors === 0 && (!strict || run.warnings === 0);
  const verdict = valid ? paint.ok(t.valid) : paint.error(t.invalid);
  lines.push('', `${t.total}: ${counted(lang, run.files.length, 'file')}, ${t.rows}: ${ledgerText(run.ledger, lang)}, ${counted(lang, run.errors, 'error')}, ${counted(lang, run.warnings, 'warning')} — ${verdict}`);
  return lines;
}

const NOUNS = { file: 'tệp', sheet: 'trang', row: 'dòng', error: 'lỗi', warning: 'cảnh báo' } as const;

/** "1 file", "2 files"; Vietnamese nouns do not change ("1 tệp", "2 tệp"). */
export function counted(lang: Lang, n: number, noun: keyof typeof NOUNS): string {
  return lang === 'vi' ? `${n} ${NOUNS[noun]}` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** One line for the whole run naming the hidden and instructions sheets skipped, by file (the first 10 files). */
export function skippedSheetsLine(run: ValidationRun, lang: Lang, shown = 10): string | null {
  const byFile = run.files
    .map((f) => ({ name: f.path.split(/[\\/]/).pop() ?? f.path, sheets: f.notes.flatMap((n) => (n.skippedSheet === undefined ? [] : [`"${n.skippedSheet}"`])) }))
    .filter((f) => f.sheets.length > 0);
  if (byFile.length === 0) return null;
  const listed = byFile.slice(0, shown).map((f) => `${f.name} (${f.sheets.join(', ')})`).join('; ');
  const more = byFile.length > shown ? (lang === 'vi' ? `; và ${byFile.length - shown} tệp khác` : `; and ${byFile.length - shown} more files`) : '';
  return lang === 'vi' ? `Đã bỏ qua trang ẩn và trang hướng dẫn: ${listed}${more}.` : `Skipped hidden and instructions sheets: ${listed}${more}.`;
}
