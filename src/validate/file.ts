// One input file from bytes to checked records: open it, read every sheet, decide its district,
// resolve communes and check dates. Records without errors go on to compile.
import type { Difficulty, IndicatorValue, Nomination, SheetKind } from '../core/types.js';
import { ThiduaError, EXIT, unreadableError } from '../core/errors.js';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { documentKind } from './inputs.js';
import { looseKey } from '../core/normalize.js';
import { openSource, type RawSheet, type ReadLimits, type SourceFormat } from '../read/source.js';
import { columnLetter } from '../read/cells.js';
import { formatDmy } from '../read/cells.js';
import type { Registry } from '../data/registry.js';
import { issue, type Issue } from './issue.js';
import { readSheet, type SheetResult } from './sheet.js';
import { decideDistrict, resolveCommune, type Window } from './resolve.js';
import { pointAt, type PlanIndex } from './rows.js';
import { AssessmentStore } from './assessment.js';
import { countOmitted, IssueCap, mergeOmitted, noneOmitted, severityOf, type Omitted } from './cap.js';
import type { Attribution, AttributionRule } from './attribution.js';
import { NO_ROWS, type RowCounts, type SheetRows, type SkippedRow } from './ledger.js';

export interface FileOutcome {
  path: string;
  format: SourceFormat | null;
  encoding: string | null;
  delimiter: string | null;
  sha256: string | null;
  size: number | null;
  unreadable: boolean;
  /** not a spreadsheet (Word, PDF, picture, archive found in a folder): named, not read */
  document: boolean;
  /** named on the command line rather than found in a folder */
  explicit: boolean;
  /** which rule decided districtCode */
  districtBy: AttributionRule | null;
  districtCode: string | null; // the district that sent it; null for a file of several
  districts: string[]; // every district the file reports on
  sheets: { name: string; kind: SheetKind | null; rows: number; incomplete: boolean }[];
  hiddenSheets: string[];
  /** what the reader noted; a skipped (hidden or instructions) sheet is named, for the run's one summary line */
  notes: { vi: string; en: string; skippedSheet?: string }[];
  /** the issues kept (the first ISSUES_KEPT_PER_FILE, see cap.ts) */
  issues: Issue[];
  /** issues counted but not kept */
  omitted: Omitted;
  /** clean zone rows, kept as columns (validate/assessment.ts) */
  assessments: AssessmentStore;
  nominations: Nomination[];
  indicators: IndicatorValue[];
  difficulties: Difficulty[];
  /** communes named on rows with errors: they may lack a status in the figures */
  communesWithErrors: Set<string>;
  /** each read sheet's rows, for the ledger (counted once the whole run's issues are known) */
  ledger: SheetRows[];
  /** used / excluded / skipped rows, filled by the run (see ledger.ts) */
  rows: RowCounts;
  /** non-blank rows that are not data (totals, column numbers…), each with its reason */
  skipped: SkippedRow[];
}

export interface FileContext {
  registry: Registry;
  idx: PlanIndex;
  window: Window;
  forcedDistrict: string | null;
  /** the district the file's name or folder says, for when its content does not */
  hint?: Attribution | null;
  explicit?: boolean;
  limits?: ReadLimits;
  /** the run's budget of kept issues */
  cap?: IssueCap;
}

function blank(path: string): FileOutcome {
  return {
    path, format: null, encoding: null, delimiter: null, sha256: null, size: null, unreadable: false, document: false, explicit: false, districtBy: null, districtCode: null, districts: [],
    sheets: [], hiddenSheets: [], notes: [], issues: [], omitted: noneOmitted(), assessments: new AssessmentStore(), nominations: [], indicators: [], difficulties: [], communesWithErrors: new Set(),
    ledger: [], rows: { ...NO_ROWS }, skipped: [],
  };
}

/** Sheets that carry instructions for whoever fills the workbook, not data. */
const GUIDE_SHEETS = new Set(['huong dan', 'huong dan dien', 'huong dan nhap lieu', 'instructions', 'readme']);

const nowhere = (file: string) => ({ file, sheet: null, row: null, column: null, cell: null });

