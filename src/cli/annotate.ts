// `validate --annotate DIR`: one marked-up .xlsx per readable input. The copies mirror the
// input folders under DIR (two districts may both send "bao cao.xlsx"), each written whole,
// one at a time, so memory holds one workbook; nothing is replaced without --force.
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Lang } from '../core/types.js';
import { ThiduaError } from '../core/errors.js';
import type { ReadLimits } from '../read/limits.js';
import type { ValidationRun } from '../validate/run.js';
import { annotatedWorkbook } from '../render/annotate.js';
import { refuseExisting, writeOutputs } from '../write/atomic.js';

export function annotatedName(path: string, keepExtension = false): string {
  const base = basename(path);
  return `${keepExtension ? base : base.slice(0, base.length - extname(base).length) || base}.kiem-tra.xlsx`;
}

/** The deepest folder holding every input. */
function commonFolder(paths: string[]): string {
  const dirs = paths.map((p) => dirname(resolve(p)).split(sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let k = 0;
    while (k < n && k < d.length && d[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(sep) || sep;
}

/**
 * Where each input's copy goes: its path below the inputs' common folder, under `dir`. Two
 * inputs that would still meet (Báo cáo.xlsx and báo cáo.csv on a case-blind disk) keep their
 * extension in the name.
 */
export function annotatedPaths(inputs: string[], dir: string): Map<string, string> {
  const root = commonFolder(inputs);
  const target = (p: string, keep: boolean) => join(dir, relative(root, dirname(resolve(p))), annotatedName(p, keep));
  // two inputs whose copies would share a name (as the file system compares names) keep their extensions apart
  const key = (p: string) => target(p, false).normalize('NFC').toLowerCase();
  const count = new Map<string, number>();
  for (const p of inputs) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  return new Map(inputs.map((p) => [p, target(p, (count.get(key(p)) ?? 0) > 1)]));
}

export async function writeAnnotated(run: ValidationRun, dir: string, force: boolean, lang: Lang, limits: ReadLimits): Promise<string[]> {
  // Word/PDF attachments read as documents have nothing to mark up.
  const files = [...new Map(run.files.filter((f) => !f.unreadable && !f.document).map((f) => [resolve(f.path), f])).values()];
  const paths = annotatedPaths(files.map((f) => f.path), dir);
  if (!force) await refuseExisting(paths.values());
  const written: string[] = [];
  for (const f of files) {
    const path = paths.get(f.path)!;
    try {
      await writeOutputs([{ path, data: await annotatedWorkbook(f, lang, limits) }], force);
    } catch (e) {
      if (!(e instanceof ThiduaError)) throw e;
      // The writer's advice names --out; here the folder is the one given to --annotate.
      const fix = (s: string) => s.replace('(--out)', '(--annotate)');
      throw new ThiduaError(e.exitCode, { vi: fix(e.text.vi), en: fix(e.text.en) });
    }
    written.push(path);
  }
  return written;
}
