// The built CLI end to end: `init --yes`, no hang without a terminal, and `template` / `validate`
// inside the working folder reading its config.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { fillTemplate } from '../template/fill.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/thidua.js');

function thidua(args: string[], cwd: string, timeout = 30_000) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  delete env.CI; // the no-terminal case must hold without CI's help
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('thidua init (built CLI)', () => {
  it('--yes sets up the folder, the blank workbooks and the config, and prints the next three commands', () => {
    const parent = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
    const r = thidua(['init', '--yes', 'dot-thi-dua'], parent);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = join(parent, 'dot-thi-dua');
    const config = JSON.parse(readFileSync(join(dir, 'thidua.config.json'), 'utf8'));
    expect(config).toMatchObject({ version: 1, plan: 'soc-trang-vung-xanh-2021', folders: { submissions: 'ho-so', outputs: 'ket-qua', templates: 'bieu-mau' } });
    expect(existsSync(join(dir, 'ho-so'))).toBe(true);
    expect(existsSync(join(dir, 'ket-qua'))).toBe(true);
    expect(readdirSync(join(dir, 'bieu-mau'))).toContain('942-Huyen-Chau-Thanh.xlsx');
    expect(readdirSync(join(dir, 'bieu-mau'))).toHaveLength(11);
    const lines = r.stdout.split('\n');
    const next = lines.slice(lines.findIndex((l) => l.startsWith('Ba lệnh tiếp theo')) + 1).filter(Boolean);
    expect(next.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['cd dot-thi-dua', 'thidua validate ho-so', 'thidua compile', 'thidua shortlist']);
    const again = thidua(['init', '--yes', 'dot-thi-dua'], parent);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/đã là thư mục làm việc.*--force/);
  });

  it('does not wait for input without a terminal: takes the defaults and says so', () => {
    const parent = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
    const r = thidua(['init', 'w'], parent, 20_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/không có terminal.*--yes/);
    expect(existsSync(join(parent, 'w', 'thidua.config.json'))).toBe(true);
  });

  it('inside the working folder, template and validate read the config', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
    expect(thidua(['init', '--yes', 'w', '--lang', 'en'], parent).code).toBe(0);
    const dir = join(parent, 'w');
    const sub = join(dir, 'ho-so');
    const t = thidua(['template', '--district', '942'], sub);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/không ghi đè/);
    const forced = thidua(['template', '--district', '942', '--force'], sub);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('942-Huyen-Chau-Thanh.xlsx');
    const registry = loadRegistry(DEFAULT_REGISTRY);
    const filled = await fillTemplate(readFileSync(join(dir, 'bieu-mau', '942-Huyen-Chau-Thanh.xlsx')), registry.communesOf('942'));
    writeFileSync(join(sub, 'Chau Thanh.xlsx'), filled);
    const v = thidua(['validate', 'ho-so'], dir);
    expect(v.stdout).toContain('Huyện Châu Thành (942)');
    expect(v.code).toBe(0);
  });

  it('template outside a working folder needs --out, and known district codes', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
    const r = thidua(['template'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
    const bad = thidua(['template', '--district', '999', '--out', 'x'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/999.*942 \(Huyện Châu Thành\)/);
    const ok = thidua(['template', '--district', '942', '943', '--out', 'bm'], cwd);
    expect(ok.code).toBe(0);
    expect(readdirSync(join(cwd, 'bm')).sort()).toEqual(['942-Huyen-Chau-Thanh.xlsx', '943-Huyen-Ke-Sach.xlsx']);
  });
});