export async function validateFile(path: string, ctx: FileContext): Promise<FileOutcome> {
  const out = blank(path);
  out.explicit = !!ctx.explicit;
  let source;
  try {
    source = await openSource(path, ctx.limits);
  } catch (e) {
    if (!(e instanceof ThiduaError) || e.exitCode !== EXIT.unreadable) throw e;
    return markUnreadable(out, e, ctx);
  }
  Object.assign(out, { format: source.format, encoding: source.encoding, delimiter: source.delimiter, sha256: source.sha256, size: source.size, hiddenSheets: source.hiddenSheets, notes: source.notes });
  for (const h of source.hiddenSheets) out.notes.push({ vi: `Bỏ qua trang ẩn "${h}".`, en: `Skipped hidden sheet "${h}".`, skippedSheet: h });
  const sheets: SheetResult[] = [];
  const cap = (ctx.cap ??= new IssueCap());
  let kept = 0;
  try {
    for (const s of source.sheets) {
      if (GUIDE_SHEETS.has(looseKey(s.name))) {
        out.notes.push({ vi: `Bỏ qua trang hướng dẫn "${s.name}".`, en: `Skipped the instructions sheet "${s.name}".`, skippedSheet: s.name });
        continue;
      }
      const read = await readSheet({ file: path, idx: ctx.idx, cap, keptBefore: kept }, s);
      const problems = readerIssues(path, s);
      for (const i of problems) cap.add(read.issues, read.omitted, i, kept + read.issues.length);
      for (const [code, n] of Object.entries(s.omittedProblems ?? {}) as [keyof typeof s.omittedProblems & string, number][]) countOmitted(read.omitted, code, severityOf(code), null, n);
      kept += read.issues.length;
      sheets.push(read);
      const dropped = problems.filter((p) => p.code === 'bad-line' && (p.row ?? 0) > read.headerRow).length;
      if (read.kind !== null) out.ledger.push({ name: read.name, kind: read.kind, rows: read.rows, headerRow: read.headerRow, firstDataRow: read.firstDataRow, erredRows: read.erredRows, droppedRows: dropped, skipped: read.skipped });
    }
  } catch (e) {
    // A limit met while reading (rows per sheet): the file as a whole is refused.
    if (!(e instanceof ThiduaError) || e.exitCode !== EXIT.unreadable) throw e;
    return markUnreadable(out, e, ctx);
  }
  out.sheets = sheets.map((s) => ({ name: s.name, kind: s.kind, rows: s.rows, incomplete: s.incomplete }));
  out.skipped = sheets.flatMap((s) => s.skipped);
  for (const s of sheets) {
    for (const i of s.issues) out.issues.push(i);
    mergeOmitted(out.omitted, s.omitted);
  }
  if (sheets.every((s) => s.kind === null)) {
    if (source.format === 'csv' && /\.(xlsx|xlsm|xls|ods)$/i.test(path)) {
      // Text under a spreadsheet's name that holds no table: a letter or a note, not a workbook.
      const name = basename(path);
      out.issues = [];
      out.omitted = noneOmitted();
      const e = unreadableError(`Tệp ${name} không phải bảng tính (chỉ có văn bản thường): hãy xin đơn vị gửi đúng tệp Excel.`, `${name} is not a spreadsheet (plain text only): ask the district for the actual Excel file.`);
      return markUnreadable(out, e, ctx);
    }
    if (sheets.every((s) => s.issues.length === 0 && s.omitted.errors + s.omitted.warnings === 0)) {
      const name = basename(path);
      const e = new ThiduaError(EXIT.unreadable, { vi: `Tệp ${name} không có dòng dữ liệu nào: hãy xin đơn vị gửi lại.`, en: `${name} holds no data rows: ask the district to send it again.` }, 'empty-file');
      return markUnreadable(out, e, ctx);
    }
    // nothing of the file is read: a warning would let it pass unnoticed (catalog: severityNote)
    for (const i of out.issues) if (i.code === 'unknown-sheet') i.severity = 'error';
    return out;
  }
  finishFile(out, sheets, ctx);
  return out;
}

/** A file that is not read still belongs to whoever sent it, when its name or folder says. */
function attributeUnread(out: FileOutcome, ctx: FileContext): void {
  const d = ctx.forcedDistrict ? ctx.registry.districts.get(ctx.forcedDistrict) : null;
  if (d) [out.districtCode, out.districtBy] = [d.code, 'forced'];
  else if (ctx.hint) [out.districtCode, out.districtBy] = [ctx.hint.district.code, ctx.hint.by];
}

/** A Word document, PDF, picture or archive found beside the spreadsheets: named, hashed, not read. */
export function documentOutcome(path: string, ctx: FileContext): FileOutcome {
  const out = blank(path);
  out.document = true;
  try {
    const bytes = readFileSync(path);
    out.size = bytes.length;
    out.sha256 = createHash('sha256').update(bytes).digest('hex');
  } catch {
    // unreadable from disk: still named, without a hash
  }
  attributeUnread(out, ctx);
  const kind = documentKind(path);
  out.issues.push(issue('not-a-spreadsheet', nowhere(path), basename(path), { name: basename(path), what: kind.vi, whatEn: kind.en }));
  return out;
}

/** What the reader repaired or skipped in a sheet (bad CSV lines, legacy-font cells), as issues. */
function readerIssues(file: string, sheet: RawSheet): Issue[] {
  return (sheet.problems ?? []).map((p) => {
    const column = p.column === null ? null : columnLetter(p.column);
    const cell = column && p.row ? `${column}${p.row}` : null;
    return issue(p.code, { file, sheet: sheet.name, row: p.row, column, cell }, p.value, p.params);
  });
}

