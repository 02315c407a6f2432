// Whole-submission checks, after every file is read: files of one district are one submission;
// conflicting assessments across them, and communes of the district without a status.
import { basename } from 'node:path';
import type { Commune } from '../core/types.js';
import { RowsByCommune } from './byCommune.js';
import type { Registry } from '../data/registry.js';
import { formatDmy } from '../read/cells.js';
import { issue, pointerText, type Issue } from './issue.js';
import type { FileOutcome } from './file.js';
import type { Window } from './resolve.js';
import { pushTo } from '../core/collections.js';

const label = (c: Commune) => `${c.name} (${c.code})`;

/**
 * Same commune, same date: identical rows count once; different zones are an error on each later
 * row, pointing at the first, and none of them reaches the figures. Returns whether any row was
 * dropped.
 */
function conflicts(reg: Registry, files: FileOutcome[], rows: RowsByCommune, zoneLabel: (code: string) => string): boolean {
  // Commune by commune (a few hundred rows each), a date seen twice makes a group; groups are
  // taken in the order of their first row, as one pass over all rows would meet them.
  const groups: number[][] = [];
  for (const [, keys] of rows.communes()) {
    if (keys.length < 2) continue;
    const first = new Map<string, number[] | number>();
    for (const k of keys) {
      const date = rows.dateOf(k);
      const seen = first.get(date);
      if (seen === undefined) first.set(date, k);
      else if (typeof seen === 'number') {
        const group = [seen, k];
        first.set(date, group);
        groups.push(group);
      } else seen.push(k);
    }
  }
  groups.sort((x, y) => x[0] - y[0]);
  const drop = new Map<number, Set<number>>(); // file → row indexes
  const dropKey = (k: number) => pushToSet(drop, rows.fileOf(k), rows.indexOf(k));
  for (const keys of groups) {
    const group = keys.map((k) => ({ a: rows.get(k), file: files[rows.fileOf(k)] }));
    const [head, ...rest] = group;
    keys.slice(1).forEach(dropKey);
    if (rest.every((g) => g.a.zone === head.a.zone)) continue;
    dropKey(keys[0]);
    const c = reg.communes.get(head.a.communeCode)!;
    // Each row of the conflict gets the error, naming the other row, so either file shows it.
    for (const g of group) {
      const other = group.find((o) => o.a.zone !== g.a.zone)!;
      const where = other.file === g.file ? pointerText(other.a.at) : `${basename(other.file.path)} ${pointerText(other.a.at)}`;
      g.file.issues.push(issue('conflicting-assessment', g.a.at, zoneLabel(g.a.zone), { commune: label(c), date: formatDmy(g.a.date), zone: zoneLabel(g.a.zone), other: zoneLabel(other.a.zone), otherAt: where }));
    }
    for (const g of group) g.file.communesWithErrors.add(c.code);
  }
  for (const [f, indexes] of drop) files[f].assessments.retain((i) => !indexes.has(i));
  return drop.size > 0;
}

function pushToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** What every district's coverage check looks up, gathered once from all files. */
interface Seen {
  rows: RowsByCommune; // commune → assessment dates
  erred: Set<string>; // communes with errors on their rows (already reported there)
}

function seen(files: FileOutcome[], rows: RowsByCommune): Seen {
  return { rows, erred: new Set(files.flatMap((f) => [...f.communesWithErrors])) };
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
    const ds = all.rows.dates(c.code);
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
export function checkSubmissions(reg: Registry, files: FileOutcome[], w: Window, zoneLabel: (code: string) => string): RowsByCommune {
  let rows = new RowsByCommune(files.map((f) => f.assessments));
  if (conflicts(reg, files, rows, zoneLabel)) rows = new RowsByCommune(files.map((f) => f.assessments));
  const byDistrict = new Map<string, FileOutcome[]>();
  for (const f of files) for (const dc of f.districts) pushTo(byDistrict, dc, f);
  const all = seen(files, rows);
  for (const [dc, group] of byDistrict) coverage(reg, dc, group, w, all);
  return rows;
}
