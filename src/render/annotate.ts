// Annotated copies for the district: the input workbook with every offending cell coloured and
// a note on it, plus a "Lỗi" sheet first among the tabs listing every issue with a link to its
// cell; the copy opens on the first sheet with an issue. The package is edited directly: each
// offending cell gets a new cell format cloned from its own with the fill, new parts hold the
// notes, and every other part and cell keeps its bytes. Sheets are streamed, so memory stays
// bounded by the compressed file. CSV inputs become a fresh .xlsx.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Lang } from '../core/types.js';
import type { FileOutcome } from '../validate/file.js';
import type { Issue } from '../validate/issue.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../read/limits.js';
import { csvPackage, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './annotate/csvBook.js';
import { ISSUE_SHEET, ISSUE_WIDTHS, issueSheetXml, noteText } from './annotate/issueSheet.js';
import { addContentTypes, addRelationships, attrOf, commentsPart, escapeXml, extendComments, extendVml, freshRid, MINIMAL_STYLES, relationships, resolveTarget, StyleEditor, tags, unescapeXml, vmlPart, type Note, type SheetRef } from './annotate/parts.js';
import { columnNumber, rootPrefix, sheetEditor } from './annotate/sheetEdit.js';
import { WorkbookPackage } from './annotate/zipPackage.js';
import { printXml } from './print.js';

export { ISSUE_SHEET };

/** Fills of offending cells (ARGB): light red for errors, light yellow for warnings. */
export const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;
const HEADER_FILL = 'FFD9E1F2';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** Offending cells of one sheet: row → column → issues. */
type CellIssues = Map<number, Map<number, Issue[]>>;

function rowAndColumn(cell: string): [number, number] | null {
  const col = columnNumber(cell);
  const row = Number(cell.replace(/^[A-Za-z]+/, '').replace(/\$/g, ''));
  if (col < 1 || col > EXCEL_MAX_COLUMNS || !Number.isInteger(row) || row < 1 || row > EXCEL_MAX_ROWS) return null;
  return [row, col];
}

function workbookSheets(pkg: WorkbookPackage): { wbPath: string; wbXml: string; p: string; sheets: SheetRef[]; rels: ReturnType<typeof relationships> } {
  const rootRels = relationships(pkg.text('_rels/.rels'));
  const office = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const wbXml = pkg.text(wbPath) ?? '';
  const p = rootPrefix(wbXml.slice(0, 2000), 'workbook');
  const relsPath = wbPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  const rels = relationships(pkg.text(relsPath));
  const sheets = tags(wbXml, `${p}sheet`).map(({ tag }) => {
    const ridAttr = tag.match(/\s([\w.-]+:)?id="([^"]*)"/);
    const rid = ridAttr?.[2] ?? '';
    const target = rels.find((r) => r.id === rid)?.target ?? '';
    const state = attrOf(tag, 'state');
    return { name: unescapeXml(attrOf(tag, 'name') ?? ''), rid, hidden: state === 'hidden' || state === 'veryHidden', path: target ? resolveTarget(wbPath, target) : '' };
  });
  return { wbPath, wbXml, p, sheets, rels };
}

/** The tab index, in the copy, of the sheet an issue names (undefined when it is not there). */
type SheetIndex = (sheet: string) => number | undefined;

function sheetIndex(sheets: SheetRef[], format: FileOutcome['format'], renamed: Map<string, string> | null): SheetIndex {
  const index = new Map(sheets.map((s, i) => [s.name.normalize('NFC'), i]));
  // A CSV has one sheet whatever name the reader gave it.
  if (format === 'csv') return () => (sheets.length > 0 ? 0 : undefined);
  return (sheet) => index.get((renamed?.get(sheet) ?? sheet).normalize('NFC'));
}

function groupIssues(issues: Issue[], indexOf: SheetIndex): Map<number, CellIssues> {
  const bySheet = new Map<number, CellIssues>();
  for (const i of issues) {
    if (!i.cell || !i.sheet) continue;
    const at = indexOf(i.sheet);
    const rc = rowAndColumn(i.cell);
    if (at === undefined || !rc) continue;
    let cells = bySheet.get(at);
    if (!cells) bySheet.set(at, (cells = new Map()));
    let row = cells.get(rc[0]);
    if (!row) cells.set(rc[0], (row = new Map()));
    const list = row.get(rc[1]);
    if (list) list.push(i);
    else row.set(rc[1], [i]);
  }
  return bySheet;
}

