// The working folder's config (thidua.config.json, written by `thidua init`): which plan and
// register to use, the office's own agency block and signer, the document number suffixes, and
// the folder names. Found by walking up from the current folder, no further than the user's home
// or the git root, and never in a folder others can write to; flags win over it.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Agency, Plan, Signer } from '../core/types.js';
import { usageError } from '../core/errors.js';
import { parseJsonText } from '../core/json.js';

export const CONFIG_FILE = 'thidua.config.json';
/** Same folder as context.ts's TEMPLATES; kept here so the two modules do not import each other. */
const BUNDLED_PLANS = fileURLToPath(new URL('../../templates/plans/', import.meta.url));

export interface Folders {
  submissions: string; // district files as they arrive
  outputs: string; // compiled reports and lists
  templates: string; // the blank workbooks sent to districts
}

export interface WorkingConfig {
  version: 1;
  /** a bundled plan's id ("soc-trang-vung-xanh-2021") or a .json path relative to the config */
  plan: string;
  /** a register CSV relative to the config; null for the bundled one */
  registry: string | null;
  agency: Partial<Agency>;
  signer: Partial<Signer>;
  folders: Folders;
  /** number and date of documents already issued, by kind and period (remember.ts) */
  documents?: Record<string, { number?: string; date?: string }>;
}

export interface LoadedConfig {
  path: string; // the config file
  dir: string; // the working folder
  config: WorkingConfig;
  planPath: string;
  registryPath: string | null;
  /** A configured folder as an absolute path. */
  folder(name: keyof Folders): string;
}

export const DEFAULT_FOLDERS: Folders = { submissions: 'ho-so', outputs: 'ket-qua', templates: 'bieu-mau' };

export interface BundledPlan {
  id: string;
  title: string;
  path: string;
}

/** The plans shipped in templates/plans/, by id. */
export function bundledPlans(dir = BUNDLED_PLANS): BundledPlan[] {
  const out: BundledPlan[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id?: string; title?: string };
      out.push({ id: raw.id ?? name.replace(/\.json$/, ''), title: raw.title ?? name, path: join(dir, name) });
    } catch {
      // a broken bundled plan is reported when it is chosen, by loadPlan
      out.push({ id: name.replace(/\.json$/, ''), title: name, path: join(dir, name) });
    }
  }
  return out;
}

/** A folder another user could have planted a config in: writable by others, or owned by someone else. */
function untrusted(dir: string): boolean {
  try {
    const st = statSync(dir);
    const uid = process.getuid?.();
    return (st.mode & 0o002) !== 0 || (uid !== undefined && st.uid !== uid && st.uid !== 0);
  } catch {
    return true;
  }
}

/**
 * The nearest thidua.config.json at or above `cwd`, or null. The walk stops at the user's home
 * or at a git root (both still searched), and before a folder others can write to (/tmp), so a
 * config planted in a shared parent folder never changes a run.
 */
export function findConfig(cwd: string, home: string = homedir()): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (untrusted(dir)) return null;
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dir === resolve(home) || existsSync(join(dir, '.git')) || dirname(dir) === dir) return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function strings<T>(v: unknown, keys: readonly string[], where: string, path: string): Partial<T> {
  if (v === undefined) return {};
  if (!isRecord(v)) throw badConfig(path, where);
  const out: Record<string, string> = {};
  for (const k of keys) {
    if (v[k] === undefined) continue;
    if (typeof v[k] !== 'string') throw badConfig(path, `${where}.${k}`);
    out[k] = v[k] as string;
  }
  return out as Partial<T>;
}

const badConfig = (path: string, key: string) =>
  usageError(`Tệp cấu hình ${path}: khóa "${key}" sai kiểu. Sửa lại hoặc chạy "thidua init --force" để tạo lại.`, `Config file ${path}: key "${key}" has the wrong type. Fix it or run "thidua init --force" to recreate it.`);

