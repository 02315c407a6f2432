// Whole-submission checks, after every file is read: files of one district are one submission;
// conflicting assessments across them, and communes of the district without a status.
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import type { Assessment, Commune } from '../core/types.js';
import { RowsByCommune } from './byCommune.js';
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
 * row, pointing at the first, and none of them reaches the figures. Returns whether any row was
 * dropped.
 */
function conflicts(reg: Registry, files: FileOutcome[], rows: RowsByCommune, zoneLabel: (code: string) => string, cap: IssueCap): boolean {
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
  const keyOf = new Map<Assessment, number>();
  const members = groups.map((keys) =>
    keys.map((k) => {
      const a = rows.get(k);
      keyOf.set(a, k);
      return { a, file: files[rows.fileOf(k)] };
    }),
  );
  const drop = new Set<Assessment>();
  const twice = sentTwice(reg, files, members);
  for (const group of members) {
    const [head, ...rest] = group;
    rest.forEach((g) => drop.add(g.a));
    warnDuplicateRows(group, cap);
    if (rest.every((g) => g.a.zone === head.a.zone)) {
      warnRepeatedDetails(reg, group, zoneLabel, cap);
      continue;
    }
    const newer = twice.settle(group);
    if (newer) {
      // Two versions of one district's file: the newer one's assessment stands, without a conflict per row.
      for (const g of group) if (g.a !== newer.a) drop.add(g.a);
      drop.delete(newer.a);
      continue;
    }
    drop.add(head.a);
    const c = reg.communes.get(head.a.communeCode)!;
    // Each row of the conflict gets the error, naming the other row, so either file shows it: the
    // first row of another zone (the head for a row that differs from it; else the first that differs).
    const firstOther = group.find((o) => o.a.zone !== head.a.zone)!;
    for (const g of group) {
      const other = g.a.zone !== head.a.zone ? head : firstOther;
      const where = other.file === g.file ? pointerText(other.a.at) : `${basename(other.file.path)} ${pointerText(other.a.at)}`;
      const i = issue('conflicting-assessment', g.a.at, zoneLabel(g.a.zone), { commune: label(c), date: formatDmy(g.a.date), zone: zoneLabel(g.a.zone), other: zoneLabel(other.a.zone), otherAt: where });
      cap.add(g.file.issues, g.file.omitted, i, g.file.issues.length, g.file.districtCode ? null : g.a.districtCode);
    }
    for (const g of group) g.file.communesWithErrors.add(c.code);
  }
  twice.report();
  const byFile = new Map<number, Set<number>>(); // file → row indexes to drop
  for (const a of drop) {
    const k = keyOf.get(a)!;
    const set = byFile.get(rows.fileOf(k));
    if (set) set.add(rows.indexOf(k));
    else byFile.set(rows.fileOf(k), new Set([rows.indexOf(k)]));
  }
  for (const [f, indexes] of byFile) files[f].assessments.retain((i) => !indexes.has(i));
  // rows were dropped here, or a file set aside as an older version (twice.report)
  return groups.length > 0;
}

type Member = { a: Assessment; file: FileOutcome };

/** A zone row's cells besides the zone, as the warnings name them. */
const DETAILS: [keyof Assessment, string, string][] = [
  ['communityCases14d', 'số ca cộng đồng 14 ngày', 'community cases in 14 days'],
  ['quarantineCases', 'số ca cách ly', 'quarantine cases'],
  ['lastCommunityCase', 'ngày có ca cộng đồng cuối', 'date of the last community case'],
  ['population', 'dân số', 'population'],
  ['decision', 'quyết định', 'decision'],
  ['note', 'ghi chú', 'note'],
];

/**
 * Rows of one file for one commune and day that give the same zone but differ in their other
 * cells (cases, dates, decision, note): the zone counts once, and what the later rows say besides
 * would be lost without a word. Each such row gets a warning naming the file's first row for that
 * day and the cells that differ. Across files the first row stands as before (a consolidated file
 * beside a district's is normal; two versions of one file are district-sent-twice).
 */
