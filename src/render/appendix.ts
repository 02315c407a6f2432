// The appendix workbook of the results report (SPEC §6, issue 3 output 2): the same figures
// as the report, one row per commune, the transition matrices, indicators, difficulties, every
// source file and every issue. Building is pure; workbookBytes packs it into the same bytes
// for the same input (fixed document dates, fixed zip entry dates).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ReportInput } from './documentInput.js';
import { communesSheet } from './appendix/communes.js';
import { indicatorsSheet } from './appendix/indicators.js';
import { difficultiesSheet, issuesSheet, sourcesSheet } from './appendix/lists.js';
import { matrixSheet } from './appendix/matrix.js';
import { stampedWorkbook } from './appendix/sheet.js';
import { summarySheet } from './appendix/summary.js';
import { placeMap } from './appendix/mapImage.js';

export { SUMMARY_SHEET } from './appendix/summary.js';
export { COMMUNES_SHEET } from './appendix/communes.js';
export { MATRIX_SHEET } from './appendix/matrix.js';
export { INDICATORS_SHEET } from './appendix/indicators.js';
export { DIFFICULTIES_SHEET, ISSUES_SHEET, SOURCES_SHEET } from './appendix/lists.js';

/** Zip entry time: DOS dates start in 1980; JSZip writes them in UTC, so the zone does not matter. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** The appendix workbook for the input; nothing is written. Its dates are the period's end. */
export function appendixWorkbook(input: ReportInput): ExcelJS.Workbook {
  const wb = stampedWorkbook(`Phụ lục kết quả ${input.plan.shortTitle}`, input.results.period.to);
  summarySheet(wb, input);
  placeMap(wb, input);
  communesSheet(wb, input);
  matrixSheet(wb, input);
  indicatorsSheet(wb, input);
  difficultiesSheet(wb, input);
  sourcesSheet(wb, input);
  issuesSheet(wb, input);
  return wb;
}

/**
 * The workbook as .xlsx bytes that depend only on its content. exceljs stamps every zip entry
 * with the clock time; the entries are rewritten with a fixed date, keeping their compressed
 * data and order. A workbook carrying the clock in `created`/`modified` (exceljs's default)
 * is not made deterministic here: appendixWorkbook sets them from the data.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw);
  zip.forEach((_path, entry) => {
    entry.date = ZIP_DATE;
    entry.unixPermissions = null;
    entry.dosPermissions = null;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
