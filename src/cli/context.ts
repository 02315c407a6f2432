// One resolved options object per run: flags, the plan file and defaults, turned into the plan,
// the register, the period and the output settings every command needs.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang, Plan } from '../core/types.js';
import { loadPlan } from '../data/plan.js';
import { loadRegistry, type Registry } from '../data/registry.js';
import { usageError } from '../core/errors.js';
import { limitsFromFlags, type LimitFlags, type ReadLimits } from '../read/limits.js';
import { workersFromEnv } from '../validate/pool.js';
import { periodFromOptions, parseUserDate, YEARS } from '../compile/period.js';
import type { Period } from '../compile/period.js';
import { parseLang } from './lang.js';
import { checkOutFolder, parseMonth } from './optionValues.js';
import { applyWorkingConfig, loadWorkingConfig, type LoadedConfig } from './config.js';

export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
export const DEFAULT_PLAN = `${TEMPLATES}plans/soc-trang-vung-xanh-2021.json`;
export const DEFAULT_REGISTRY = `${TEMPLATES}registry/soc-trang-2021-units.csv`;

export interface GlobalFlags {
  lang?: string;
  debug?: boolean;
  plan?: string;
  registry?: string;
}

export interface PeriodFlags {
  month?: string;
  from?: string;
  to?: string;
}

export interface RunContext {
  limits: ReadLimits;
  /** threads that read files (THIDUA_WORKERS) */
  workers: { count: number; forced: boolean };
  lang: Lang;
  plan: Plan;
  registry: Registry;
  period: Period;
  /** the working folder's thidua.config.json, when run inside one */
  config?: LoadedConfig | null;
}

export { parseLang } from './lang.js';

function checkedDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = parseUserDate(value);
  if (!d) throw usageError(`${flag} "${value}" không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd, năm ${YEARS.min}–${YEARS.max}).`, `${flag} "${value}" is not a valid date (dd/mm/yyyy or yyyy-mm-dd, years ${YEARS.min}–${YEARS.max}).`);
  return d;
}

export function resolvePeriod(plan: Plan, flags: PeriodFlags): Period {
  const month = flags.month === undefined ? undefined : parseMonth(flags.month);
  if (month === null) {
    throw usageError(`--month "${flags.month}" không phải một tháng: ghi 2021-08, 2021-8 hoặc 8/2021.`, `--month "${flags.month}" is not a month: write 2021-08, 2021-8 or 8/2021.`);
  }
  const period = periodFromOptions(plan, { month, from: checkedDate('--from', flags.from), to: checkedDate('--to', flags.to) });
  if (period.from > period.to) throw usageError(`Ngày bắt đầu sau ngày kết thúc.`, `The start date is after the end date.`);
  return period;
}

export function buildContext(flags: GlobalFlags & PeriodFlags & LimitFlags): RunContext {
  const lang = parseLang(flags.lang);
  const config = loadWorkingConfig(process.cwd());
  // which config changed this run's defaults (signer, folders) is never left to guess
  if (config) process.stderr.write(lang === 'en' ? `thidua: using the config ${config.path}\n` : `thidua: dùng cấu hình ${config.path}\n`);
  const { planPath, registryPath } = configuredSources(flags, config);
  const plan = applyWorkingConfig(loadPlan(planPath), config);
  const registry = loadRegistry(registryPath);
  return { lang, plan, registry, period: resolvePeriod(plan, flags), config, limits: limitsFromFlags(flags), workers: workersFromEnv() };
}

// --- working folder (thidua.config.json, see config.ts): flags win over it, it wins over defaults ---

/** The plan and register to load: the flag, else the working folder's config, else the bundled one. */
export function configuredSources(flags: GlobalFlags, config: LoadedConfig | null): { planPath: string; registryPath: string } {
  return {
    planPath: flags.plan ?? config?.planPath ?? DEFAULT_PLAN,
    registryPath: flags.registry ?? config?.registryPath ?? DEFAULT_REGISTRY,
  };
}

/** Flags shared by the commands that write a signed document. */
export interface DocumentFlags {
  number?: string;
  date?: string;
  signer?: string;
  signerTitle?: string;
  authority?: string;
  yes?: boolean;
}

/** A folder with nothing in it (dot files aside). */
function emptyFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && readdirSync(path).every((n) => n.startsWith('.'));
  } catch {
    return false;
  }
}

/** Folders given (or the working folder's submissions) that hold nothing are said to be empty, by name. */
function notEmpty(paths: string[]): string[] {
  if (paths.length === 0 || !paths.every(emptyFolder)) return paths;
  const names = paths.join(', ');
  throw usageError(
    `Thư mục ${names} còn trống: chưa có tệp nào. Hãy chép các tệp các huyện gửi vào đó rồi chạy lại.`,
    `The folder ${names} is empty: no files yet. Copy the files the districts sent into it and run again.`,
  );
}

/** The inputs: the paths given, or else there is nothing to read. */
export function resolvePaths(paths: string[], ctx: RunContext): string[] {
  if (paths.length > 0) return notEmpty(paths);
  if (ctx.config) return notEmpty([ctx.config.folder('submissions')]);
  throw usageError(
    'Chưa chỉ ra hồ sơ cần đọc: hãy ghi tệp hoặc thư mục (ví dụ ho-so/), hoặc chạy lệnh trong thư mục làm việc tạo bằng "thidua init".',
    'No submissions given: name files or folders (e.g. submissions/), or run inside a working folder made by "thidua init".',
  );
}

/** Where documents go: --out, else the working folder's outputs folder, else ./out. */
export function outDir(flags: { out?: string }, ctx: RunContext): string {
  return flags.out !== undefined ? checkOutFolder(flags.out) : (ctx.config?.folder('outputs') ?? 'out');
}
