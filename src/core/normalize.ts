// Text keys for matching what people type against what the register and the plan say:
// Unicode form, case, spacing, tone-mark placement, type prefixes and roman numerals.

import { neutralize } from './safeText.js';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/** NFC, trimmed, inner whitespace (including line breaks and NBSP) collapsed to one space. */
export function cleanText(s: string): string {
  return neutralize(s.normalize('NFC')).replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Lower case ASCII, no diacritics, đ→d, punctuation as spaces. For headers and loose matching. */
export function looseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(ALL_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Lower case with tones kept but their placement made canonical: each word's tone mark is moved
 * to the end of the word, so "Hoà" and "Hòa" give the same key while "Tâm" and "Tám" do not.
 */
export function toneKey(s: string): string {
  const words = s.normalize('NFD').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim().split(' ');
  return words
    .map((w) => {
      const tones = w.match(TONE_MARKS);
      return w.replace(TONE_MARKS, '') + (tones ? tones[0] : '');
    })
    .join(' ');
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };

/** Prefixes that name a unit's type, as loose keys, longest first so "thi xa" wins over "xa". */
const TYPE_PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'phuong', 'huyen', 'xa', 'tp', 'tt', 'tx', 'p', 'x', 'h', 'q', 'quan'];

function baseLetters(word: string): string {
  return word.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd');
}

const PREFIX_WORDS = TYPE_PREFIXES.map((p) => p.split(' '));

function stripTypePrefix(words: string[]): string[] {
  // the leading words' base letters, each worked out once for all the prefixes (a register of
  // 10,000 communes asks this twice per name)
  const base: string[] = [];
  const baseAt = (i: number) => (base[i] ??= baseLetters(words[i]));
  for (const pw of PREFIX_WORDS) {
    if (words.length > pw.length && pw.every((p, i) => baseAt(i) === p)) {
      // "Phường 1" keeps its number: the number alone is the name.
      return words.slice(pw.length);
    }
  }
  return words;
}

function unitKeyFrom(key: string): string {
  let words = stripTypePrefix(key.split(' ').filter(Boolean));
  const last = words[words.length - 1];
  if (words.length > 1 && ROMAN[baseLetters(last)]) words = [...words.slice(0, -1), ROMAN[baseLetters(last)]];
  return words.join(' ');
}

/** Key of an administrative unit's name, with tones: "Xã Hoà Tú II" → "hoa|tu 2" style key. */
export function unitToneKey(s: string): string {
  return unitKeyFrom(toneKey(s.replace(/\b([XPH]|TT|TX|TP)\./g, '$1 ')));
}

/** Key of an administrative unit's name without tones, for a second, looser match. */
export function unitLooseKey(s: string): string {
  return unitKeyFrom(looseKey(s));
}

/** Levenshtein distance, for "did you mean" suggestions on short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Levenshtein distance when it is at most `max`, else `max + 1`. Only the band of width 2·max+1
 * around the diagonal is computed and the scan stops once a whole row exceeds `max`, so the cost
 * is O(length × max) however long the strings are.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur[0] = i <= max ? i : over;
    if (lo > 1) cur[lo - 1] = over;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = d > over ? over : d;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (hi < b.length) cur[hi + 1] = over;
    if (rowMin > max) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length], over);
}

const TYPE_BY_PREFIX: [string, string][] = [
  ['thanh pho', 'thành phố'], ['thi tran', 'thị trấn'], ['thi xa', 'thị xã'], ['phuong', 'phường'], ['huyen', 'huyện'],
  ['xa', 'xã'], ['tp', 'thành phố'], ['tt', 'thị trấn'], ['tx', 'thị xã'], ['p', 'phường'], ['x', 'xã'], ['h', 'huyện'],
];

/** The unit type a typed name starts with ("TT Long Phú" → "thị trấn"), or null. */
export function unitTypeOf(s: string): string | null {
  const key = ` ${looseKey(s)} `;
  for (const [prefix, type] of TYPE_BY_PREFIX) if (key.startsWith(` ${prefix} `)) return type;
  return null;
}

/**
 * The string as its own copy. A cell cut from a file's text may share that text (V8 keeps a
 * substring as a slice of its parent): a value kept for the whole run (a memo, a table of
 * distinct values) must not keep a whole file alive.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1); // shorter substrings are copied by V8 already
}
