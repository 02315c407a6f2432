// Spawning the built CLI as a user would: no terminal, no colour, closed stdin, a time limit,
// and a neutral locale (an English LANG would switch messages to English); output up to 256 MB
// (a report listing 10,000 issues is several MB: spawnSync's default would cut it at 1 MB).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

export function thidua(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env }, input: '', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
