// Page setup, units and the declared styles of an administrative document under
// Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, fixed margins, Times New Roman, page numbers
// centred in the top margin from page 2. Other docx modules refer to the style ids here.

import {
  AlignmentType,
  BorderStyle,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';

/** Millimetres to twips (1/20 pt), rounded as Word stores them. */
export function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

/** Font sizes in half-points, the unit docx and OOXML use. */
export function pt(points: number): number {
  return Math.round(points * 2);
}

export const A4 = { width: 11906, height: 16838 } as const;

/** ND30: top 20–25, bottom 20–25, left 30–35, right 15–20 mm; we take the minimums. */
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

/** Where the page number sits: inside the 20 mm top margin. */
const HEADER_DISTANCE = mm(10);

/** Width available to text and tables between the margins, in twips. */
export const TEXT_WIDTH = {
  portrait: A4.width - MARGINS.left - MARGINS.right,
  landscape: A4.height - MARGINS.left - MARGINS.right,
} as const;

export const FONT = 'Times New Roman';

/** Style ids declared by nd30Styles(); callers use these instead of run formatting. */
export const STYLE = {
  normal: 'Normal',
  heading1: 'Heading1',
  heading2: 'Heading2',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  small: 'Small',
  center: 'Nd30Center',
  title: 'Nd30Title',
  signature: 'Nd30Signature',
  rule: 'Nd30Rule',
  image: 'Nd30Image',
} as const;

/** Body line spacing: 1.15 lines (ND30 allows single to 1.5). */
const BODY_LINE = 276;
const FIRST_LINE_INDENT = mm(10);
const NO_INDENT = { firstLine: 0, left: 0, right: 0 };
const RULE_LINE = 60;
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

/** The styles every ND30 document declares once. Pass as `styles` to `new Document`. */
export function nd30Styles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(14), language: { value: 'vi-VN' } },
        paragraph: { spacing: { before: 0, after: 120, line: BODY_LINE, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.normal,
        name: 'Normal',
        quickFormat: true,
        run: { font: FONT, size: pt(14) },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: FIRST_LINE_INDENT },
          spacing: { before: 0, after: 120, line: BODY_LINE, lineRule: LineRuleType.AUTO },
        },
      },
      {
        id: STYLE.heading1,
        name: 'Heading 1',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { bold: true, size: pt(14), color: '000000' },
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 0, spacing: { before: 120, after: 120 } },
      },
      {
        id: STYLE.heading2,
        name: 'Heading 2',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { bold: true, size: pt(14), color: '000000' },
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      ...tableStyles(),
      ...blockStyles(),
    ],
  };
}

const base = { basedOn: STYLE.normal, quickFormat: true } as const;

/** Table text: smaller, no indent, tight spacing. */
function tableStyles(): IParagraphStyleOptions[] {
  return [
    {
      id: STYLE.tableText,
      name: 'Table Text',
      ...base,
      run: { size: pt(12) },
      paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: { ...TIGHT, before: 30, after: 30 } },
    },
    {
      id: STYLE.tableHeader,
      name: 'Table Header',
      ...base,
      basedOn: STYLE.tableText,
      run: { bold: true },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
    },
  ];
}

/** Styles for text outside the running body: header block, title, signature, rules. */
function blockStyles(): IParagraphStyleOptions[] {
  return [
    {
      id: STYLE.small,
      name: 'Small',
      ...base,
      run: { size: pt(11) },
      paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: TIGHT },
    },
    {
      id: STYLE.center,
      name: 'ND30 Centred',
      ...base,
      run: { size: pt(13) },
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: TIGHT },
    },
    {
      id: STYLE.title,
      name: 'ND30 Title',
      ...base,
      run: { bold: true, size: pt(14) },
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: TIGHT, keepNext: true },
    },
    {
      id: STYLE.signature,
      name: 'ND30 Signature',
      ...base,
      run: { bold: true, size: pt(14) },
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: TIGHT, keepNext: true },
    },
    {
      // An empty, 3 pt high paragraph whose bottom border draws a short centred rule a
      // little below the text above it.
      id: STYLE.rule,
      name: 'ND30 Rule',
      ...base,
      run: { size: 2 },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: RULE_LINE, lineRule: LineRuleType.EXACT },
        keepNext: true,
      },
    },
    {
      id: STYLE.image,
      name: 'ND30 Image',
      ...base,
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { ...TIGHT, before: 120, after: 120 } },
    },
  ];
}

/**
 * A short horizontal rule centred in `availableWidth` twips: the line ND30 puts under the
 * agency name, the national motto and the summary of the document.
 */
export function rule(length: number, availableWidth: number, spaceAfter = 0): Paragraph {
  const side = Math.max(0, Math.round((availableWidth - length) / 2));
  return new Paragraph({
    style: STYLE.rule,
    indent: { left: side, right: side, firstLine: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    spacing: spaceAfter > 0 ? { before: 0, after: spaceAfter, line: RULE_LINE, lineRule: LineRuleType.EXACT } : undefined,
  });
}

/**
 * Rough printed width of a line in Times New Roman, in twips. Used only to size rules,
 * so an estimate from letter classes is close enough.
 */
export function estimateTextWidth(text: string, sizeHalfPoints: number, bold = false): number {
  let ems = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') ems += 0.25;
    else if (/[0-9]/.test(ch)) ems += 0.5;
    else if (/[.,:;'!|-]/.test(ch)) ems += 0.3;
    else if (ch !== ch.toLocaleLowerCase('vi')) ems += 0.7;
    else ems += 0.46;
  }
  return Math.round(ems * (bold ? 1.05 : 1) * sizeHalfPoints * 10);
}

type SectionSetup = Omit<ISectionOptions, 'children'>;

export interface PageOptions {
  /** Different (empty) header on the section's first page, so page 1 has no number. */
  titlePage?: boolean;
  /** Restart page numbering at this number in this section. */
  startPageNumber?: number;
}

/** A4 portrait section setup; spread it into a section: `{ ...pageA4Portrait(), children }`. */
export function pageA4Portrait(options: PageOptions = {}): SectionSetup {
  return pageSetup(PageOrientation.PORTRAIT, options.titlePage ?? true, options.startPageNumber);
}

/** A4 landscape: the page turns, the 30 mm binding margin stays on the left. */
export function pageA4Landscape(options: PageOptions = {}): SectionSetup {
  return pageSetup(PageOrientation.LANDSCAPE, options.titlePage ?? false, options.startPageNumber);
}

function pageSetup(
  orientation: (typeof PageOrientation)[keyof typeof PageOrientation],
  titlePage: boolean,
  startPageNumber: number | undefined,
): SectionSetup {
  return {
    properties: {
      titlePage,
      page: {
        // docx swaps width and height itself for landscape.
        size: { width: A4.width, height: A4.height, orientation },
        margin: { ...MARGINS, header: HEADER_DISTANCE, footer: HEADER_DISTANCE, gutter: 0 },
        pageNumbers: startPageNumber === undefined ? undefined : { start: startPageNumber },
      },
    },
    headers: {
      default: pageNumberHeader(),
      ...(titlePage ? { first: new Header({ children: [new Paragraph({ style: STYLE.center })] }) } : {}),
    },
  };
}

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ style: STYLE.center, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
  });
}
