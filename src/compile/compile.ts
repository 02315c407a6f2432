// compileResults: from the clean rows of every district's submission to the campaign's
// results (SPEC §5). Pure: no files, no printing; late or invalid districts are reported,
// never a reason to refuse.
import type { Assessment, Difficulty, IndicatorValue, Plan } from '../core/types.js';
import type { Registry } from '../data/registry.js';
import { districtQualifies } from './award.js';
import { campaignCourse } from './course.js';
import { byCode, difficultiesByDistrict, districtIndicators, districtSubmission, provinceIndicators, submissions } from './extras.js';
import { classifyCommune, statusContext } from './status.js';
import { districtLevel, zoneSummary } from './summary.js';
import type { CommuneListItem, CommuneLists, CommuneResult, DistrictInput, DistrictResult, Period, Results } from './types.js';
import { groupBy } from '../core/collections.js';

/** The clean rows of each commune, made when that commune is classified. */
export interface AssessmentsByCommune {
  count: number;
  of(communeCode: string): Assessment[];
}

export interface CompileInput {
  plan: Plan;
  registry: Registry;
  period: Period;
  /** clean rows only: a list, or (at scale) their count and a commune's rows when asked */
  assessments: Assessment[] | AssessmentsByCommune;
  indicators: IndicatorValue[];
  difficulties: Difficulty[];
  districts: DistrictInput[]; // districts absent here did not submit
}


/** Every commune of the register, by district code then commune code. */
function communeResults(input: CompileInput, districtCodes: string[], inputs: Map<string, DistrictInput>): CommuneResult[] {
  const ctx = statusContext(input.plan, input.period);
  const rows = input.assessments;
  let of: (code: string) => Assessment[];
  if (Array.isArray(rows)) {
    const byCommune = groupBy(rows, (a) => a.communeCode);
    of = (code) => byCommune.get(code) ?? [];
  } else of = (code) => rows.of(code);
  return districtCodes.flatMap((dc) =>
    [...input.registry.communesOf(dc)]
      .sort((a, b) => byCode(a.code, b.code))
      .map((c) => classifyCommune(c, input.registry.districts.get(dc), of(c.code), inputs.get(dc), ctx)),
  );
}

function districtResult(code: string, communes: CommuneResult[], input: CompileInput, inputs: Map<string, DistrictInput>): DistrictResult {
  const { plan } = input;
  const summary = zoneSummary(communes, plan);
  return {
    code,
    name: input.registry.districts.get(code)?.name ?? code,
    ...summary,
    level2686: {
      start: districtLevel(communes.map((c) => c.start), plan),
      end: districtLevel(communes.map((c) => c.end), plan),
    },
    awardQualifies: districtQualifies(summary, plan),
    submission: districtSubmission(inputs.get(code), communes),
    indicators: districtIndicators(input.indicators.filter((v) => v.districtCode === code), plan),
  };
}

function listItem(c: CommuneResult): CommuneListItem {
  return { code: c.code, name: c.name, districtCode: c.districtCode, districtName: c.districtName, fromZone: c.fromZone, toZone: c.toZone, reason: c.reason };
}

/** The named lists of the report; `communes` is already in district-then-commune order. */
export function communeLists(communes: CommuneResult[]): CommuneLists {
  const pick = (test: (c: CommuneResult) => boolean) => communes.filter(test).map(listItem);
  return {
    heldGreen: pick((c) => c.category === 'held-green'),
    improved: pick((c) => c.category === 'improved'),
    becameGreen: pick((c) => c.becameGreen),
    worsened: pick((c) => c.category === 'worsened'),
    greenNotHeld: pick((c) => c.category === 'green-not-held'),
    noData: pick((c) => c.category === 'no-data'),
  };
}

export function compileResults(input: CompileInput): Results {
  const { plan, registry, period } = input;
  const districtCodes = [...registry.districts.keys()].sort(byCode);
  const inputs = new Map(input.districts.map((d) => [d.districtCode, d]));
  const communes = communeResults(input, districtCodes, inputs);
  const byDistrict = groupBy(communes, (c) => c.districtCode);
  const districts = districtCodes.map((dc) => districtResult(dc, byDistrict.get(dc) ?? [], input, inputs));
  const known = input.districts.filter((d) => registry.districts.has(d.districtCode));
  return {
    planId: plan.id,
    period: { from: period.from, to: period.to },
    generatedFrom: {
      files: input.districts.reduce((n, d) => n + d.files.length, 0),
      districts: known.filter((d) => d.submitted).length,
      assessments: Array.isArray(input.assessments) ? input.assessments.length : input.assessments.count,
      indicators: input.indicators.length,
      difficulties: input.difficulties.length,
    },
    province: {
      code: plan.province.code,
      name: plan.province.name,
      districtCount: districtCodes.length,
      ...zoneSummary(communes, plan),
      indicators: provinceIndicators(input.indicators, plan),
    },
    districts,
    communes,
    lists: communeLists(communes),
    difficulties: difficultiesByDistrict(input.difficulties, registry, districtCodes),
    submissions: submissions(districts),
    course: campaignCourse(plan, period, communes.map((c) => c.code), Array.isArray(input.assessments) ? input.assessments : input.assessments.of),
  };
}
