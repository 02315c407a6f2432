// Shared test helpers for the compile core: the real bundled register and plan, and builders
// for clean rows (assessments, indicators, difficulties) and district submissions.
import { fileURLToPath } from 'node:url';
import type { Assessment, Difficulty, IndicatorValue } from '../../src/core/types.js';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import type { DistrictInput } from '../../src/compile/types.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export const plan = loadPlan(root('templates/plans/soc-trang-vung-xanh-2021.json'));
export const registry = loadRegistry(root('templates/registry/soc-trang-2021-units.csv'));

/** The commune codes of a district, in code order. */
export const communeCodes = (districtCode: string) => registry.communesOf(districtCode).map((c) => c.code).sort();

const pointer = (file = 'test.xlsx') => ({ file, sheet: 'Phân vùng', row: 5, column: 'A', cell: 'A5' });

export function assess(communeCode: string, date: string, zone: string): Assessment {
  const c = registry.communes.get(communeCode);
  if (!c) throw new Error(`no commune ${communeCode}`);
  return {
    communeCode, districtCode: c.districtCode, date, zone,
    communityCases14d: null, quarantineCases: null, lastCommunityCase: null, population: null, decision: null, note: null,
    at: pointer(),
  };
}

export function submitted(districtCode: string, extra: Partial<DistrictInput> = {}): DistrictInput {
  return { districtCode, submitted: true, errorCount: 0, warningCount: 0, communesWithErrors: [], files: [`${districtCode}.xlsx`], ...extra };
}

export function indicator(districtCode: string, indicatorCode: string | null, value: number, label?: string, unit: string | null = null): IndicatorValue {
  const planned = plan.indicators.find((i) => i.code === indicatorCode);
  return { districtCode, indicatorCode, label: label ?? planned?.label ?? '?', value, unit: unit ?? planned?.unit ?? null, note: null, at: pointer() };
}

export function difficulty(districtCode: string, content: string): Difficulty {
  return { districtCode, content, note: null, at: pointer() };
}