function documentsOf(v: unknown, path: string): WorkingConfig['documents'] {
  if (v === undefined) return {};
  if (!isRecord(v)) throw badConfig(path, 'documents');
  const out: WorkingConfig['documents'] = {};
  for (const [key, entry] of Object.entries(v)) {
    const e = strings<{ number: string; date: string }>(entry, ['number', 'date'], `documents.${key}`, path);
    if (e.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw badConfig(path, `documents.${key}.date`);
    out[key] = e;
  }
  return out;
}

/** Checks a config file's text; unknown keys are kept out, missing ones take defaults. */
export function parseConfig(text: string, path: string): WorkingConfig {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw usageError(`Tệp cấu hình ${path} không phải JSON hợp lệ (${parsed.where.vi}).`, `Config file ${path} is not valid JSON (${parsed.where.en}).`);
  }
  const raw = parsed.value;
  if (!isRecord(raw)) throw badConfig(path, '(gốc)');
  if (typeof raw.plan !== 'string' || raw.plan.trim() === '') throw badConfig(path, 'plan');
  if (raw.registry !== undefined && raw.registry !== null && typeof raw.registry !== 'string') throw badConfig(path, 'registry');
  return {
    version: 1,
    plan: raw.plan,
    registry: (raw.registry as string | null | undefined) ?? null,
    agency: strings<Agency>(raw.agency, ['parent', 'name', 'nameFull', 'place', 'reportSuffix', 'proposalSuffix'], 'agency', path),
    signer: strings<Signer>(raw.signer, ['authority', 'title', 'name'], 'signer', path),
    folders: { ...DEFAULT_FOLDERS, ...strings<Folders>(raw.folders, ['submissions', 'outputs', 'templates'], 'folders', path) },
    documents: documentsOf(raw.documents, path),
  };
}

/** A plan reference: a bundled id, else a path relative to the working folder. */
export function planPathOf(ref: string, dir: string, plans: BundledPlan[] = bundledPlans()): string {
  const bundled = plans.find((p) => p.id === ref);
  if (bundled) return bundled.path;
  return isAbsolute(ref) ? ref : resolve(dir, ref);
}

/**
 * A configured folder, which must lie inside the working folder (symbolic links followed): a
 * config cannot send outputs to /etc or ../../ (a folder given on the command line can).
 */
export function insideFolder(dir: string, name: keyof Folders, value: string, path: string): string {
  const full = resolve(dir, value);
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = relative(real(dir), real(full));
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw usageError(
      `Tệp cấu hình ${path}: thư mục "folders.${name}" (${value}) nằm ngoài thư mục làm việc ${dir}. Sửa lại, hoặc ghi thư mục đó trên dòng lệnh.`,
      `Config file ${path}: the folder "folders.${name}" (${value}) lies outside the working folder ${dir}. Fix it, or give that folder on the command line.`,
    );
  }
  return full;
}

/** The working folder's config, found at or above `cwd`; null outside any working folder. */
export function loadWorkingConfig(cwd: string, home?: string): LoadedConfig | null {
  const path = findConfig(cwd, home);
  if (!path) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw usageError(`Không đọc được tệp cấu hình ${path}: ${(e as Error).message}`, `Cannot read the config file ${path}: ${(e as Error).message}`);
  }
  const config = parseConfig(text, path);
  const dir = dirname(path);
  return {
    path, dir, config,
    planPath: planPathOf(config.plan, dir),
    registryPath: config.registry === null ? null : resolve(dir, config.registry),
    folder: (name) => insideFolder(dir, name, config.folders[name], path),
  };
}

const defined = <T extends object>(o: Partial<T>): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The plan with the office's agency block and signer from the config laid over it. */
export function applyWorkingConfig(plan: Plan, loaded: LoadedConfig | null): Plan {
  if (!loaded) return plan;
  const { agency, signer } = loaded.config;
  return { ...plan, agency: { ...plan.agency, ...defined(agency) }, signer: { ...plan.signer, ...defined(signer) } };
}