function warnRepeatedDetails(reg: Registry, group: Member[], zoneLabel: (code: string) => string, cap: IssueCap): void {
  const firstOf = new Map<FileOutcome, Member>();
  for (const g of group) {
    const first = firstOf.get(g.file);
    if (!first) {
      firstOf.set(g.file, g);
      continue;
    }
    const differ = DETAILS.filter(([k]) => first.a[k] !== g.a[k]);
    if (differ.length === 0) continue; // the same reading: duplicate-row, when in one sheet
    const c = reg.communes.get(g.a.communeCode)!;
    const i = issue('repeated-assessment', g.a.at, zoneLabel(g.a.zone), {
      commune: label(c), date: formatDmy(g.a.date), zone: zoneLabel(g.a.zone), otherAt: pointerText(first.a.at),
      fields: differ.map(([, vi]) => vi).join(', '), fieldsEn: differ.map(([, , en]) => en).join(', '),
    });
    cap.add(g.file.issues, g.file.omitted, i, g.file.issues.length, g.file.districtCode ? null : g.a.districtCode);
  }
}

/** What a zone row says (zone, counts, dates, decision, note), as one key: rows with the same key say the same. */
const readingKey = (a: Assessment) => JSON.stringify([a.zone, ...DETAILS.map(([k]) => a[k])]);

/**
 * A zone row repeated exactly in the same sheet: counted once, with a warning naming both rows
 * (under the issue cap, as the conflicts). One pass with the first row of each reading kept: a
 * sheet holding one commune-date 30,000 times once made this quadratic (minutes for 150,000 rows).
 */
function warnDuplicateRows(group: Member[], cap: IssueCap): void {
  const firsts = new Map<FileOutcome, Map<string, Member>>();
  for (const g of group) {
    const at = g.a.at;
    let mine = firsts.get(g.file);
    if (!mine) firsts.set(g.file, (mine = new Map()));
    const key = `${at.sheet}\u0000${readingKey(g.a)}`;
    const first = mine.get(key);
    if (!first) {
      mine.set(key, g);
      continue;
    }
    const i = issue('duplicate-row', { ...at, column: null, cell: null }, null, { row: at.row ?? '', first: first.a.at.row ?? '' });
    cap.add(g.file.issues, g.file.omitted, i, g.file.issues.length, g.file.districtCode ? null : g.a.districtCode);
  }
}

/** Share of each file's assessments two files of one district must have in common to be two versions of one file. */
const SENT_TWICE_SHARE = 0.5;

/** When a file was made, as far as can be told: its assessments' latest date, then its modification time. */
function age(f: FileOutcome): [string, number] {
  let latest = '';
  for (const a of f.assessments) if (a.date > latest) latest = a.date;
  let mtime = 0;
  try {
    mtime = statSync(f.path).mtimeMs;
  } catch {
    // gone since it was read: its dates alone decide
  }
  return [latest, mtime];
}

/**
 * A district that sent two files whose assessments overlap (a corrected version, or the same
 * file twice): one `district-sent-twice` warning naming both and the newer, whose rows stand
 * where the two disagree, instead of a conflict on every row.
 */