function markUnreadable(out: FileOutcome, e: ThiduaError, ctx: FileContext): FileOutcome {
  out.unreadable = true;
  attributeUnread(out, ctx);
  out.issues.push(issue(e.issueCode, nowhere(out.path), null, { reason: e.text.vi, reasonEn: e.text.en }));
  return out;
}

function finishFile(out: FileOutcome, sheets: SheetResult[], ctx: FileContext): void {
  const { registry: reg, window: w } = ctx;
  let decision = decideDistrict(reg, sheets, ctx.forcedDistrict);
  out.districtBy = decision.kind === 'one' ? (ctx.forcedDistrict ? 'forced' : 'content') : null;
  if (decision.kind === 'none' && ctx.hint) {
    decision = { kind: 'one', district: ctx.hint.district };
    out.districtBy = ctx.hint.by;
  }
  const district = decision.kind === 'one' ? decision.district : null;
  out.districtCode = district?.code ?? null;
  const needsDistrict = sheets.some((s) => s.zones.length + s.nominations.length + s.indicators.length + s.difficulties.length > 0);
  if (decision.kind === 'none' && needsDistrict) out.issues.push(issue('district-not-found', nowhere(out.path), null));
  // a file of several districts: each sheet's rows → the district of the row's commune
  const rowDistrict = new Map<string, string[]>();
  const dc = district?.code ?? '';
  const range = { from: formatDmy(w.from), to: formatDmy(w.to), lookback: formatDmy(w.lookback) };
  const cap = ctx.cap ?? new IssueCap();
  const many = decision.kind === 'many';
  // A row's issues: kept while under the cap, else counted (against the row's district in a file of several).
  // An error counted but not kept still excludes its row in the ledger.
  const keep = (found: Issue[], rowDistrictCode: string | undefined, over: { errors: number; warnings: number } | undefined, sheet: SheetResult) => {
    for (const i of found) {
      const kept = cap.add(out.issues, out.omitted, i, out.issues.length, many ? rowDistrictCode : null);
      if (!kept && i.severity === 'error' && i.row !== null) sheet.erredRows.add(i.row);
    }
    if (many && over && rowDistrictCode) {
      const d = (out.omitted.byDistrict[rowDistrictCode] ??= { errors: 0, warnings: 0 });
      d.errors += over.errors;
      d.warnings += over.warnings;
    }
  };
  for (const s of sheets) {
    const districtOf: string[] = [];
    if (many) rowDistrict.set(s.name, districtOf);
    for (const z of s.zones) {
      const found: Issue[] = [];
      const commune = resolveCommune(reg, z, district, found);
      if (z.date && (z.date < w.lookback || z.date > w.to)) {
        found.push(issue('date-out-of-period', pointAt(z.place, z.row, 'date'), formatDmy(z.date), range));
      }
      if (commune && many) districtOf[z.row] = commune.districtCode;
      keep(found, commune?.districtCode, z.omitted, s);
      const ok = z.clean && !found.some((i) => i.severity === 'error') && commune && z.date && z.zone;
      if (!ok && commune) out.communesWithErrors.add(commune.code);
      if (ok) {
        out.assessments.push({
          communeCode: commune.code, districtCode: commune.districtCode, date: z.date!, zone: z.zone!, communityCases14d: z.communityCases, quarantineCases: z.quarantineCases,
          lastCommunityCase: z.lastCommunityCase, population: z.population, decision: z.decision, note: z.note, place: z.place, row: z.row,
        });
      }
    }
    for (const n of s.nominations) {
      const found: Issue[] = [];
      const commune = resolveCommune(reg, n.commune, district, found);
      keep(found, commune?.districtCode, n.omitted, s);
      // Every named nomination goes on, with its problems, so the shortlist can say why it left one out.
      if (!n.name) continue;
      out.nominations.push({
        kind: n.kind, name: n.name, position: n.position, unit: n.unit, communeCode: commune?.code ?? null, districtCode: commune?.districtCode ?? dc,
        achievement: n.achievement ?? '', awardForm: n.awardForm, birthYear: n.birthYear, gender: n.gender,
        problems: [...n.problems, ...found.map((i) => i.code)], at: n.at,
      });
    }
    for (const i of s.indicators) {
      if (i.clean && i.value !== null) out.indicators.push({ districtCode: dc, indicatorCode: i.code, label: i.label, value: i.value, unit: i.unit, note: i.note, at: i.at });
    }
    for (const d of s.difficulties) out.difficulties.push({ districtCode: dc, content: d.content, note: d.note, at: d.at });
  }
  out.assessments.trim();
  out.districts = district ? [district.code] : out.assessments.districtCodes();
  // A file of several districts: each row's issues count against its commune's district.
  for (const i of out.issues) if (i.sheet && i.row) i.district ??= rowDistrict.get(i.sheet)?.[i.row];
}

