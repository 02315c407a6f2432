// The two borderless two-column blocks of an ND30 document: the header block (agency and
// number on the left, national title and place-date on the right) and the closing block
// (Nơi nhận on the left, the signature on the right).

import {
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Agency, IsoDate, Signer } from '../core/types.js';
import { STYLE, TEXT_WIDTH, estimateTextWidth, mm, pt, rule } from './layout.js';
import { BLANK, placeDateLine } from './nd30Date.js';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Share of the text width given to the left column of both blocks. */
const LEFT_SHARE = 0.4;

/** A borderless table of two columns whose widths Word and LibreOffice both honour. */
function twoColumnTable(rows: [Paragraph[], Paragraph[]][], width: number): Table {
  const widths = splitWidth(width);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      ([left, right]) => new TableRow({ cantSplit: true, children: [cell(left, widths[0]), cell(right, widths[1])] }),
    ),
  });
}

function splitWidth(width: number): [number, number] {
  const left = Math.round(width * LEFT_SHARE);
  return [left, width - left];
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    children: children.length > 0 ? children : [new Paragraph({ style: STYLE.center })],
  });
}

function centred(text: string, run: { bold?: boolean; italics?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({ style: STYLE.center, children: [new TextRun({ text, ...run })] });
}

export interface HeaderBlockOptions {
  agency: Pick<Agency, 'parent' | 'name' | 'place'>;
  /** "125"; null or "" prints "Số:      /BC-SNV" for the clerk to fill. */
  docNumber: string | number | null | undefined;
  /** "BC-SNV", "TTr-SNV" */
  suffix: string;
  place?: string;
  date: IsoDate | null | undefined;
  /** Year printed when the date is blank. */
  fallbackYear: number;
  /** Table width in twips; the portrait text width unless given. */
  width?: number;
}

/** "Số: 125/BC-SNV", or "Số:      /BC-SNV" when the number is left blank. */
export function docNumberLine(docNumber: string | number | null | undefined, suffix: string): string {
  const n = docNumber === null || docNumber === undefined ? '' : String(docNumber).trim();
  return n === '' ? `Số:${BLANK}/${suffix}` : `Số: ${n}/${suffix}`;
}

/**
 * The header block of ND30 Phụ lục I: left "UBND TỈNH SÓC TRĂNG" / "SỞ NỘI VỤ" (bold) / rule
 * / "Số: …"; right the national title (bold 12), the motto (bold 13) with a rule as long as
 * itself, and the place-date line in italics, level with "Số: …".
 */
export function headerBlock(options: HeaderBlockOptions): Table {
  const width = options.width ?? TEXT_WIDTH.portrait;
  const [leftWidth, rightWidth] = splitWidth(width);
  const place = options.place ?? options.agency.place;
  // A body without a parent (UBND tỉnh) prints its name alone, on the lines the plan breaks it into.
  const nameLines = options.agency.name.split('\n').map((l) => l.trim().toLocaleUpperCase('vi'));
  const widest = Math.max(...nameLines.map((l) => estimateTextWidth(l, pt(13), true)));
  const nameRule = Math.max(mm(12), Math.round(widest * (nameLines.length > 1 ? 0.4 : 0.5)));
  const mottoRule = estimateTextWidth(TIEU_NGU, pt(13), true);
  const parent = options.agency.parent.trim();
  const names = [
    ...(parent === '' ? [] : [centred(parent.toLocaleUpperCase('vi'))]),
    ...nameLines.map((l) => centred(l, { bold: true })),
    rule(nameRule, leftWidth),
  ];
  const title = [centred(QUOC_HIEU, { bold: true, size: pt(12) }), centred(TIEU_NGU, { bold: true }), rule(mottoRule, rightWidth)];
  const numberLine = new Paragraph({
    style: STYLE.center,
    spacing: { before: 120 },
    children: [new TextRun(docNumberLine(options.docNumber, options.suffix))],
  });
  const dateLine = new Paragraph({
    style: STYLE.center,
    spacing: { before: 120 },
    children: [new TextRun({ text: placeDateLine(place, options.date, options.fallbackYear), italics: true, size: pt(14) })],
  });
  return twoColumnTable(
    [
      [names, title],
      [[numberLine], [dateLine]],
    ],
    width,
  );
}

export interface SignatureOptions {
  /** Lines under "Nơi nhận:"; a leading "- " is added when missing. */
  recipients: string[];
  signer: Signer;
  width?: number;
  /** Room left for the handwritten signature and seal, in twips (default 30 mm). */
  signatureSpace?: number;
}

function recipientLines(recipients: string[]): Paragraph[] {
  const heading = new Paragraph({
    style: STYLE.small,
    children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })],
  });
  const lines = recipients.map(
    (r) => new Paragraph({ style: STYLE.small, children: [new TextRun(/^\s*-\s/.test(r) ? r.trim() : `- ${r.trim()}`)] }),
  );
  return [heading, ...lines];
}

function signatureLines(signer: Signer, space: number): Paragraph[] {
  const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
  const lines = [signer.authority, signer.title].map(upper).filter((s) => s !== '');
  const name = signer.name.trim();
  return [
    ...lines.map((text) => new Paragraph({ style: STYLE.signature, children: [new TextRun(text)] })),
    // An empty name still keeps the room, so the clerk can type or write it in.
    new Paragraph({ style: STYLE.signature, spacing: { before: space }, children: name ? [new TextRun(name)] : [] }),
  ];
}

/** The closing block: "Nơi nhận:" and its list on the left, the signature on the right. */
export function recipientsAndSignature(options: SignatureOptions): Table {
  const width = options.width ?? TEXT_WIDTH.portrait;
  const left = recipientLines(options.recipients);
  const right = signatureLines(options.signer, options.signatureSpace ?? mm(30));
  return twoColumnTable([[left, right]], width);
}
