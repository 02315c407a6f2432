// Whole-submission checks, after every file is read: files of one district are one submission;
// conflicting assessments across them, and communes of the district without a status.
import { basename } from 'node:path';
import type { Assessment, Commune } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { formatDmy } from '../read/cells.js';
import { issue, pointerText, type Issue } from './issue.js';
import type { FileOutcome } from './file.js';
import type { Window } from './resolve.js';
import { pushTo } from '../core/collections.js';
import { IssueCap } from './cap.js';

const label = (c: Commune) => `${c.name} (${c.code})`;

/**
 * Same commune, same date: identical rows count once; different zones are an error on each later
 * row, pointing at the first, and none of them reaches the figures.
 */
function conflicts(reg: Registry, files: FileOutcome[], zoneLabel: (code: string) => string, cap: IssueCap): void {
  // Keyed by commune, then date (no key string per row); most pairs occur once, so a group
  // (an array) is made only for the second occurrence.
  type First = { a: Assessment; file: FileOutcome; order: number; group: { a: Assessment; file: FileOutcome }[] | null };
  const firsts = new Map<string, Map<string, First>>();
  const repeated: First[] = [];
  let order = 0;
  for (const file of files) {
    for (const a of file.assessments) {
      let byDate = firsts.get(a.communeCode);
      if (!byDate) firsts.set(a.communeCode, (byDate = new Map()));
      const first = byDate.get(a.date);
      if (!first) byDate.set(a.date, { a, file, order: order++, group: null });
      else {
        if (!first.group) repeated.push(first), (first.group = [{ a: first.a, file: first.file }]);
        first.group.push({ a, file });
      }
    }
  }
  // in the order of their first occurrence, as one map of all groups would give them
  const groups = repeated.sort((x, y) => x.order - y.order).map((f) => f.group!);
  const drop = new Set<Assessment>();
  for (const group of groups) {
    const [head, ...rest] = group;
    rest.forEach((g) => drop.add(g.a));
    if (rest.every((g) => g.a.zone === head.a.zone)) continue;
    drop.add(head.a);
    const c = reg.communes.get(head.a.communeCode)!;
    // Each row of the conflict gets the error, naming the other row, so either file shows it.
    for (const g of group) {
      const other = group.find((o) => o.a.zone !== g.a.zone)!;
      const where = other.file === g.file ? pointerText(other.a.at) : `${basename(other.file.path)} ${pointerText(other.a.at)}`;
      const i = issue('conflicting-assessment', g.a.at, zoneLabel(g.a.zone), { commune: label(c), date: formatDmy(g.a.date), zone: zoneLabel(g.a.zone), other: zoneLabel(other.a.zone), otherAt: where });
      cap.add(g.file.issues, g.file.omitted, i, g.file.issues.length, g.file.districtCode ? null : g.a.districtCode);
    }
    for (const g of group) g.file.communesWithErrors.add(c.code);
  }
  if (drop.size > 0) for (const f of files) f.assessments = f.assessments.filter((a) => !drop.has(a));
}

/** What every district's coverage check looks up, gathered once from all files. */
interface Seen {
  dates: Map<string, string[]>; // commune → assessment dates
  erred: Set<string>; // communes with errors on their rows (already reported there)
}

function seen(files: FileOutcome[]): Seen {
  const dates = new Map<string, string[]>();
  for (const f of files) for (const a of f.assessments) pushTo(dates, a.communeCode, a.date);
  return { dates, erred: new Set(files.flatMap((f) => [...f.communesWithErrors])) };
}

/** Every commune of the district needs a status at the start and rows within the period. */
function coverage(reg: Registry, districtCode: string, files: FileOutcome[], w: Window, all: Seen): void {
  const zoneFile = files.find((f) => f.sheets.some((s) => s.kind === 'zones' && !s.incomplete));
  // A zone sheet that could not be read is already an error; listing every commune would bury it.
  if (!zoneFile && files.some((f) => f.sheets.some((s) => s.kind === 'zones'))) return;
  if (!zoneFile) {
    const d = reg.districts.get(districtCode)!;
    files[0].issues.push(issue('no-zone-sheet', { file: files[0].path, sheet: null, row: null, column: null, cell: null }, null, { district: d.name }));
    return;
  }
  const nowhere = { file: zoneFile.path, sheet: null, row: null, column: null, cell: null };
  const range = { from: formatDmy(w.from), to: formatDmy(w.to), lookback: formatDmy(w.lookback) };
  const add = (i: Issue) => zoneFile.issues.push({ ...i, district: districtCode });
  for (const c of reg.communesOf(districtCode)) {
    if (all.erred.has(c.code)) continue;
    const ds = all.dates.get(c.code) ?? [];
    if (ds.length === 0) add(issue('commune-missing', nowhere, c.code, { commune: label(c) }));
    else if (!ds.some((d) => d >= w.lookback && d <= w.from)) add(issue('missing-status-start', nowhere, c.code, { commune: label(c), ...range }));
    else if (!ds.some((d) => d >= w.from && d <= w.to)) add(issue('missing-status-end', nowhere, c.code, { commune: label(c), ...range }));
  }
}

/**
 * Files of one district are one submission, and a consolidated file counts for every district
 * it reports on. Conflicts are looked for across all files at once (a commune and a date name
 * one assessment whoever sent it); coverage district by district.
 */
export function checkSubmissions(reg: Registry, files: FileOutcome[], w: Window, zoneLabel: (code: string) => string, cap = new IssueCap()): void {
  conflicts(reg, files, zoneLabel, cap);
  const byDistrict = new Map<string, FileOutcome[]>();
  for (const f of files) for (const dc of f.districts) pushTo(byDistrict, dc, f);
  const all = seen(files);
  for (const [dc, group] of byDistrict) coverage(reg, dc, group, w, all);
}
