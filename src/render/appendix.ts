// The appendix workbook of the results report (SPEC §6, issue 3 output 2): the same figures
// as the report, one row per commune, the transition matrices, indicators, difficulties, every
// source file and every issue. compile streams it (appendixBytes); the same input gives the
// same bytes (fixed document dates, fixed zip entry dates).
import type ExcelJS from 'exceljs';
import { newWorkbookWriter } from '../write/excel.js';
import { PassThrough } from 'node:stream';
import type { ReportInput } from './documentInput.js';
import { communesSheet } from './appendix/communes.js';
import { indicatorsSheet } from './appendix/indicators.js';
import { difficultiesSheet, issuesSheet, sourcesSheet } from './appendix/lists.js';
import { matrixSheet } from './appendix/matrix.js';
import { stamp, stampedWorkbook } from './appendix/sheet.js';
import { stampZipEntries, storedEntries, zipFiles } from '../write/zip.js';
import { summarySheet } from './appendix/summary.js';
import { placeMap } from './appendix/mapImage.js';

export { SUMMARY_SHEET } from './appendix/summary.js';
export { COMMUNES_SHEET } from './appendix/communes.js';
export { MATRIX_SHEET } from './appendix/matrix.js';
export { INDICATORS_SHEET } from './appendix/indicators.js';
export { DIFFICULTIES_SHEET, ISSUES_SHEET, SOURCES_SHEET } from './appendix/lists.js';

/** Every sheet of the appendix, in order, into `wb` (in memory or streamed). */
export function writeAppendix(wb: ExcelJS.Workbook, input: ReportInput): void {
  summarySheet(wb, input);
  placeMap(wb, input);
  communesSheet(wb, input);
  matrixSheet(wb, input);
  indicatorsSheet(wb, input);
  difficultiesSheet(wb, input);
  sourcesSheet(wb, input);
  issuesSheet(wb, input);
}

const title = (input: ReportInput) => `Phụ lục kết quả ${input.plan.shortTitle}`;

/** The appendix workbook for the input, in memory; nothing is written. Its dates are the period's end. */
export function appendixWorkbook(input: ReportInput): ExcelJS.Workbook {
  const wb = stampedWorkbook(title(input), input.results.period.to);
  writeAppendix(wb, input);
  return wb;
}

/**
 * The appendix as .xlsx bytes, streamed: exceljs's WorkbookWriter writes each row out as it is
 * made, so a country's 10,600 communes and thousands of issues are never held as cells. The
 * bytes depend only on the input: the workbook's dates are the period's end, and the zip
 * entries' clock dates and permissions are rewritten (stampZipEntries); deflate is
 * deterministic. A streamed sheet cannot hold a picture (WorksheetWriter has no addImage): a
 * sheet that needs one must be built in memory (appendixWorkbook + workbookBytes).
 */
export async function appendixBytes(input: ReportInput): Promise<Buffer> {
  // The province map goes on the summary sheet: exceljs's streaming WorksheetWriter cannot anchor
  // a picture, so a run with a map builds the workbook in memory (a province: small).
  if (input.figures?.map) return workbookBytes(appendixWorkbook(input));
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = newWorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } } as Partial<ExcelJS.stream.xlsx.WorkbookWriterOptions>);
  stamp(wb, title(input), input.results.period.to);
  writeAppendix(wb, input);
  await wb.commit();
  return stampZipEntries(Buffer.concat(chunks));
}

/**
 * An in-memory workbook as .xlsx bytes that depend only on its content: exceljs writes its
 * parts stored, and they are deflated again with zlib, with fixed entry dates (zipFiles) —
 * exceljs's own zip deflates in JavaScript (pako), 3–4× slower. A workbook carrying the clock
 * in `created`/`modified` (exceljs's default) is not made deterministic here: stamp() sets
 * them from the data.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>));
  return zipFiles(storedEntries(stored));
}
