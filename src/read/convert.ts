// --convert: an Excel 97–2003 (.xls) or LibreOffice (.ods) file turned into a temporary .xlsx
// by LibreOffice (`soffice --headless --convert-to xlsx`), when it is installed. The original
// is never touched; the copy lives in a temporary folder that the caller removes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** soffice (or libreoffice) on PATH, or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.com'] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice']) for (const ext of exts) if (existsSync(join(dir, name + ext))) return join(dir, name + ext);
  }
  return null;
}

export interface Converted {
  path: string;
  /** removes the temporary folder */
  cleanup: () => Promise<void>;
}

/** Converts `path` to .xlsx in a fresh temporary folder; null when LibreOffice fails or times out. */
export async function convertToXlsx(path: string, soffice: string, timeoutMs = 120_000): Promise<Converted | null> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-convert-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  // A profile of its own, so a LibreOffice already open on the desktop does not swallow the job.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), path];
  const ok = await new Promise<boolean>((resolve) => {
    const child = spawn(soffice, args, { stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(false);
    }, timeoutMs);
    child.on('error', () => (clearTimeout(timer), resolve(false)));
    child.on('exit', (code) => (clearTimeout(timer), resolve(code === 0)));
  });
  const out = ok ? (await readdir(join(dir, 'out')).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith('.xlsx')) : undefined;
  if (!out) {
    await cleanup();
    return null;
  }
  return { path: join(dir, 'out', out), cleanup };
}

export const convertedName = (path: string) => `${basename(path).replace(/\.[^.]+$/, '')}.xlsx`;
