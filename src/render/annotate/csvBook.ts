// An input that is not an .xlsx package (a CSV, an .xls…) as a plain workbook package, written row by row (every cell as text,
// exactly as sent: nothing becomes a formula), so the same annotation applies to it as to a
// workbook. Rows past Excel's 1,048,576 are not in the copy; the caller is told how many.
import type { ReadLimits } from '../../read/limits.js';
import { openSource, type RawRow } from '../../read/source.js';
import { escapeXml, MINIMAL_STYLES } from './parts.js';
import { columnLetters } from './sheetEdit.js';
import { WorkbookPackage } from './zipPackage.js';

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

const BAD_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A sheet name Excel accepts: no []:*?/\ and at most 31 characters. */
export const safeSheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'CSV';

function cellXml(ref: string, v: RawRow['cells'][number]): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
  const s = typeof v === 'object' && !(v instanceof Date) ? v.error : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(s.replace(BAD_XML, '').slice(0, 32_767))}</t></is></c>`;
}

async function* sheetXml(rows: AsyncIterable<RawRow> | Iterable<RawRow>, dropped: { rows: number }): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>';
  for await (const r of rows) {
    if (r.row > EXCEL_MAX_ROWS) {
      dropped.rows++;
      continue;
    }
    const cells = r.cells.slice(0, EXCEL_MAX_COLUMNS).map((v, i) => cellXml(`${columnLetters(i + 1)}${r.row}`, v)).join('');
    if (cells) yield `<row r="${r.row}">${cells}</row>`;
  }
  yield '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

/**
 * A file that is not an .xlsx package (CSV, and the formats read through SheetJS: .xls, .ods,
 * .xlsb, HTML, XML) as a package of its sheets, each named as read (made valid and unique), read
 * again with the run's limits. `names` maps each sheet's name as read to its name in the copy.
 */
export async function csvPackage(path: string, fileName: string, limits: ReadLimits): Promise<{ pkg: WorkbookPackage; names: Map<string, string>; droppedRows: number }> {
  const src = await openSource(path, limits);
  const sheets = src.sheets.length > 0 ? src.sheets : [{ name: 'CSV', rows: [] as RawRow[] }];
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const sh of sheets) {
    let n = safeSheetName(sh.name);
    for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${safeSheetName(sh.name).slice(0, 27)} (${k})`;
    taken.add(n.toLowerCase());
    names.set(sh.name, n);
  }
  const copyNames = [...names.values()];
  const pkg = new WorkbookPackage(fileName, limits.maxInflatedBytes * 4 + 64 * 1024 * 1024);
  const overrides = copyNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  pkg.setText('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
  pkg.setText('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  pkg.setText('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${copyNames.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  pkg.setText('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${copyNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  pkg.setText('xl/styles.xml', MINIMAL_STYLES);
  const dropped = { rows: 0 };
  for (const [i, sh] of sheets.entries()) await pkg.writeStream(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sh.rows, dropped));
  return { pkg, names, droppedRows: dropped.rows };
}
