// What a clerk typed once is not asked again: the number and date of each document (by kind and
// period) and the signer are kept in the working folder's thidua.config.json, so a later run
// (`--force` to regenerate) does not write a report with them blank. Outside a working folder
// nothing is remembered.
import { readFileSync } from 'node:fs';
import type { IsoDate, Signer } from '../core/types.js';
import { parseJsonText } from '../core/json.js';
import { writeOutputs } from '../write/atomic.js';
import type { LoadedConfig } from './config.js';

export type DocumentKind = 'report' | 'proposal';

export interface Remembered {
  number: string | null;
  date: IsoDate | null;
}

/** The key a document is remembered under: its kind and period ("report 2021-08-16 2021-08-25"). */
export const documentKey = (kind: DocumentKind, period: { from: string; to: string }) => `${kind} ${period.from} ${period.to}`;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The number and date remembered for this document, when the config has them. */
export function rememberedMeta(config: LoadedConfig | null | undefined, kind: DocumentKind, period: { from: string; to: string }): Remembered {
  const docs = config?.config.documents;
  const entry = docs?.[documentKey(kind, period)];
  return { number: entry?.number ?? null, date: entry?.date ?? null };
}

/**
 * Writes the number, date and signer this run used into the config (only what changed; every
 * other key of the file kept as it is). Returns what was newly kept: 'number', 'date', 'signer'.
 */
export async function rememberMeta(
  config: LoadedConfig | null | undefined,
  kind: DocumentKind,
  period: { from: string; to: string },
  meta: Remembered & { signer: Partial<Signer> },
): Promise<Array<'number' | 'date' | 'signer'>> {
  if (!config) return [];
  const parsed = parseJsonText(readFileSync(config.path, 'utf8'));
  if (!parsed.ok || !isRecord(parsed.value)) return [];
  const raw = parsed.value;
  const before = JSON.stringify(raw);
  const kept: Array<'number' | 'date' | 'signer'> = [];
  const docs = isRecord(raw.documents) ? raw.documents : {};
  const key = documentKey(kind, period);
  const old = isRecord(docs[key]) ? docs[key] : {};
  const entry = { ...old, ...(meta.number !== null ? { number: meta.number } : {}), ...(meta.date !== null ? { date: meta.date } : {}) };
  if (entry.number !== old.number) kept.push('number');
  if (entry.date !== old.date) kept.push('date');
  if (Object.keys(entry).length > 0) raw.documents = { ...docs, [key]: entry };
  const signer = Object.fromEntries(Object.entries(meta.signer).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  const oldSigner = isRecord(raw.signer) ? raw.signer : {};
  if (Object.entries(signer).some(([k, v]) => oldSigner[k] !== v)) kept.push('signer');
  if (Object.keys(signer).length > 0) raw.signer = { ...oldSigner, ...signer };
  if (JSON.stringify(raw) === before) return [];
  await writeOutputs([{ path: config.path, data: `${JSON.stringify(raw, null, 2)}\n` }], true);
  return kept;
}
