// exceljs, for writing. Its index also loads the streaming *reader* (unzipper and a dozen
// polyfills it pulls in): ~250 ms of its ~450 ms import, on every compile, and thidua reads every
// spreadsheet with SheetJS. So each writer class is required alone, on first use (exceljs has no
// "exports" map; these are the files its own index requires).
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

/** A new in-memory workbook: exceljs's Workbook. */
export function newWorkbook(): ExcelJS.Workbook {
  const Workbook = require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  return new Workbook();
}

/** A workbook written out row by row as it is made: exceljs's streaming WorkbookWriter. */
export function newWorkbookWriter(options: Partial<ExcelJS.stream.xlsx.WorkbookWriterOptions>): ExcelJS.stream.xlsx.WorkbookWriter {
  const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
  return new WorkbookWriter(options);
}
