// The working folder's config: found by walking up, checked, laid over the plan; flags win.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWorkingConfig, bundledPlans, loadWorkingConfig, parseConfig } from '../../src/cli/config.js';
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
});
