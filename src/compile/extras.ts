// The parts of the results that are not zones: indicator totals, difficulties grouped by
// district, and who submitted (or sent rows with errors).
import type { Difficulty, IndicatorValue, Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import type {
  CommuneResult, DistrictDifficulties, DistrictInput, DistrictSubmission, IndicatorTotal, ProvinceIndicatorTotal, Submissions,
} from './types.js';

/** A district's indicators: the plan's, in plan order, then its own (code null) by label in first-seen order. */
export function districtIndicators(values: IndicatorValue[], plan: Plan): IndicatorTotal[] {
  const planned: IndicatorTotal[] = [];
  for (const ind of plan.indicators) {
    const rows = values.filter((v) => v.indicatorCode === ind.code);
    if (rows.length > 0) planned.push({ code: ind.code, label: ind.label, unit: ind.unit, value: sum(rows), rows: rows.length });
  }
  const own = new Map<string, IndicatorTotal>();
  for (const v of values) {
    if (v.indicatorCode !== null) continue;
    const t = own.get(v.label) ?? { code: null, label: v.label, unit: v.unit, value: 0, rows: 0 };
    t.value += v.value;
    t.rows += 1;
    t.unit ??= v.unit;
    own.set(v.label, t);
  }
  return [...planned, ...own.values()];
}

const sum = (rows: IndicatorValue[]) => rows.reduce((n, r) => n + r.value, 0);

/** Every plan indicator, zero when nobody reported it; districts' own indicators stay with them. */
export function provinceIndicators(values: IndicatorValue[], plan: Plan): ProvinceIndicatorTotal[] {
  return plan.indicators.map((ind) => {
    const rows = values.filter((v) => v.indicatorCode === ind.code);
    return { code: ind.code, label: ind.label, unit: ind.unit, value: sum(rows), districts: new Set(rows.map((r) => r.districtCode)).size };
  });
}

export function difficultiesByDistrict(difficulties: Difficulty[], registry: Registry, districtCodes: string[]): DistrictDifficulties[] {
  return districtCodes.flatMap((code) => {
    const items = difficulties.filter((d) => d.districtCode === code).map((d) => ({ content: d.content, note: d.note, at: d.at }));
    return items.length === 0 ? [] : [{ districtCode: code, districtName: registry.districts.get(code)?.name ?? code, items }];
  });
}

export function districtSubmission(input: DistrictInput | undefined, communes: CommuneResult[]): DistrictSubmission {
  const withErrors = [...(input?.communesWithErrors ?? [])].sort(byCode);
  const noStatus = new Set(communes.filter((c) => c.reason?.cause === 'rows-with-errors').map((c) => c.code));
  return {
    submitted: input?.submitted ?? false,
    files: [...(input?.files ?? [])],
    documents: [...(input?.documents ?? [])],
    errorCount: input?.errorCount ?? 0,
    warningCount: input?.warningCount ?? 0,
    communesWithErrors: withErrors,
    communesWithoutStatusByErrors: withErrors.filter((c) => noStatus.has(c)),
  };
}

export function submissions(districts: { code: string; submission: DistrictSubmission }[]): Submissions {
  return {
    submitted: districts.filter((d) => d.submission.submitted).map((d) => d.code),
    notSubmitted: districts.filter((d) => !d.submission.submitted && d.submission.documents.length === 0).map((d) => d.code),
    documentsOnly: districts.filter((d) => !d.submission.submitted && d.submission.documents.length > 0).map((d) => d.code),
    withErrors: districts
      .filter((d) => d.submission.errorCount > 0)
      .map((d) => ({ districtCode: d.code, errorCount: d.submission.errorCount, communesWithoutStatus: d.submission.communesWithoutStatusByErrors })),
  };
}

// localeCompare with options builds a collator on every call: one, made once, gives the same order.
const NUMERIC = new Intl.Collator('en', { numeric: true });

/** Administrative codes are digit strings; compare them as numbers when lengths differ. */
export function byCode(a: string, b: string): number {
  return NUMERIC.compare(a, b);
}