/** `part` as a relationship target relative to the part `from` (exceljs resolves only relative ones). */
function relTarget(from: string, part: string): string {
  const a = from.split('/').slice(0, -1);
  const b = part.split('/');
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...Array<string>(a.length - k).fill('..'), ...b.slice(k)].join('/');
}

const freshPart = (pkg: WorkbookPackage, pattern: (n: number) => string) => {
  for (let n = 1; ; n++) if (!pkg.has(pattern(n))) return pattern(n);
};

interface Context {
  pkg: WorkbookPackage;
  styles: StyleEditor;
  lang: Lang;
  overrides: [string, string][];
  drawings: number;
}

/** Notes for one sheet: new comments and VML parts, or added to the ones it already has. Returns the VML rel id to refer to, if new. */
function addNotes(ctx: Context, sheetPath: string, notes: Note[]): string | null {
  const relsPath = sheetPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  const relsXml = ctx.pkg.text(relsPath);
  const rels = relationships(relsXml);
  const comments = rels.find((r) => r.type.endsWith('/comments'));
  const vml = rels.find((r) => r.type.endsWith('/vmlDrawing'));
  // Shape ids come in blocks of 1,024 per drawing (o:idmap); a sheet with more notes takes several blocks.
  const blocks = Math.ceil((notes.length + 1) / 1024);
  const firstId = 1024 * (ctx.drawings + 1) + 1;
  ctx.drawings += blocks;
  let added = notes;
  if (comments) {
    const path = resolveTarget(sheetPath, comments.target);
    const res = extendComments(ctx.pkg.text(path) ?? '', notes);
    ctx.pkg.setText(path, res.xml);
    added = res.added;
  }
  if (vml) {
    const path = resolveTarget(sheetPath, vml.target);
    ctx.pkg.setText(path, extendVml(ctx.pkg.text(path) ?? '', added, firstId));
  }
  const newRels: { id: string; type: string; target: string }[] = [];
  if (!comments) {
    const path = freshPart(ctx.pkg, (n) => `xl/comments${n}.xml`);
    ctx.pkg.setText(path, commentsPart(notes));
    ctx.overrides.push([`/${path}`, `${CT}.spreadsheetml.comments+xml`]);
    newRels.push({ id: freshRid(rels), type: `${REL}/comments`, target: relTarget(sheetPath, path) });
  }
  let vmlRid: string | null = null;
  if (!vml) {
    const path = freshPart(ctx.pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
    ctx.pkg.setText(path, vmlPart(added, firstId, blocks));
    vmlRid = freshRid([...rels, ...newRels]);
    newRels.push({ id: vmlRid, type: `${REL}/vmlDrawing`, target: relTarget(sheetPath, path) });
  }
  if (newRels.length > 0) ctx.pkg.setText(relsPath, addRelationships(relsXml, newRels));
  return vmlRid;
}

/** Streams one sheet through the editor: offending cells restyled, tab selection set, notes referred to. */
async function editSheet(ctx: Context, sheet: SheetRef, cells: CellIssues | undefined, selected: boolean): Promise<void> {
  const notes: Note[] = [];
  const severity = new Map<string, 'error' | 'warning'>();
  const targets = new Map<number, Map<number, number>>();
  for (const [row, cols] of cells ?? []) {
    const m = new Map<number, number>();
    for (const [col, list] of cols) {
      m.set(col, -1);
      notes.push({ row, col, text: noteText(list, ctx.lang) });
      severity.set(`${row}:${col}`, list.some((i) => i.severity === 'error') ? 'error' : 'warning');
    }
    targets.set(row, m);
  }
  const legacyDrawingRid = notes.length > 0 ? addNotes(ctx, sheet.path, notes) : null;
  const head = await ctx.pkg.head(sheet.path, 4096);
  const p = rootPrefix(head, 'worksheet');
  const editor = sheetEditor({
    cells: targets,
    seenStyles: new Map(),
    styleFor: (row, col, original) => ctx.styles.filled(original, FILL[severity.get(`${row}:${col}`) ?? 'error']),
    selected,
    legacyDrawingRid,
  }, p);
  let first = true;
  await ctx.pkg.transform(sheet.path, (chunk) => {
    let out = editor.write(chunk);
    // The drawing is referred to as r:id: declare the namespace when the root lacks it.
    if (first && out.length > 0) {
      first = false;
      const root = out.indexOf(`<${p}worksheet`);
      if (legacyDrawingRid && root >= 0 && !out.slice(root, out.indexOf('>', root)).includes('xmlns:r=')) {
        out = `${out.slice(0, root + p.length + 10)} xmlns:r="${REL}"${out.slice(root + p.length + 10)}`;
      }
    }
    return out;
  }, () => editor.end());
}

/** Inserts the "Lỗi" sheet first among the tabs and opens the workbook on `active` (index in the new order). */
function addIssueSheet(ctx: Context, wb: ReturnType<typeof workbookSheets>, name: string, active: number, rows: number): string {
  const { pkg } = ctx;
  const path = freshPart(pkg, (n) => `xl/worksheets/sheet${n}.xml`);
  const rid = freshRid(wb.rels);
  const relsPath = wb.wbPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  pkg.setText(relsPath, addRelationships(pkg.text(relsPath), [{ id: rid, type: `${REL}/worksheet`, target: relTarget(wb.wbPath, path) }]));
  ctx.overrides.push([`/${path}`, `${CT}.spreadsheetml.worksheet+xml`]);
  const p = wb.p;
  let xml = wb.wbXml.replace(/localSheetId="(\d+)"/g, (_m, n: string) => `localSheetId="${Number(n) + 1}"`);
  const ids = tags(xml, `${p}sheet`).map(({ tag }) => Number(attrOf(tag, 'sheetId')) || 0);
  const sheetId = Math.max(0, ...ids) + 1;
  const sheetsOpen = tags(xml, `${p}sheets`)[0];
  xml = `${xml.slice(0, sheetsOpen.end)}<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${rid}"/>${xml.slice(sheetsOpen.end)}`;
  if (!xml.slice(0, xml.indexOf('>', xml.indexOf(`<${p}workbook`))).includes('xmlns:r=')) {
    xml = xml.replace(`<${p}workbook`, `<${p}workbook xmlns:r="${REL}"`);
  }
  // The workbook opens on `active`, its tab bar starting at the first tab.
  const view = tags(xml, `${p}workbookView`)[0];
  if (view) {
    let tag = view.tag.replace(/ activeTab="\d+"/, '').replace(/ firstSheet="\d+"/, '');
    tag = tag.replace(`<${p}workbookView`, `<${p}workbookView activeTab="${active}"`);
    xml = xml.slice(0, view.at) + tag + xml.slice(view.end);
  } else {
    const at = xml.indexOf(`<${p}sheets`);
    xml = `${xml.slice(0, at)}<${p}bookViews><${p}workbookView activeTab="${active}"/></${p}bookViews>${xml.slice(at)}`;
  }
  const names = printXml.definedNames(name, 0, [1, 1], ISSUE_WIDTHS.length, rows + 1).replace(/<definedName/g, `<${p}definedName`).replace(/<\/definedName>/g, `</${p}definedName>`);
  const dn = xml.indexOf(`</${p}definedNames>`);
  if (dn >= 0) xml = xml.slice(0, dn) + names + xml.slice(dn);
  else {
    const ext = xml.indexOf(`</${p}externalReferences>`);
    const after = ext >= 0 ? ext + `</${p}externalReferences>`.length : xml.indexOf(`</${p}sheets>`) + `</${p}sheets>`.length;
    xml = `${xml.slice(0, after)}<${p}definedNames>${names}</${p}definedNames>${xml.slice(after)}`;
  }
  pkg.setText(wb.wbPath, xml);
  return path;
}

function ensureStyles(pkg: WorkbookPackage, wb: ReturnType<typeof workbookSheets>, overrides: [string, string][]): { path: string; xml: string } {
  const rel = wb.rels.find((r) => r.type.endsWith('/styles'));
  if (rel) {
    const path = resolveTarget(wb.wbPath, rel.target);
    const xml = pkg.text(path);
    if (xml) return { path, xml };
  }
  const path = freshPart(pkg, (n) => `xl/styles${n === 1 ? '' : n}.xml`);
  const relsPath = wb.wbPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  const rel2 = { id: freshRid(wb.rels), type: `${REL}/styles`, target: relTarget(wb.wbPath, path) };
  wb.rels.push(rel2); // the "Lỗi" sheet's relationship must not take the same id
  pkg.setText(relsPath, addRelationships(pkg.text(relsPath), [rel2]));
  overrides.push([`/${path}`, `${CT}.spreadsheetml.styles+xml`]);
  return { path, xml: MINIMAL_STYLES };
}

/** The annotated workbook for one input, as bytes; reads the input within the run's limits. */
export async function annotatedWorkbook(file: FileOutcome, lang: Lang, limits: ReadLimits = DEFAULT_LIMITS): Promise<Buffer> {
  const name = basename(file.path);
  let pkg: WorkbookPackage;
  let renamed: Map<string, string> | null = null;
  if (file.format === 'xlsx') pkg = WorkbookPackage.open(readFileSync(file.path), name, limits.maxInflatedBytes);
  else {
    // CSV, and what SheetJS reads that is not an .xlsx package (.xls, .ods, .xlsb, HTML, XML).
    const copy = await csvPackage(file.path, name, limits);
    pkg = copy.pkg;
    renamed = copy.names;
  }
  const wb = workbookSheets(pkg);
  const indexOf = sheetIndex(wb.sheets, file.format, renamed);
  const bySheet = groupIssues(file.issues, indexOf);
  const overrides: [string, string][] = [];
  const stylesPart = ensureStyles(pkg, wb, overrides);
  const ctx: Context = { pkg, styles: new StyleEditor(stylesPart.xml, rootPrefix(stylesPart.xml.slice(0, 2000), 'styleSheet')), lang, overrides, drawings: 0 };
  const firstWithIssue = wb.sheets.findIndex((s, i) => !s.hidden && bySheet.has(i));
  const issueName = wb.sheets.some((s) => s.name === ISSUE_SHEET) ? `${ISSUE_SHEET} (thidua)` : ISSUE_SHEET;
  for (const [i, sheet] of wb.sheets.entries()) {
    if (!sheet.path || !pkg.has(sheet.path)) continue;
    const selected = i === firstWithIssue;
    const head = bySheet.has(i) || selected ? '' : await pkg.head(sheet.path, 4096);
    if (bySheet.has(i) || selected || /tabSelected="(1|true)"/.test(head)) await editSheet(ctx, sheet, bySheet.get(i), selected);
  }
  const path = addIssueSheet(ctx, wb, issueName, firstWithIssue < 0 ? 0 : firstWithIssue + 1, file.issues.length);
  const issueStyles = { header: ctx.styles.own(true, HEADER_FILL, true), text: ctx.styles.own(false, null, true), error: ctx.styles.own(false, FILL.error, true), warning: ctx.styles.own(false, FILL.warning, true) };
  const inCopy = (i: Issue) => {
    if (!i.cell || !i.sheet) return null;
    const at = indexOf(i.sheet);
    return at !== undefined && rowAndColumn(i.cell) ? { sheet: wb.sheets[at].name, cell: i.cell } : null;
  };
  await pkg.writeStream(path, issueSheetXml(file.issues, lang, issueStyles, inCopy, firstWithIssue < 0));
  pkg.setText(stylesPart.path, ctx.styles.result());
  const types = pkg.text('[Content_Types].xml') ?? '';
  pkg.setText('[Content_Types].xml', addContentTypes(types, [['vml', `${CT}.vmlDrawing`], ['xml', 'application/xml'], ['rels', 'application/vnd.openxmlformats-package.relationships+xml']], overrides));
  return pkg.bytes();
}
