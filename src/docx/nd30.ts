// Building blocks for Vietnamese administrative documents under Nghị định 30/2020/NĐ-CP:
// small pure functions returning docx paragraphs and tables, composed by spreading them into
// `sections[].children`. This module holds the running text (title, headings, body, "./.")
// and re-exports page setup, header and signature blocks, data tables and dates.

import { AlignmentType, Document, Paragraph, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import { STYLE, TEXT_WIDTH, estimateTextWidth, mm, nd30Styles, pt, rule } from './layout.js';

export * from './layout.js';
export * from './nd30Date.js';
export * from './nd30Blocks.js';
export * from './dataTable.js';

/** Text of a paragraph: plain, or runs built with `bold()`, `italic()` or `new TextRun`. */
export type Content = string | ParagraphChild[];

function children(content: Content): ParagraphChild[] {
  return typeof content === 'string' ? [new TextRun(content)] : content;
}

export const bold = (text: string): TextRun => new TextRun({ text, bold: true });
export const italic = (text: string): TextRun => new TextRun({ text, italics: true });

export type DocType = 'BÁO CÁO' | 'TỜ TRÌNH' | 'DANH SÁCH' | (string & {});

export interface DocTitleOptions {
  /** Width the title is centred in (landscape documents pass their text width). */
  width?: number;
  /** Italic line under the summary, e.g. "(Kèm theo Tờ trình số …/TTr-SNV ngày …)". */
  note?: string;
}

/**
 * "BÁO CÁO" then the summary ("trích yếu") in bold, centred, and a rule 1/3 to 1/2 as long
 * as the summary line under it.
 */
export function docTitle(type: DocType, summaryLines: string | string[], options: DocTitleOptions = {}): Paragraph[] {
  const lines = typeof summaryLines === 'string' ? [summaryLines] : summaryLines;
  const width = options.width ?? TEXT_WIDTH.portrait;
  const longest = Math.max(0, ...lines.map((l) => Math.min(width, estimateTextWidth(l, pt(14), true))));
  const ruleLength = Math.max(mm(25), Math.round(longest / 3));
  const note = options.note
    ? [new Paragraph({ style: STYLE.title, children: [new TextRun({ text: options.note, bold: false, italics: true })] })]
    : [];
  return [
    new Paragraph({ style: STYLE.title, spacing: { before: 360 }, children: [new TextRun(type.toLocaleUpperCase('vi'))] }),
    ...lines.map((line) => new Paragraph({ style: STYLE.title, children: [new TextRun(line)] })),
    ...note,
    rule(ruleLength, width, 240),
  ];
}

/** "Kính gửi: Ủy ban nhân dân tỉnh Sóc Trăng." centred, for a Tờ trình. */
export function kinhGui(text: string): Paragraph {
  const line = /^kính gửi/i.test(text.trim()) ? text.trim() : `Kính gửi: ${text.trim()}`;
  return new Paragraph({
    style: STYLE.normal,
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: 120, after: 240 },
    children: [new TextRun(line)],
  });
}

/** "I. KẾT QUẢ …": bold, upper case (written in upper case, so the text itself is). */
export function heading(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading1, children: [new TextRun(text.toLocaleUpperCase('vi'))] });
}

/** "1. Kết quả …": bold. */
export function subheading(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading2, children: [new TextRun(text)] });
}

/** A body paragraph: 14 pt, justified, first line indented 1 cm. */
export function body(content: Content): Paragraph {
  return new Paragraph({ style: STYLE.normal, children: children(content) });
}

/**
 * A body paragraph kept on the page of the one after it: the paragraph before the closing
 * sentence, so the last page never holds only "Kính trình …./." and the signature.
 */
export function bodyKeptWithNext(content: Content): Paragraph {
  return new Paragraph({ style: STYLE.normal, keepNext: true, keepLines: true, children: children(content) });
}

export function italicBody(text: string): Paragraph {
  return body([italic(text)]);
}

/** "- …" paragraphs, the dash lists Vietnamese documents use instead of bullets. */
export function bullet(content: Content): Paragraph {
  if (typeof content === 'string') {
    const text = content.trim();
    return body(/^[-–]\s/.test(text) ? text : `- ${text}`);
  }
  return body([new TextRun('- '), ...content]);
}

/** ND30 closes the body with "./." straight after the last word. */
export const END_MARK = './.';

/**
 * The last body paragraph with "./." appended to it. It keeps with the signature block
 * that follows, so the signature never stands alone on a page.
 */
export function endMark(content: Content): Paragraph {
  const runs =
    typeof content === 'string'
      ? [new TextRun(content.trimEnd().endsWith(END_MARK) ? content.trimEnd() : `${content.trimEnd()}${END_MARK}`)]
      : [...content, new TextRun(END_MARK)];
  return new Paragraph({ style: STYLE.normal, keepNext: true, children: runs });
}

/** "./." on its own, right aligned: for a body that ends with a table rather than text. */
export function closing(): Paragraph {
  return new Paragraph({
    style: STYLE.normal,
    alignment: AlignmentType.RIGHT,
    indent: { firstLine: 0 },
    children: [new TextRun(END_MARK)],
  });
}

export interface Nd30DocumentOptions {
  sections: ISectionOptions[];
  title?: string;
  subject?: string;
}

/** A Document with the ND30 styles and fixed metadata (no user name, no clock time). */
export function nd30Document(options: Nd30DocumentOptions): Document {
  return new Document({
    creator: 'thidua',
    lastModifiedBy: 'thidua',
    title: options.title,
    subject: options.subject,
    styles: nd30Styles(),
    sections: options.sections,
  });
}
