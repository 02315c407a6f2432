// The working folder's config: found by walking up, checked, laid over the plan; flags win.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWorkingConfig, bundledPlans, findConfig, loadWorkingConfig, parseConfig } from '../../src/cli/config.js';
import { configuredSources, DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { loadPlan } from '../../src/data/plan.js';

function workingFolder(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-config-'));
  writeFileSync(join(dir, 'thidua.config.json'), JSON.stringify(config));
  return dir;
}

describe('working config', () => {
  it('lists the bundled plans', () => {
    expect(bundledPlans().map((p) => p.id)).toContain('soc-trang-vung-xanh-2021');
  });

  it('is found from a folder below the working folder, with paths resolved against it', () => {
    const dir = workingFolder({ plan: 'soc-trang-vung-xanh-2021', registry: 'dm.csv', folders: { submissions: 'nhan' } });
    mkdirSync(join(dir, 'nhan', '942'), { recursive: true });
    const wc = loadWorkingConfig(join(dir, 'nhan', '942'))!;
    expect(wc.dir).toBe(dir);
    expect(wc.planPath).toBe(DEFAULT_PLAN);
    expect(wc.registryPath).toBe(join(dir, 'dm.csv'));
    expect(wc.folder('submissions')).toBe(join(dir, 'nhan'));
    expect(wc.folder('outputs')).toBe(join(dir, 'ket-qua'));
  });

  it('is null outside any working folder', () => {
    expect(loadWorkingConfig(mkdtempSync(join(tmpdir(), 'thidua-none-')))).toBeNull();
  });

  it('says what is wrong with a broken config', () => {
    expect(() => parseConfig('{ plan: ', 'x.json')).toThrow(/not valid JSON/);
    expect(() => parseConfig('{"plan": 3}', 'x.json')).toThrow(/"plan"/);
    expect(() => parseConfig('{"plan": "p", "signer": {"name": 5}}', 'x.json')).toThrow(/"signer.name"/);
  });

  it('lays the office and signer over the plan; flags win over the config', () => {
    const dir = workingFolder({ plan: 'my-plan.json', agency: { reportSuffix: 'BC-X' }, signer: { name: 'Trần Văn Bình' } });
    const wc = loadWorkingConfig(dir)!;
    const plan = applyWorkingConfig(loadPlan(DEFAULT_PLAN), wc);
    expect(plan.agency).toMatchObject({ name: 'SỞ NỘI VỤ', reportSuffix: 'BC-X' });
    expect(plan.signer).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn Bình' });
    expect(configuredSources({}, wc)).toEqual({ planPath: join(dir, 'my-plan.json'), registryPath: DEFAULT_REGISTRY });
    expect(configuredSources({ plan: 'other.json' }, wc).planPath).toBe('other.json');
    expect(configuredSources({}, null)).toEqual({ planPath: DEFAULT_PLAN, registryPath: DEFAULT_REGISTRY });
  });

  describe('search (a config in a parent folder cannot change a run it does not belong to)', () => {
    const base = mkdtempSync(join(tmpdir(), 'thidua-search-'));
    const config = (dir: string, extra: object = {}) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'thidua.config.json'), JSON.stringify({ plan: 'soc-trang-vung-xanh-2021', ...extra }));
      return join(dir, 'thidua.config.json');
    };

    it('stops at the home folder: one there is found, one above it is not', () => {
      config(join(base, 'a'));
      const home = join(base, 'a', 'home');
      mkdirSync(join(home, 'dot', 'ho-so'), { recursive: true });
      expect(findConfig(join(home, 'dot', 'ho-so'), home)).toBeNull();
      const own = config(home);
      expect(findConfig(join(home, 'dot', 'ho-so'), home)).toBe(own);
    });

    it('stops at a git root', () => {
      config(join(base, 'b'));
      mkdirSync(join(base, 'b', 'repo', '.git'), { recursive: true });
      mkdirSync(join(base, 'b', 'repo', 'sub'), { recursive: true });
      expect(findConfig(join(base, 'b', 'repo', 'sub'), '/nonexistent-home')).toBeNull();
      const own = config(join(base, 'b', 'repo'));
      expect(findConfig(join(base, 'b', 'repo', 'sub'), '/nonexistent-home')).toBe(own);
    });

    it('never reads a config in a folder others can write to (a planted /tmp/thidua.config.json)', () => {
      const shared = join(base, 'shared');
      config(shared, { signer: { name: 'KẺ GIẢ MẠO' } });
      chmodSync(shared, 0o1777);
      mkdirSync(join(shared, 'mine'), { mode: 0o700 });
      chmodSync(join(shared, 'mine'), 0o700);
      expect(findConfig(join(shared, 'mine'), '/nonexistent-home')).toBeNull();
      expect(findConfig(shared, '/nonexistent-home')).toBeNull();
    });

    it('keeps configured folders inside the working folder', () => {
      const dir = join(base, 'c');
      config(dir, { folders: { outputs: '../../etc', submissions: '/etc', templates: 'mau' } });
      const wc = loadWorkingConfig(dir, dir)!;
      expect(() => wc.folder('outputs')).toThrow(/"folders.outputs" \(\.\.\/\.\.\/etc\) lies outside the working folder/);
      expect(() => wc.folder('submissions')).toThrow(/outside the working folder/);
      expect(wc.folder('templates')).toBe(join(dir, 'mau'));
    });
  });

  it('accepts a config saved with a BOM; a syntax error gives line and column, never the file\'s text', () => {
    expect(parseConfig('\uFEFF{"plan": "soc-trang-vung-xanh-2021"}', 'x.json').plan).toBe('soc-trang-vung-xanh-2021');
    const err = (text: string) => {
      try {
        parseConfig(text, 'x.json');
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(err('{\n  "plan": "p",\n  SECRET-TOKEN\n}')).toBe('Config file x.json is not valid JSON (syntax error at line 3, column 3).');
    expect(err('SECRET-TOKEN and more')).not.toContain('SECRET');
    expect(err('{"plan": tru}')).not.toContain('plan');
  });
});
