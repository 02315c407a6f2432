// Every clean zone row of every file, by commune: what the cross-file checks (conflicts,
// coverage) and compile's per-commune classification look up. A row is a number (its file's
// position and its index in that file's store), so a year of a country's rows is one number
// each, and Assessment objects are made for one commune at a time.
import type { Assessment, IsoDate } from '../core/types.js';
import type { AssessmentStore } from './assessment.js';

/** Rows per file the packing allows (a sheet holds at most 1,048,576; a CSV far fewer than this). */
const SPAN = 2 ** 26;

export class RowsByCommune {
  private readonly lists = new Map<string, number[]>();
  readonly count: number;

  constructor(private readonly stores: readonly AssessmentStore[]) {
    let count = 0;
    stores.forEach((s, f) => {
      for (let i = 0; i < s.length; i++) {
        const code = s.communeCodeAt(i);
        const list = this.lists.get(code);
        if (list) list.push(f * SPAN + i);
        else this.lists.set(code, [f * SPAN + i]);
      }
      count += s.length;
    });
    this.count = count;
  }

  /** Row keys of each commune, communes in order of first appearance, rows in reading order. */
  communes(): IterableIterator<[string, number[]]> {
    return this.lists.entries();
  }

  keys(communeCode: string): number[] {
    return this.lists.get(communeCode) ?? [];
  }

  fileOf(key: number): number {
    return Math.floor(key / SPAN);
  }

  indexOf(key: number): number {
    return key % SPAN;
  }

  dateOf(key: number): IsoDate {
    return this.stores[this.fileOf(key)].dateAt(key % SPAN);
  }

  zoneOf(key: number): string {
    return this.stores[this.fileOf(key)].zoneAt(key % SPAN);
  }

  get(key: number): Assessment {
    return this.stores[this.fileOf(key)].get(key % SPAN);
  }

  /** The commune's assessment dates, in reading order. */
  dates(communeCode: string): IsoDate[] {
    return this.keys(communeCode).map((k) => this.dateOf(k));
  }

  /** The commune's assessments as objects, made now (compile classifies one commune at a time). */
  assessments(communeCode: string): Assessment[] {
    return this.keys(communeCode).map((k) => this.get(k));
  }
}
