// Reading the award file back for the agreement tests (issue 17): the counts, names and sums as
// each document states them, parsed from the .docx XML and from the workbook opened with exceljs.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { documentXml, sectionsOf, type XmlSection, type XmlTable } from './proposalXml.js';

/** "2.980.000" → 2980000 */
export const amount = (s: string): number => Number(s.replace(/\./g, ''));

export interface Line {
  name: string;
  amount: number;
}

export interface ListFacts {
  collectives: Line[];
  individuals: Line[];
  totalLabel: string;
  total: number;
}

/** The DANH SÁCH table: lines under I. and II., with their Số tiền, and the total row. */
export function listFacts(table: XmlTable): ListFacts {
  const header = table.rows[0].cells.map((c) => c.text);
  const money = header.indexOf('Số tiền (đồng)');
  if (money < 0) throw new Error(`No Số tiền column in ${header.join(' | ')}`);
  const facts: ListFacts = { collectives: [], individuals: [], totalLabel: '', total: NaN };
  let group: Line[] | null = null;
  for (const row of table.rows.slice(1)) {
    const t = row.cells.map((c) => c.text);
    if (row.cells.length === 1) group = t[0].startsWith('I. ') ? facts.collectives : facts.individuals;
    else if (t[0].startsWith('Tổng cộng')) [facts.totalLabel, facts.total] = [t[0], amount(t[1])];
    else if (/^\d+$/.test(t[0])) group!.push({ name: t[1], amount: amount(t[money]) });
  }
  return facts;
}

/** "… cho 87 tập thể và 22 cá nhân …" → counts (0 when a kind is not named). */
export function countsIn(text: string): { collectives: number; individuals: number } {
  const c = /cho ([\d.]+) tập thể/.exec(text) ?? /cho [^()]*?([\d.]+) tập thể/.exec(text);
  const i = /(?:cho|và) ([\d.]+) cá nhân/.exec(text);
  return { collectives: c ? amount(c[1]) : 0, individuals: i ? amount(i[1]) : 0 };
}

/** The bonus as a sentence states it: per collective, per individual, total. */
export function moneyIn(text: string): { perCollective: number | null; perIndividual: number | null; total: number } {
  const pc = /mỗi tập thể ([\d.]+) đồng/.exec(text);
  const pi = /mỗi cá nhân ([\d.]+) đồng/.exec(text);
  const total = /tổng số tiền thưởng là ([\d.]+) đồng/.exec(text);
  if (!total) throw new Error(`No total in: ${text}`);
  return { perCollective: pc ? amount(pc[1]) : null, perIndividual: pi ? amount(pi[1]) : null, total: amount(total[1]) };
}

const find = (s: XmlSection, prefix: string) => {
  const p = s.paragraphs.find((x) => x.startsWith(prefix));
  if (!p) throw new Error(`No paragraph starting "${prefix}"`);
  return p;
};

export async function sectionsOfBytes(bytes: Buffer): Promise<XmlSection[]> {
  return sectionsOf(await documentXml(bytes));
}

/** The Tờ trình: its request, its money paragraph, and its Danh sách. */
export async function proposalFacts(bytes: Buffer) {
  const [letter, list] = await sectionsOfBytes(bytes);
  const request = letter.paragraphs.find((p) => / kính trình .* tặng /.test(p))!;
  return { request: countsIn(request), money: moneyIn(find(letter, 'Tiền thưởng kèm theo')), list: listFacts(list.tables[0]) };
}

/** The Quyết định: Điều 1's counts, Điều 2's money, and its appendix. */
export async function decisionFacts(bytes: Buffer) {
  const [body, appendix] = await sectionsOfBytes(bytes);
  return { article1: countsIn(find(body, 'Điều 1.')), article2: moneyIn(find(body, 'Điều 2.')), list: listFacts(appendix.tables[0]), body, appendix };
}

/** The clerk's workbook: names and Số tiền of "Đề nghị" by kind, its total, and the money sheet's total. */
export async function workbookFacts(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Đề nghị')!;
  const header = (ws.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const [kind, name, money] = ['Loại', 'Tên', 'Số tiền (đồng)'].map((h) => header.indexOf(h));
  const facts = { collectives: [] as Line[], individuals: [] as Line[], total: NaN, moneyTotal: NaN };
  ws.eachRow((r, n) => {
    if (n <= 2) return;
    const v = r.values as ExcelJS.CellValue[];
    if (v[name] === 'Tổng cộng') facts.total = Number(v[money]);
    else (v[kind] === 'Tập thể' ? facts.collectives : facts.individuals).push({ name: String(v[name]), amount: Number(v[money]) });
  });
  wb.getWorksheet('Tiền thưởng')!.eachRow((r) => {
    const v = r.values as ExcelJS.CellValue[];
    if (v[1] === 'Tổng cộng') facts.moneyTotal = Number(v[5]);
  });
  return facts;
}

const names = (l: { name: string }[]) => l.map((x) => x.name);

/** Every list and sentence of the award file agrees with the others and with the law's rates. */
export async function expectAgreement(proposal: Buffer, decision: Buffer, workbook: Buffer): Promise<{ collectives: number; individuals: number; total: number }> {
  const t = await proposalFacts(proposal);
  const q = await decisionFacts(decision);
  const w = await workbookFacts(workbook);
  const lists: ListFacts[] = [t.list, q.list];
  const n = { collectives: t.list.collectives.length, individuals: t.list.individuals.length };
  // Counts: the Tờ trình's request, both lists, Điều 1, the workbook.
  expect(n.collectives + n.individuals).toBeGreaterThan(0);
  for (const counts of [t.request, q.article1, { collectives: q.list.collectives.length, individuals: q.list.individuals.length }]) expect(counts).toEqual(n);
  expect([w.collectives.length, w.individuals.length]).toEqual([n.collectives, n.individuals]);
  // Names, in order, everywhere.
  for (const l of [q.list, w]) {
    expect(names(l.collectives)).toEqual(names(t.list.collectives));
    expect(names(l.individuals)).toEqual(names(t.list.individuals));
  }
  // Sums: 1,0 × 1.490.000 per individual, twice that per collective (Điều 73), in every place.
  const total = n.collectives * 2_980_000 + n.individuals * 1_490_000;
  for (const l of [...lists, w]) {
    expect(l.collectives.every((x) => x.amount === 2_980_000)).toBe(true);
    expect(l.individuals.every((x) => x.amount === 1_490_000)).toBe(true);
  }
  const who = [n.collectives > 0 ? `${n.collectives} tập thể` : '', n.individuals > 0 ? `${n.individuals} cá nhân` : ''].filter(Boolean).join(', ');
  for (const l of lists) expect(l.totalLabel).toBe(`Tổng cộng (${who})`.replace(/(\d)(?=(\d{3})+\b)/g, '$1.'));
  expect([t.list.total, q.list.total, t.money.total, q.article2.total, w.total, w.moneyTotal]).toEqual(Array(6).fill(total));
  for (const m of [t.money, q.article2]) {
    expect(m.perCollective).toBe(n.collectives > 0 ? 2_980_000 : null);
    expect(m.perIndividual).toBe(n.individuals > 0 ? 1_490_000 : null);
  }
  return { ...n, total };
}
