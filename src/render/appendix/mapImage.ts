// The province map (the same PNG as beside the documents) placed under the table of the "Tổng hợp" sheet.
import type ExcelJS from 'exceljs';
import type { ReportInput } from '../documentInput.js';
import { mapCaption } from '../report/figures.js';
import { SUMMARY_SHEET } from './summary.js';
import { style } from './sheet.js';

/** Adds the map two rows under the summary table, its caption above it; nothing when the run has no map. */
export function placeMap(wb: ExcelJS.Workbook, input: ReportInput): void {
  const map = input.figures?.map;
  const ws = wb.getWorksheet(SUMMARY_SHEET);
  if (!map || !ws) return;
  const captionRow = ws.rowCount + 2;
  const cell = ws.getCell(captionRow, 1);
  cell.value = mapCaption(input.results);
  cell.style = { ...style({ bold: true }), border: {} };
  const id = wb.addImage({ buffer: map.png as unknown as ExcelJS.Buffer, extension: 'png' });
  // Anchored at the top-left of column A the row after the caption, at its display size.
  ws.addImage(id, { tl: { col: 0, row: captionRow }, ext: { width: map.width, height: map.height }, editAs: 'oneCell' });
}
