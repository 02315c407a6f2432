// The "Lỗi" sheet of an annotated copy, written as worksheet XML: one row per issue with a link
// to its cell, the header frozen and repeated on every printed page, laid out for A4.
import type { Lang } from '../../core/types.js';
import { message, suggestionText, type Issue } from '../../validate/issue.js';
import { printXml } from '../print.js';
import { escapeXml } from './parts.js';
import { columnLetters } from './sheetEdit.js';

export const ISSUE_SHEET = 'Lỗi';

const HEAD = {
  vi: ['STT', 'Mã lỗi', 'Mức độ', 'Trang', 'Ô', 'Giá trị', 'Nội dung', 'Gợi ý sửa'],
  en: ['No.', 'Code', 'Severity', 'Sheet', 'Cell', 'Value', 'Message', 'Suggestion'],
};
export const ISSUE_WIDTHS = [6, 22, 10, 16, 8, 22, 60, 36];

// Characters XML does not allow; Excel refuses cells over 32,767 characters.
const BAD_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (s: string) => {
  const t = s.replace(BAD_XML, '');
  return t.length > 32_767 ? t.slice(0, 32_767) : t;
};

const textCell = (ref: string, s: number, value: string) => (value === '' ? `<c r="${ref}" s="${s}"/>` : `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(clean(value))}</t></is></c>`);

export interface IssueStyles {
  header: number;
  text: number;
  error: number;
  warning: number;
}

/** Where each issue's cell is in the copy (its sheet's name there), or null when it has none. */
export type LinkTarget = (i: Issue) => { sheet: string; cell: string } | null;

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The sheet's XML, produced piece by piece so thousands of issues are never one huge string. */
export function* issueSheetXml(issues: Issue[], lang: Lang, styles: IssueStyles, link: LinkTarget, selected: boolean): Generator<string> {
  const last = issues.length + 1;
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  yield printXml.sheetPr;
  yield `<dimension ref="A1:H${last}"/>`;
  yield `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${printXml.pane(1)}</sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  yield `<cols>${ISSUE_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  yield `<sheetData><row r="1">${HEAD[lang].map((h, i) => textCell(`${columnLetters(i + 1)}1`, styles.header, h)).join('')}</row>`;
  const links: string[] = [];
  for (const [n, i] of issues.entries()) {
    const r = n + 2;
    const sev = i.severity === 'error' ? (lang === 'vi' ? 'Lỗi' : 'Error') : lang === 'vi' ? 'Cảnh báo' : 'Warning';
    const target = link(i);
    if (target) links.push(`<hyperlink ref="E${r}" location="${escapeXml(`${quoteSheet(target.sheet)}!${target.cell}`)}" display="${escapeXml(target.cell)}"/>`);
    yield `<row r="${r}"><c r="A${r}" s="${styles.text}"><v>${n + 1}</v></c>${textCell(`B${r}`, styles.text, i.code)}${textCell(`C${r}`, i.severity === 'error' ? styles.error : styles.warning, sev)}`
      + `${textCell(`D${r}`, styles.text, i.sheet ?? '')}${textCell(`E${r}`, styles.text, i.cell ?? '')}${textCell(`F${r}`, styles.text, i.value ?? '')}`
      + `${textCell(`G${r}`, styles.text, message(i, lang))}${textCell(`H${r}`, styles.text, suggestionText(i, lang) ?? '')}</row>`;
  }
  yield '</sheetData>';
  yield `<autoFilter ref="A1:H${last}"/>`;
  if (links.length > 0) yield `<hyperlinks>${links.join('')}</hyperlinks>`;
  yield printXml.printOptions;
  yield printXml.pageMargins;
  yield printXml.pageSetup(ISSUE_WIDTHS);
  yield printXml.headerFooter;
  yield '</worksheet>';
}

/** The note put on an offending cell: every issue of the cell, one per line. */
export function noteText(issues: Issue[], lang: Lang): string {
  return clean(issues.map((i) => `[${i.code}] ${message(i, lang)}${suggestionText(i, lang) ? ` ${suggestionText(i, lang)}` : ''}`).join('\n'));
}
