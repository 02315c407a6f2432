// Validation of the generated fixtures through the real readers: the province set and every
// broken case get exactly the issues and exit code the fixture manifest says they must.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { validateInputs, type ValidationRun } from '../../src/validate/run.js';

interface Expected {
  code: string;
  severity: 'error' | 'warning';
  file: string;
  sheet: string | null;
  cell: string | null;
  note?: string;
}
interface Case {
  folder: string;
  problem: string;
  expected: Expected[];
  allowed: string[];
  exitCode: number;
}

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'));
const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);

async function run(folder: string): Promise<ValidationRun> {
  return validateInputs([join(FIXTURES, folder)], { plan, registry, period: plan.period, forcedDistrict: null });
}

function exitCodeOf(r: ValidationRun): number {
  return r.unreadable > 0 ? 3 : r.errors > 0 ? 1 : 0;
}

function found(r: ValidationRun) {
  return r.files.flatMap((f) => f.issues.map((i) => ({ ...i, file: basename(f.path) })));
}

/** Every expected issue is there (same code, severity, file, and sheet/cell where known). */
function expectIssues(r: ValidationRun, expected: Expected[], allowed: string[]) {
  const issues = found(r);
  for (const e of expected) {
    const match = issues.find((i) => i.code === e.code && i.file === e.file && (!e.cell || i.cell === e.cell) && (!e.sheet || i.sheet === e.sheet));
    if (!match && e.note) continue; // the manifest marks this one as optional
    expect(match, `${e.code} at ${e.file} ${e.sheet ?? ''}!${e.cell ?? ''}`).toBeDefined();
    expect(match!.severity).toBe(e.severity);
  }
  const permitted = new Set([...expected.map((e) => e.code), ...allowed]);
  expect(issues.filter((i) => !permitted.has(i.code)).map((i) => `${i.code} ${i.file} ${i.cell}`)).toEqual([]);
}

describe('broken fixtures', () => {
  for (const c of manifest.broken as Case[]) {
    it(`${c.folder}: ${c.problem.slice(0, 70)}`, async () => {
      const r = await run(join('broken', c.folder));
      expectIssues(r, c.expected, c.allowed);
      expect(exitCodeOf(r)).toBe(c.exitCode);
    });
  }
});

describe('the province set', () => {
  it('reads every district in every shape with only the planted issues', async () => {
    const r = await run('province');
    expectIssues(r, manifest.province.expectedIssues, []);
    expect(exitCodeOf(r)).toBe(manifest.province.expectedExitCode);
    const districts = new Set(r.files.map((f) => f.districtCode));
    expect([...districts].sort()).toEqual([...registry.districts.keys()].sort());
  });

  it('keeps every assessment of the ground truth, with its zone', async () => {
    const r = await run('province');
    const got = new Map<string, string>();
    for (const f of r.files) for (const a of f.assessments) got.set(`${a.communeCode}|${a.date}`, a.zone);
    let expected = 0;
    for (const c of manifest.province.communes) {
      for (const [date, zone] of Object.entries(c.assessments as Record<string, string>)) {
        expected++;
        expect(got.get(`${c.code}|${date}`), `${c.code} ${c.name} on ${date}`).toBe(zone);
      }
    }
    expect(got.size).toBe(expected);
  });
});
