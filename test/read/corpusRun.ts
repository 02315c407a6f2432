// Running one file of fixtures/bad/ through validation as the CLI would, with the case's limits.
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { validateInputs } from '../../src/validate/run.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/read/limits.js';

const plan = loadPlan(DEFAULT_PLAN);
const registry = loadRegistry(DEFAULT_REGISTRY);

export interface Outcome {
  exitCode: number;
  codes: string[];
  encoding: string | null;
  messages: string[];
  ms: number;
}

export async function outcomeOf(path: string, limits: Partial<ReadLimits> = {}): Promise<Outcome> {
  const t = performance.now();
  const run = await validateInputs([path], { plan, registry, period: plan.period, forcedDistrict: null, limits: { ...DEFAULT_LIMITS, ...limits } });
  const ms = performance.now() - t;
  const issues = run.files.flatMap((f) => f.issues);
  return {
    exitCode: run.unreadable > 0 ? 3 : run.errors > 0 ? 1 : 0,
    codes: [...new Set(issues.map((i) => i.code))].sort(),
    encoding: run.files[0]?.encoding ?? null,
    messages: issues.slice(0, 3).map((i) => (String(i.params.reasonEn ?? '') || i.code) + (i.cell ? ` @${i.cell}` : i.row ? ` @row ${i.row}` : '')),
    ms,
  };
}