function sentTwice(reg: Registry, files: FileOutcome[], groups: Member[][]) {
  const pairs = new Map<string, { older: FileOutcome; newer: FileOutcome }>();
  const pairOf = (x: FileOutcome, y: FileOutcome) => {
    const key = files.indexOf(x) < files.indexOf(y) ? `${files.indexOf(x)}|${files.indexOf(y)}` : `${files.indexOf(y)}|${files.indexOf(x)}`;
    let p = pairs.get(key);
    if (!p) {
      const [ax, ay] = [age(x), age(y)];
      const xNewer = ax[0] !== ay[0] ? ax[0] > ay[0] : ax[1] !== ay[1] ? ax[1] > ay[1] : files.indexOf(x) > files.indexOf(y);
      pairs.set(key, (p = xNewer ? { older: y, newer: x } : { older: x, newer: y }));
    }
    return p;
  };
  const sameSender = (x: FileOutcome, y: FileOutcome) => x !== y && x.districtCode !== null && x.districtCode === y.districtCode;
  // How many commune-dates two files of one district share: a second version shares most of
  // each file's rows; a supplement of a few rows beside the main file does not.
  const shared = new Map<FileOutcome, Map<FileOutcome, number>>();
  for (const group of groups) {
    const senders = [...new Set(group.map((g) => g.file))];
    for (const x of senders) {
      for (const y of senders) {
        if (!sameSender(x, y)) continue;
        if (!shared.has(x)) shared.set(x, new Map());
        shared.get(x)!.set(y, (shared.get(x)!.get(y) ?? 0) + 1);
      }
    }
  }
  const versions = (x: FileOutcome, y: FileOutcome) => {
    const n = shared.get(x)?.get(y) ?? 0;
    return n >= SENT_TWICE_SHARE * x.assessments.length && n >= SENT_TWICE_SHARE * y.assessments.length;
  };
  // Files sent twice byte for byte have no conflict to show it.
  for (const [i, x] of files.entries()) {
    for (const y of files.slice(i + 1)) if (sameSender(x, y) && x.sha256 && x.sha256 === y.sha256) pairOf(x, y);
  }
  return {
    /** The member that stands when the group's disagreement is between two files of one district. */
    settle(group: Member[]): Member | null {
      const senders = new Set(group.map((g) => g.file));
      if (senders.size !== 2) return null;
      const [x, y] = [...senders];
      if (!sameSender(x, y) || !versions(x, y)) return null;
      const { newer } = pairOf(x, y);
      return group.filter((g) => g.file === newer).at(-1) ?? null;
    },
    report(): void {
      for (const { older, newer } of pairs.values()) {
        const d = reg.districts.get(newer.districtCode!)!;
        const params = { district: d.name, older: basename(older.path), newer: basename(newer.path), newest: basename(newer.path) };
        newer.issues.push(issue('district-sent-twice', { file: newer.path, sheet: null, row: null, column: null, cell: null }, null, params));
        supersede(older, newer);
      }
    },
  };
}

/**
 * The older of two versions gives way: its records of every kind the newer file also holds are
 * set aside (counted once, not twice), and its sheets of those kinds say so in the ledger.
 */
function supersede(older: FileOutcome, newer: FileOutcome): void {
  const kinds = new Set(newer.sheets.filter((s) => s.kind !== null && !s.incomplete).map((s) => s.kind));
  if (kinds.has('zones')) older.assessments.retain(() => false);
  if (kinds.has('nominations')) older.nominations = [];
  if (kinds.has('indicators')) older.indicators = [];
  if (kinds.has('difficulties')) older.difficulties = [];
  for (const s of older.ledger) {
    if (!kinds.has(s.kind as never) || s.rows === 0) continue;
    const entry = { sheet: s.name, row: s.firstDataRow || s.headerRow + 1, reason: 'superseded' as const, rows: s.rows, by: basename(newer.path) };
    s.skipped.push(entry);
    older.skipped.push(entry);
  }
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
export function checkSubmissions(reg: Registry, files: FileOutcome[], w: Window, zoneLabel: (code: string) => string, cap = new IssueCap()): RowsByCommune {
  let rows = new RowsByCommune(files.map((f) => f.assessments));
  if (conflicts(reg, files, rows, zoneLabel, cap)) rows = new RowsByCommune(files.map((f) => f.assessments));
  const byDistrict = new Map<string, FileOutcome[]>();
  for (const f of files) for (const dc of f.districts) pushTo(byDistrict, dc, f);
  const all = seen(files, rows);
  for (const [dc, group] of byDistrict) coverage(reg, dc, group, w, all);
  return rows;
}
