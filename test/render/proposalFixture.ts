// A shortlist built the real way for the proposal renderer tests (and for a sample render):
// the bundled plan and register, compileResults over synthetic assessments of two districts,
// and buildShortlist over synthetic nominations with every kind of outcome.
import type { Assessment, Nomination } from '../../src/core/types.js';
import { loadPlan } from '../../src/data/plan.js';
import { loadRegistry } from '../../src/data/registry.js';
import { DEFAULT_PLAN, DEFAULT_REGISTRY } from '../../src/cli/context.js';
import { compileResults } from '../../src/compile/index.js';
import type { DistrictInput, Results } from '../../src/compile/types.js';
import { buildShortlist } from '../../src/shortlist/eligibility.js';
import type { Shortlist } from '../../src/shortlist/types.js';
import type { DocumentMeta } from '../../src/render/documentInput.js';
import type { ProposalInput } from '../../src/render/proposal/index.js';

export const plan = loadPlan(DEFAULT_PLAN);
export const registry = loadRegistry(DEFAULT_REGISTRY);

/** The commune codes of a district, in code order. */
export const communeCodes = (districtCode: string) => registry.communesOf(districtCode).map((c) => c.code).sort();

const BASE = '2021-08-15';
const END = plan.period.to;

function assess(communeCode: string, date: string, zone: string): Assessment {
  const c = registry.communes.get(communeCode)!;
  return {
    communeCode, districtCode: c.districtCode, date, zone,
    communityCases14d: null, quarantineCases: null, lastCommunityCase: null, population: null, decision: null, note: null,
    at: { file: `${c.districtCode}.xlsx`, sheet: 'Phân vùng', row: 5, column: 'A', cell: 'A5' },
  };
}

const submitted = (districtCode: string): DistrictInput => ({
  districtCode, submitted: true, errorCount: 0, warningCount: 0, communesWithErrors: [], files: [`${districtCode}.xlsx`],
});

/** 942 Châu Thành: every commune holds green. 943 Kế Sách: one commune per result, the rest without data. */
export function sampleResults(): Results {
  const rows: Assessment[] = [];
  const pair = (code: string, start: string, end: string) => rows.push(assess(code, BASE, start), assess(code, END, end));
  communeCodes('942').forEach((c) => pair(c, 'xanh', 'xanh'));
  const k = communeCodes('943');
  pair(k[0], 'xanh', 'xanh');
  pair(k[1], 'cam', 'xanh');
  pair(k[2], 'do', 'vang');
  pair(k[3], 'vang', 'cam'); // worsened
  pair(k[4], 'xanh', 'xanh');
  rows.push(assess(k[4], '2021-08-20', 'vang')); // green not held
  pair(k[5], 'cam', 'cam'); // unchanged
  return compileResults({
    plan, registry, period: plan.period, assessments: rows, indicators: [], difficulties: [],
    districts: [submitted('942'), submitted('943')],
  });
}

/** A nomination row with no problems unless given; `numberRows` gives it its place in the sheet. */
export function nomination(n: Partial<Nomination> & Pick<Nomination, 'kind' | 'name' | 'communeCode'>): Nomination {
  const districtCode = registry.communes.get(n.communeCode ?? '')?.districtCode ?? '943';
  return {
    position: null, unit: null, districtCode, achievement: 'Tích cực tham gia phòng, chống dịch Covid-19 tại địa phương',
    awardForm: null, birthYear: null, gender: null, problems: [],
    at: { file: `${districtCode}_de_nghi.xlsx`, sheet: 'Đề nghị khen thưởng', row: null, column: 'B', cell: null },
    ...n,
  };
}

/** Rows 6, 7, 8 … of each file, in list order: the same list always gets the same cells. */
function numberRows(list: Nomination[]): Nomination[] {
  const next = new Map<string, number>();
  return list.map((n) => {
    const row = next.get(n.at.file) ?? 6;
    next.set(n.at.file, row + 1);
    return { ...n, at: { ...n.at, row, cell: `B${row}` } };
  });
}

/** Two kept, one of each left-out kind the renderers show; `extra` rows are appended. */
export function sampleNominations(extra: Nomination[] = []): Nomination[] {
  const phuTam = '31573'; // Xã Phú Tâm, Huyện Châu Thành: held green
  const k = communeCodes('943');
  const person = { kind: 'individual' as const, name: 'Nguyễn Văn An', position: 'Chủ tịch UBND xã', unit: 'xã Phú Tâm', communeCode: phuTam };
  return numberRows([
    nomination({ kind: 'collective', name: 'Ban Chỉ đạo phòng, chống dịch Covid-19 xã Phú Tâm', communeCode: phuTam }),
    nomination(person),
    nomination({ ...person, achievement: 'Trùng tên, trùng đơn vị' }), // duplicate
    nomination({ kind: 'collective', name: 'UBND xã Phú Tâm', communeCode: phuTam }), // duplicate of the automatic one
    nomination({ kind: 'individual', name: 'Trần Thị Bình', position: 'Trạm trưởng', unit: 'Trạm Y tế', communeCode: k[1] }),
    nomination({ kind: 'individual', name: 'Lê Văn Cường', unit: 'Công an xã', communeCode: k[3] }), // worsened
    nomination({ kind: 'individual', name: 'Phạm Thị Dung', unit: null, communeCode: k[1], problems: ['individual-without-unit'] }),
    nomination({ kind: 'individual', name: 'Võ Văn Em', unit: 'Đoàn xã', communeCode: k[5] }), // unchanged
    nomination({ kind: 'individual', name: 'Đặng Văn Phúc', unit: 'Hội Nông dân xã', communeCode: k[4] }), // green not held
    nomination({ kind: 'collective', name: 'Hội Nông dân xã', communeCode: k[0], problems: ['collective-not-rewarded'] }),
    nomination({ kind: 'individual', name: 'Huỳnh Văn Giàu', unit: 'Ấp 3', communeCode: k[0], awardForm: 'giay-khen', problems: ['award-not-provincial'] }),
    nomination({ kind: 'individual', name: 'Ngô Văn Hậu', unit: 'Ấp 1', communeCode: k[8] }), // no data
    ...extra,
  ]);
}

export function sampleShortlist(results: Results, extra: Nomination[] = []): Shortlist {
  return buildShortlist(plan, registry, results, sampleNominations(extra));
}

export const BLANK_META: DocumentMeta = { number: null, date: null, fallbackYear: 2021, signer: { ...plan.signer, name: 'Nguyễn Văn Thành' } };

export function sampleInput(options: { meta?: DocumentMeta; extra?: Nomination[]; shortlist?: Shortlist } = {}): ProposalInput {
  const results = sampleResults();
  const shortlist = options.shortlist ?? sampleShortlist(results, options.extra);
  return { plan, registry, results, shortlist, meta: options.meta ?? BLANK_META };
}
