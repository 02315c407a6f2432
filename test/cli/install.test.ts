// The install the README gives: no `prepare` script (npm 11 blocks it on `npm install -g`), a bin
// whose build output is packed, and a lockfile whose every package supports Node 20 (so `npm ci`
// prints no EBADENGINE warning). The install itself, on a clean HOME and npm prefix, needs the
// registry: it is shown in the closing note of issue 14, not run here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^[v=]/, '').split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : 0));
  return [a, b, c];
};
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Does a node-semver range (the subset engines fields use) admit this version? */
export function admits(range: string, version: string): boolean {
  const v = parse(version);
  return range.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split('||').some((clause) =>
    clause.trim().split(/\s+/).filter(Boolean).every((c) => {
      const m = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(c);
      if (!m || m[2] === '*' || m[2] === 'x') return true;
      const [op = '=', raw] = [m[1], m[2]];
      const r = parse(raw);
      const parts = raw.split('.').filter((x) => /^\d+$/.test(x)).length;
      if (op === '>=') return cmp(v, r) >= 0;
      if (op === '>') return cmp(v, r) > 0;
      if (op === '<=') return cmp(v, r) <= 0;
      if (op === '<') return cmp(v, r) < 0;
      if (op === '^') return cmp(v, r) >= 0 && v[0] === r[0];
      if (op === '~') return cmp(v, r) >= 0 && v[0] === r[0] && (parts < 2 || v[1] === r[1]);
      return v[0] === r[0] && (parts < 2 || v[1] === r[1]) && (parts < 3 || v[2] === r[2]);
    }),
  );
}

describe('install', () => {
  it('reads engine ranges as npm does (the checker itself)', () => {
    expect(admits('^22 || ^24 || >=26', '20.19.0')).toBe(false);
    expect(admits('^18 || >=20', '20.0.0')).toBe(true);
    expect(admits('>=18', '20.19.0')).toBe(true);
    expect(admits('^14.17.0 || ^16.10.0 || >=18.0.0', '20.0.0')).toBe(true);
    expect(admits('>= 20', '20.0.0')).toBe(true);
  });

  it('every package in the lockfile supports Node 20 (no EBADENGINE on npm ci)', () => {
    const refusing = Object.entries(lock.packages as Record<string, { engines?: { node?: string } | string[] }>)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !admits((p.engines as { node: string }).node, '20.0.0') && !admits((p.engines as { node: string }).node, '20.19.0'))
      .map(([name, p]) => `${name} ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
    expect(lock.packages['node_modules/docx/node_modules/nanoid']?.version ?? lock.packages['node_modules/nanoid']?.version).toMatch(/^5\./);
  });

  it('builds on pack, not on prepare; packs the build output the bin loads', () => {
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.bin).toEqual({ thidua: 'bin/thidua.js' });
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const f of ['bin/thidua.js', 'dist/cli/main.js', 'dist/cli/program.js', 'templates/plans/soc-trang-vung-xanh-2021.json', 'README.md']) expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('fixtures/'))).toBe(false);
  });

  it('runs in a clone not yet built (no dist/ after npm ci): the sources through tsx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-unbuilt-'));
    for (const part of ['bin', 'src', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, ['bin/thidua.js', '--help'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LANG: 'C.UTF-8' } });
    expect(r.stderr).not.toContain('npm run build');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cách dùng: thidua');
  });
});
