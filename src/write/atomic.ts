// Writing outputs whole or not at all, and never over someone else's file:
// - each output is first written to a temporary file beside its target, created exclusively
//   ('wx': never through a planted symlink) under an unpredictable name;
// - without --force the target is then created exclusively too (a hard link of the temporary
//   file, or an exclusive copy where links are not supported), so of two runs writing into one
//   folder at once, the second gets "already exists" (exit 2) instead of silently replacing;
// - with --force the temporary file is renamed over the target;
// - if one output cannot be placed, those placed by this run are removed again;
// - temporary files are removed on failure and on Ctrl-C / SIGTERM.
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, copyFile, link, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { usageError, ThiduaError, EXIT } from '../core/errors.js';

export interface Output {
  path: string;
  data: Buffer | string;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

const alreadyThere = (taken: string[]) =>
  usageError(
    `Tệp đã có, không ghi đè (thêm --force để thay): ${taken.join(', ')}`,
    `Files already exist and were not replaced (add --force to replace them): ${taken.join(', ')}`,
  );

// --- temporary files of this process, removed if it is interrupted ---

const live = new Set<string>();
let handlersOn = false;

function removeLive(): void {
  for (const t of live) rmSync(t, { force: true });
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  handlersOn = false;
  // the default action now: the process ends as interrupted, as it would have without us
  process.kill(process.pid, signal);
}

function guard(on: boolean): void {
  if (on && !handlersOn) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    handlersOn = true;
  } else if (!on && handlersOn && live.size === 0) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    handlersOn = false;
  }
}

/** A new temporary file beside `target`, created exclusively, holding `data`. */
async function writeTemp(target: string, data: Buffer | string): Promise<string> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(9).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  live.add(tmp);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return tmp;
}

/** Places the temporary file at `target` only if nothing is there (link, else exclusive copy). */
async function placeExclusive(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw e;
    // file systems without hard links (FAT, some network shares): an exclusive copy
    await copyFile(tmp, target, constants.COPYFILE_EXCL);
  }
  await unlink(tmp);
}

/** Refuses (exit 2, naming them) when any of these paths exists: the early, friendly check before work is done. */
export async function refuseExisting(paths: Iterable<string>): Promise<void> {
  const taken: string[] = [];
  for (const p of paths) if (await exists(p)) taken.push(p);
  if (taken.length > 0) throw alreadyThere(taken);
}

export async function writeOutputs(outputs: Output[], force: boolean): Promise<void> {
  // the early check; the exclusive placing below is what guarantees it
  if (!force) await refuseExisting(outputs.map((o) => o.path));
  const temps: string[] = [];
  const placed: string[] = [];
  guard(true);
  try {
    for (const o of outputs) {
      await mkdir(dirname(o.path), { recursive: true });
      temps.push(await writeTemp(o.path, o.data));
    }
    for (const [i, o] of outputs.entries()) {
      if (force) await rename(temps[i], o.path);
      else await placeExclusive(temps[i], o.path);
      live.delete(temps[i]);
      placed.push(o.path);
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    for (const t of temps) live.delete(t);
    const err = e as NodeJS.ErrnoException;
    // Another run placed a file first: ours are taken back, so the folder holds one run's outputs.
    if (!force) await Promise.all(placed.map((p) => rm(p, { force: true })));
    if (e instanceof ThiduaError) throw e;
    if (err.code === 'EEXIST' && !force) throw alreadyThere([outputs[placed.length]?.path ?? err.path ?? '?']);
    throw new ThiduaError(EXIT.usage, {
      vi: `Không ghi được kết quả vào ${err.path ?? dirname(outputs[0]?.path ?? '.')}: ${err.code ?? err.message}. Hãy chọn thư mục khác (--out).`,
      en: `Cannot write output to ${err.path ?? dirname(outputs[0]?.path ?? '.')}: ${err.code ?? err.message}. Choose another folder (--out).`,
    });
  } finally {
    guard(false);
  }
}
