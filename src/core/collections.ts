// Small collection helpers the layers share: grouping rows by a key without repeating the
// get-or-create dance at every call site.

/**
 * Longest string used as a key of a memo map. V8 hashes a string longer than 16,383 characters
 * by its length alone, so a file of long cells of one length would turn every memo lookup into
 * a walk along one chain, comparing 32,000-character strings: quadratic. Long texts are simply
 * worked out again each time (they are rare in real files).
 */
export const MEMO_KEY_MAX = 256;

/** Adds a value to the list kept under a key, creating the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Items grouped by key, groups in order of first appearance, items in input order. */
export function groupBy<T, K = string>(items: Iterable<T>, key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const it of items) pushTo(map, key(it), it);
  return map;
}
